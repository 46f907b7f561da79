package org.newsgraph.entity.processing;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A worker's hold on the one article it processes: renews the lease in the background so that a
 * long article is not taken over while its worker is alive, and interrupts the extraction when the
 * article's time budget runs out or the lease is lost. Interrupts reach the worker only while it
 * extracts, never while it writes to the database.
 */
final class ArticleLease implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ArticleLease.class);

  private final long articleId;
  private final String owner;
  private final OutboxQueue queue;
  private final Thread worker = Thread.currentThread();
  private final ScheduledFuture<?> renewal;
  private final ScheduledFuture<?> budget;
  private boolean extracting;
  private volatile boolean lost;
  private volatile boolean overBudget;

  ArticleLease(
      long articleId,
      String owner,
      OutboxQueue queue,
      ScheduledExecutorService timers,
      Duration lease,
      Duration articleBudget) {
    this.articleId = articleId;
    this.owner = owner;
    this.queue = queue;
    long every = Math.max(1, lease.toMillis() / 3);
    this.renewal = timers.scheduleAtFixedRate(this::renew, every, every, TimeUnit.MILLISECONDS);
    this.budget =
        timers.schedule(this::budgetSpent, articleBudget.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Runs the extraction, interruptible by the budget and by a lost lease. */
  <T> T extract(Supplier<T> extraction) {
    synchronized (this) {
      extracting = true;
    }
    try {
      return extraction.get();
    } finally {
      synchronized (this) {
        extracting = false;
        Thread.interrupted(); // an interrupt that came too late must not reach the database
      }
    }
  }

  /** Stops renewing: the result write that follows locks the row the renewal would update. */
  void stopRenewing() {
    renewal.cancel(false);
  }

  boolean lost() {
    return lost;
  }

  boolean overBudget() {
    return overBudget;
  }

  private void renew() {
    try {
      if (!queue.renew(articleId, owner)) {
        lost = true;
        renewal.cancel(false);
        interruptExtraction();
      }
    } catch (RuntimeException e) {
      // the database may be away; the next renewal tries again, and the lease lasts meanwhile
      LOG.warnf("Could not renew the lease on article %d: %s", articleId, e.getMessage());
    }
  }

  private void budgetSpent() {
    overBudget = true;
    interruptExtraction();
  }

  private synchronized void interruptExtraction() {
    if (extracting) {
      worker.interrupt();
    }
  }

  @Override
  public void close() {
    renewal.cancel(false);
    budget.cancel(false);
  }
}
