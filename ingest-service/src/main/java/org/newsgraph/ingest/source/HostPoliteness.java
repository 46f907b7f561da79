package org.newsgraph.ingest.source;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One request at a time per host, and a minimum delay between the end of one and the start of the
 * next, for all the sources this replica polls (several sources and the pages of their entries
 * often live on one host).
 */
final class HostPoliteness {

  /** Hosts remembered before idle ones are forgotten; a forgotten host owes no delay. */
  private static final int MAX_IDLE_HOSTS = 1024;

  private final long delayNanos;
  private final Map<String, Slot> hosts = new ConcurrentHashMap<>();

  HostPoliteness(Duration delay) {
    this.delayNanos = delay.toNanos();
  }

  private static final class Slot {
    final ReentrantLock lock = new ReentrantLock(true);
    long nextAllowed = System.nanoTime();
  }

  /** The host's turn: closing it ends the request and starts the delay before the next one. */
  final class Turn implements AutoCloseable {
    private final Slot slot;

    private Turn(Slot slot) {
      this.slot = slot;
    }

    @Override
    public void close() {
      slot.nextAllowed = System.nanoTime() + delayNanos;
      slot.lock.unlock();
      if (hosts.size() > MAX_IDLE_HOSTS) {
        forgetIdle();
      }
    }
  }

  /** Waits for the host's turn. */
  Turn acquire(String host) throws InterruptedException {
    String key = host.toLowerCase(Locale.ROOT);
    while (true) {
      Slot slot = hosts.computeIfAbsent(key, k -> new Slot());
      slot.lock.lockInterruptibly();
      if (hosts.get(key) != slot) {
        slot.lock.unlock(); // forgotten while we waited for it: take the new one
        continue;
      }
      long wait = slot.nextAllowed - System.nanoTime();
      if (wait > 0) {
        try {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } catch (InterruptedException e) {
          slot.lock.unlock();
          throw e;
        }
      }
      return new Turn(slot);
    }
  }

  private void forgetIdle() {
    long now = System.nanoTime();
    hosts
        .entrySet()
        .removeIf(
            entry -> {
              Slot slot = entry.getValue();
              if (!slot.lock.tryLock()) {
                return false;
              }
              try {
                return slot.nextAllowed - now <= 0 && !slot.lock.hasQueuedThreads();
              } finally {
                slot.lock.unlock();
              }
            });
  }
}
