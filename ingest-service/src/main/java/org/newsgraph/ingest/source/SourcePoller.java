package org.newsgraph.ingest.source;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.newsgraph.common.problem.ProblemException;
import org.newsgraph.ingest.article.ArticleRequest;
import org.newsgraph.ingest.article.ArticleService;
import org.newsgraph.ingest.article.Ingested;
import org.newsgraph.ingest.duplicate.UrlNormalizer;
import org.newsgraph.ingest.source.SourceEntries.Keyed;
import org.newsgraph.ingest.source.SourceQueue.Claim;
import org.newsgraph.ingest.source.SourceQueue.Success;
import org.newsgraph.ingest.source.SourceService.SourceDue;

/**
 * Polls due sources: a scheduler thread claims them (as many as there are free poll threads) and
 * each poll reads the feed with a conditional GET, fetches the pages of entries it has not seen,
 * and stores each through {@link ArticleService} exactly as a posted article. A failing feed only
 * records its failure and backs off; nothing here touches readiness.
 */
@ApplicationScoped
public class SourcePoller {

  private static final Logger LOG = Logger.getLogger(SourcePoller.class);
  private static final String FEED_TYPES =
      "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9,"
          + " */*;q=0.5";
  private static final String PAGE_TYPES = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";
  private static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");

  /** The age gauges cost a query over all sources; a scrape every 15 s or more is the norm. */
  private static final long AGE_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(15);

  private final SourceQueue queue;
  private final SourceEntries entries;
  private final HttpFetcher fetcher;
  private final ArticleService articles;
  private final SourceMetrics metrics;
  private final FeedConfig config;
  private final String owner =
      ManagementFactory.getRuntimeMXBean().getName()
          + "/"
          + UUID.randomUUID().toString().substring(0, 8);
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Object signal = new Object();
  private boolean woken; // guarded by signal
  private volatile boolean running;
  private ExecutorService polls;
  private Thread scheduler;

  SourcePoller(
      SourceQueue queue,
      SourceEntries entries,
      HttpFetcher fetcher,
      ArticleService articles,
      SourceMetrics metrics,
      FeedConfig config) {
    this.queue = queue;
    this.entries = entries;
    this.fetcher = fetcher;
    this.articles = articles;
    this.metrics = metrics;
    this.config = config;
  }

  void start(@Observes StartupEvent startup) {
    if (!config.enabled()) {
      return;
    }
    running = true;
    AtomicInteger number = new AtomicInteger();
    polls =
        Executors.newFixedThreadPool(
            config.concurrency(),
            task -> {
              Thread thread = new Thread(task, "source-poll-" + number.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    scheduler = new Thread(this::schedule, "source-scheduler");
    scheduler.setDaemon(true);
    scheduler.start();
  }

  void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
    if (!running) {
      return;
    }
    running = false;
    scheduler.interrupt();
    polls.shutdownNow(); // an interrupted poll records nothing: its lease runs out
    polls.awaitTermination(10, TimeUnit.SECONDS);
  }

  /** A source became due now (added, resumed, moved): look at once instead of at the next tick. */
  void onDue(@Observes(during = TransactionPhase.AFTER_SUCCESS) SourceDue due) {
    wake();
  }

  private void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  private void schedule() {
    long agesRefreshed = System.nanoTime() - AGE_REFRESH_NANOS;
    while (running) {
      try {
        int free = config.concurrency() - inFlight.get();
        if (free > 0) {
          for (Claim claim : queue.claim(owner, free)) {
            inFlight.incrementAndGet();
            polls.submit(
                () -> {
                  try {
                    poll(claim);
                  } finally {
                    inFlight.decrementAndGet();
                    wake(); // a thread is free: another due source may be waiting for it
                  }
                });
          }
        }
        if (System.nanoTime() - agesRefreshed >= AGE_REFRESH_NANOS) {
          metrics.ages(queue.ages());
          agesRefreshed = System.nanoTime();
        }
      } catch (RuntimeException e) {
        // the database may be away for a while: keep the scheduler alive and try again later
        LOG.warnf(e, "Could not schedule source polls; retrying");
      }
      try {
        synchronized (signal) {
          if (!woken) {
            signal.wait(config.checkEvery().toMillis());
          }
          woken = false;
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void poll(Claim claim) {
    long started = System.nanoTime();
    try {
      Fetched feed =
          fetcher.get(URI.create(claim.url()), FEED_TYPES, claim.etag(), claim.lastModified());
      if (feed.notModified()) {
        queue.succeeded(
            claim.id(),
            owner,
            new Success(null, feed.etag(), feed.lastModified(), 0, 0, false, false));
        metrics.polled(claim.name(), SourceMetrics.Poll.NOT_MODIFIED);
        return;
      }
      FeedDocument document = FeedParser.parse(feed.body(), feed.contentType(), feed.uri());
      List<Keyed> unseen = entries.unseen(claim.id(), keyed(document.entries()));
      // pages are fetched one after another, politely; past half the lease the rest wait
      long deadline = started + config.lease().toNanos() / 2;
      int limit = Math.min(unseen.size(), config.maxEntriesPerPoll());
      int fetched = 0;
      int created = 0;
      int failed = 0;
      int mayPass = 0;
      while (fetched < limit && System.nanoTime() - deadline < 0) {
        switch (fetchEntry(claim, unseen.get(fetched++))) {
          case CREATED -> created++;
          case FAILED -> failed++;
          case FAILED_MAY_PASS -> {
            failed++;
            mayPass++;
          }
          case DUPLICATE -> {
            // already stored, from elsewhere: nothing new
          }
        }
      }
      queue.succeeded(
          claim.id(),
          owner,
          new Success(
              document.format(),
              feed.etag(),
              feed.lastModified(),
              created,
              failed,
              fetched < unseen.size(),
              mayPass > 0));
      metrics.polled(claim.name(), SourceMetrics.Poll.UPDATED);
      metrics.newArticles(claim.name(), created);
      metrics.pageFailures(claim.name(), failed);
    } catch (FetchFailure e) {
      fail(claim, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // shutting down
    } catch (RuntimeException e) {
      LOG.warnf(e, "Polling source %d (%s) failed", claim.id(), claim.url());
      fail(claim, "the poll failed inside Newsgraph; the service log has the cause");
    }
  }

  private void fail(Claim claim, String error) {
    metrics.polled(claim.name(), SourceMetrics.Poll.FAILED);
    try {
      queue.failed(claim.id(), owner, error);
    } catch (RuntimeException e) {
      LOG.warnf(e, "Could not record the failure of source %d; its lease will run out", claim.id());
    }
  }

  private enum EntryOutcome {
    CREATED,
    DUPLICATE,
    FAILED,
    /** Failed for a reason that may pass: a later poll tries again. */
    FAILED_MAY_PASS
  }

  private EntryOutcome fetchEntry(Claim claim, Keyed keyed) throws InterruptedException {
    FeedEntry entry = keyed.entry();
    try {
      Fetched page = fetcher.get(entry.url(), PAGE_TYPES, null, null);
      String type = mediaType(page.contentType());
      if (type != null && !HTML_TYPES.contains(type)) {
        throw new FetchFailure("is not an HTML page but " + type, false);
      }
      LocalDate published = entry.publishedAt();
      Ingested ingested =
          articles.ingest(
              new ArticleRequest(
                  page.uri().toString(),
                  entry.title(),
                  null,
                  HtmlCharset.decode(page.body(), page.contentType()),
                  published == null ? null : published.toString(),
                  claim.name(),
                  claim.language()));
      entries.stored(claim.id(), keyed, ingested.receipt().id());
      return ingested.created() ? EntryOutcome.CREATED : EntryOutcome.DUPLICATE;
    } catch (FetchFailure e) {
      entries.failed(claim.id(), keyed, e.getMessage(), e.mayPass());
      return e.mayPass() ? EntryOutcome.FAILED_MAY_PASS : EntryOutcome.FAILED;
    } catch (ProblemException e) {
      // the page reached the article path and was refused there (no readable text, say)
      entries.failed(claim.id(), keyed, "refused as an article: " + e.getMessage(), false);
    }
    return EntryOutcome.FAILED;
  }

  /** The entries with the key their URL matches under; one whose URL has none is left out. */
  private static List<Keyed> keyed(List<FeedEntry> feedEntries) {
    List<Keyed> keyed = new ArrayList<>(feedEntries.size());
    for (FeedEntry entry : feedEntries) {
      UrlNormalizer.key(entry.url().toString()).ifPresent(key -> keyed.add(new Keyed(entry, key)));
    }
    return keyed;
  }

  private static String mediaType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .strip()
        .toLowerCase(Locale.ROOT);
  }
}
