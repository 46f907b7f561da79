package org.newsgraph.ingest.article;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.newsgraph.ingest.IngestConfig;

/**
 * The threads that prepare batch items ahead of the request thread, which stores them meanwhile.
 * Preparing is pure CPU work, so there is no point in more threads than processors.
 */
@ApplicationScoped
class PreparationPool {

  private final ArticlePreparation preparation;
  private final ExecutorService executor;

  PreparationPool(ArticlePreparation preparation, IngestConfig config) {
    this.preparation = preparation;
    int threads = config.preparationThreads().orElse(Runtime.getRuntime().availableProcessors());
    AtomicInteger number = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            Math.max(1, threads),
            task -> {
              Thread thread = new Thread(task, "ingest-prepare-" + number.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** The prepared article, or the {@code ProblemException} that rejects the request. */
  Future<Article> prepare(ArticleRequest request) {
    return executor.submit(() -> preparation.prepare(request));
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }
}
