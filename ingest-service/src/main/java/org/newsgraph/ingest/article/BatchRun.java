package org.newsgraph.ingest.article;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.newsgraph.common.problem.ProblemException;
import org.newsgraph.ingest.IngestConfig;
import org.newsgraph.ingest.article.IngestMetrics.Outcome;

/**
 * One batch request on its way through. Items are prepared on the {@link PreparationPool} while
 * this (the request) thread stores the ones already prepared, a chunk per transaction, in the order
 * received. What is held in memory is bounded by item count and by content size: the results (a few
 * dozen bytes per item), the items read ahead, and the chunk being stored.
 */
final class BatchRun implements BatchReader.Sink {

  private static final Logger LOG = Logger.getLogger(BatchRun.class);

  /** An item read and handed to the pool, in the order received. */
  private record Pending(int index, String source, long chars, Future<Article> article) {}

  /** A prepared item waiting in the chunk. */
  private record Prepared(int index, String source, long chars, Article article) {}

  private final BatchThreads threads;
  private final Function<Article, Ingested> storeOne;
  private final IngestMetrics metrics;
  private final int maxItems;
  private final int chunkSize;
  private final long bufferCharsEach;

  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private long pendingChars;
  private List<Prepared> chunk = new ArrayList<>();
  private long chunkChars;
  private List<Prepared> storingChunk;
  private Future<List<Ingested>> storing;

  /** One slot per item index; null until the item's outcome is known. */
  private final List<BatchResult.Item> results = new ArrayList<>();

  private int accepted;
  private int duplicates;
  private int rejected;

  /**
   * @param storeOne stores one article in a transaction of its own, as a single POST does
   */
  BatchRun(
      BatchThreads threads,
      Function<Article, Ingested> storeOne,
      IngestMetrics metrics,
      IngestConfig config) {
    this.threads = threads;
    this.storeOne = storeOne;
    this.metrics = metrics;
    this.maxItems = config.maxBatchItems();
    this.chunkSize = Math.max(1, config.batchChunkSize());
    // shared by the items read ahead, the chunk being filled and the chunk being stored
    this.bufferCharsEach = Math.max(1, config.batchBufferChars() / 3);
  }

  /** Runs the reader to the end of the batch, then stores what is still waiting. */
  BatchResult run(Runnable reader) {
    try {
      reader.run();
      while (!pending.isEmpty()) {
        takeOldest();
      }
      handOverChunk();
      finishStoring();
    } finally {
      // the request failed part-way (e.g. the client went away): stop preparing its items; a
      // chunk being stored is left to commit or roll back on its own
      pending.forEach(item -> item.article().cancel(true));
    }
    return new BatchResult(accepted, duplicates, rejected, results);
  }

  @Override
  public boolean item(int index, ArticleRequest request) {
    if (index >= maxItems) {
      return tooMany(index);
    }
    metrics.count(Outcome.RECEIVED, request.source());
    long chars = chars(request);
    results.add(null);
    pending.add(new Pending(index, request.source(), chars, threads.prepare(request)));
    pendingChars += chars;
    // read ahead by up to a chunk, so the pool prepares the next chunk while this one is stored
    while (pending.size() > chunkSize || pendingChars > bufferCharsEach) {
      takeOldest();
    }
    while (!pending.isEmpty() && pending.peek().article().isDone()) {
      takeOldest();
    }
    return true;
  }

  @Override
  public boolean rejected(int index, ProblemException problem) {
    if (index >= maxItems) {
      return tooMany(index);
    }
    metrics.count(Outcome.RECEIVED, null);
    metrics.count(Outcome.REJECTED, null);
    results.add(null);
    reject(index, problem.status(), problem.getMessage());
    return true;
  }

  private boolean tooMany(int index) {
    results.add(null);
    reject(
        index,
        413,
        "the batch holds more than "
            + maxItems
            + " items; this item and any after it were not read");
    return false;
  }

  /** Waits for the oldest item's preparation and moves it into the chunk, or rejects it. */
  private void takeOldest() {
    Pending item = pending.poll();
    pendingChars -= item.chars();
    Article article;
    try {
      article = item.article().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while preparing batch items", e);
    } catch (ExecutionException e) {
      metrics.count(Outcome.REJECTED, item.source());
      if (e.getCause() instanceof ProblemException problem) {
        reject(item.index(), problem.status(), problem.getMessage());
      } else {
        LOG.errorf(e.getCause(), "Batch item %d could not be prepared", item.index());
        reject(item.index(), 500, "could not be stored; the failure is logged");
      }
      return;
    }
    chunk.add(new Prepared(item.index(), item.source(), item.chars(), article));
    chunkChars += item.chars();
    if (chunk.size() >= chunkSize || chunkChars > bufferCharsEach) {
      handOverChunk();
    }
  }

  /** Waits for the chunk before to be stored, then starts storing this one. */
  private void handOverChunk() {
    finishStoring();
    if (chunk.isEmpty()) {
      return;
    }
    storingChunk = chunk;
    storing = threads.storeChunk(chunk.stream().map(Prepared::article).toList());
    chunk = new ArrayList<>();
    chunkChars = 0;
  }

  /**
   * Waits for the chunk being stored (in one transaction) and records its results; if it failed (a
   * concurrent copy won a unique key, a database error on one row), stores its items one by one so
   * that only the failing one fails.
   */
  private void finishStoring() {
    if (storing == null) {
      return;
    }
    List<Ingested> stored = null;
    try {
      stored = storing.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while storing batch items", e);
    } catch (ExecutionException e) {
      metrics.chunkRetried();
      LOG.debugf(
          e.getCause(),
          "A chunk of %d articles failed; storing them one by one",
          storingChunk.size());
    }
    for (int i = 0; i < storingChunk.size(); i++) {
      Prepared item = storingChunk.get(i);
      Ingested ingested;
      if (stored != null) {
        ingested = stored.get(i);
      } else {
        try {
          Article article = item.article();
          article.id = null; // the id reserved for the chunk was rolled back with it
          ingested = storeOne.apply(article);
        } catch (ProblemException e) {
          metrics.count(Outcome.REJECTED, item.source());
          reject(item.index(), e.status(), e.getMessage());
          continue;
        } catch (RuntimeException e) {
          LOG.errorf(e, "Batch item %d could not be stored", item.index());
          metrics.count(Outcome.REJECTED, item.source());
          reject(item.index(), 500, "could not be stored; the failure is logged");
          continue;
        }
      }
      metrics.count(ingested.created() ? Outcome.STORED : Outcome.DUPLICATE, item.source());
      ArticleReceipt receipt = ingested.receipt();
      if (ingested.created()) {
        accepted++;
      } else {
        duplicates++;
      }
      results.set(
          item.index(),
          new BatchResult.Item(
              item.index(),
              receipt.id(),
              ingested.created() ? 201 : 200,
              receipt.status(),
              receipt.duplicateOf(),
              null));
    }
    storing = null;
    storingChunk = null;
  }

  private void reject(int index, int code, String error) {
    rejected++;
    results.set(index, new BatchResult.Item(index, null, code, null, null, error));
  }

  private static long chars(ArticleRequest request) {
    return (request.text() == null ? 0 : request.text().length())
        + (request.html() == null ? 0 : request.html().length());
  }
}
