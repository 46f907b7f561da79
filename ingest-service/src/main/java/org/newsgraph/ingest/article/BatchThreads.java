package org.newsgraph.ingest.article;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.newsgraph.ingest.IngestConfig;

/**
 * The threads that work for batch requests besides the request thread, which reads the items: a
 * pool that prepares items (pure CPU work, so no more threads than processors), and threads that
 * store chunks (one at a time per batch) while the request thread goes on reading.
 */
@ApplicationScoped
class BatchThreads {

  private final ArticlePreparation preparation;
  private final ArticleStore store;
  private final ExecutorService preparing;
  private final ExecutorService storing;

  BatchThreads(ArticlePreparation preparation, ArticleStore store, IngestConfig config) {
    this.preparation = preparation;
    this.store = store;
    int threads = config.preparationThreads().orElse(Runtime.getRuntime().availableProcessors());
    this.preparing = Executors.newFixedThreadPool(Math.max(1, threads), named("ingest-prepare-"));
    // one thread per batch in progress at most, and batches are few; idle threads go after 60 s
    this.storing = Executors.newCachedThreadPool(named("ingest-store-"));
  }

  /** The prepared article, or the {@code ProblemException} that rejects the request. */
  Future<Article> prepare(ArticleRequest request) {
    return preparing.submit(() -> preparation.prepare(request));
  }

  /** {@link ArticleStore#storeChunk} on a storing thread. */
  Future<List<Ingested>> storeChunk(List<Article> chunk) {
    return storing.submit(() -> store.storeChunk(chunk));
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    AtomicInteger number = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  @PreDestroy
  void stop() {
    preparing.shutdownNow();
    storing.shutdownNow();
  }
}
