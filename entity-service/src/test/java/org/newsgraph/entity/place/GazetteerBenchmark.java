package org.newsgraph.entity.place;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the embedded gazetteer costs: the CPU time of loading it (the thread's, so that other load
 * on the machine does not count; wall time is printed too), the heap it keeps after a full GC
 * against the heap before it was loaded, and the time of one resolution. See docs/performance.md.
 */
public final class GazetteerBenchmark {

  private GazetteerBenchmark() {}

  public static void main(String[] args) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = settledHeap(memory);
    long cpu = threads.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    Gazetteer gazetteer = Gazetteer.shipped();
    double loadCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
    double loadWall = (System.nanoTime() - wall) / 1e9;
    long after = settledHeap(memory);
    PlaceResolver resolver = new PlaceResolver(gazetteer);
    List<String> names =
        List.of("Tripoli", "Georgia", "Hyderabad", "Helmand province", "Red Sea", "Springfield");
    int rounds = 20_000;
    for (int i = 0; i < rounds; i++) {
      resolver.resolve(names.get(i % names.size()), Clues.none(), Map.of());
    }
    cpu = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < rounds; i++) {
      resolver.resolve(names.get(i % names.size()), Clues.none(), Map.of());
    }
    double perResolution = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / rounds;
    System.out.printf(
        Locale.ROOT,
        "names %d; load %.2f s CPU (%.2f s wall); heap %.1f MB before, %.1f MB after, %.1f MB"
            + " kept (%.2fx the baseline); %.1f us per resolution%n",
        gazetteer.names(),
        loadCpu,
        loadWall,
        before / 1e6,
        after / 1e6,
        (after - before) / 1e6,
        (double) after / before,
        perResolution);
  }

  private static long settledHeap(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
