package org.newsgraph.entity.processing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.newsgraph.entity.actor.DatabaseActorDirectory;
import org.newsgraph.entity.extraction.Extraction;
import org.newsgraph.entity.extraction.Extractor;
import org.newsgraph.entity.extraction.Languages;
import org.newsgraph.entity.processing.OutboxQueue.Claim;

/**
 * The extraction workers: each claims a batch from the outbox, extracts every article outside any
 * transaction, and writes each article's results with its new status in one transaction.
 */
@ApplicationScoped
public class ExtractionWorker {

  private static final Logger LOG = Logger.getLogger(ExtractionWorker.class);

  private final OutboxQueue queue;
  private final ResultWriter writer;
  private final Extractor extractor;
  private final DatabaseActorDirectory directory;
  private final WorkerConfig config;
  private final Timer latency;
  private final DistributionSummary actorsPerArticle;
  private final DistributionSummary eventsPerArticle;
  private final Counter failures;
  private final String replica =
      ManagementFactory.getRuntimeMXBean().getName()
          + "/"
          + UUID.randomUUID().toString().substring(0, 8);
  private volatile ExecutorService threads;
  private volatile boolean running;

  public ExtractionWorker(
      OutboxQueue queue,
      ResultWriter writer,
      Extractor extractor,
      DatabaseActorDirectory directory,
      WorkerConfig config,
      MeterRegistry registry) {
    this.queue = queue;
    this.writer = writer;
    this.extractor = extractor;
    this.directory = directory;
    this.config = config;
    this.latency =
        Timer.builder("entity.extraction.latency")
            .description("Time to extract one article")
            .publishPercentiles(0.5, 0.95)
            .register(registry);
    this.actorsPerArticle =
        DistributionSummary.builder("entity.extraction.actors")
            .description("Actor mentions found per article")
            .register(registry);
    this.eventsPerArticle =
        DistributionSummary.builder("entity.extraction.events")
            .description("Event mentions found per article")
            .register(registry);
    this.failures =
        Counter.builder("entity.extraction.failures")
            .description("Failed extraction attempts")
            .register(registry);
    Gauge.builder("entity.queue.depth", queue, OutboxQueue::depth)
        .description("Articles queued for extraction")
        .register(registry);
  }

  void start(@Observes StartupEvent startup) {
    if (!config.enabled()) {
      return;
    }
    running = true;
    AtomicInteger number = new AtomicInteger();
    threads =
        Executors.newFixedThreadPool(
            config.count(),
            task -> {
              Thread thread = new Thread(task, "extraction-worker-" + number.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    for (int i = 0; i < config.count(); i++) {
      String owner = replica + "#" + i;
      threads.submit(() -> loop(owner));
    }
  }

  void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
    running = false;
    if (threads != null) {
      threads.shutdownNow();
      threads.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private void loop(String owner) {
    while (running) {
      try {
        if (processBatch(owner) == 0) {
          Thread.sleep(config.pollInterval().toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // the database may be away for a while: keep the worker alive and try again later
        LOG.warnf(e, "Extraction worker %s failed; retrying", owner);
        try {
          Thread.sleep(config.pollInterval().toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * Claims one batch as {@code owner} and processes it.
   *
   * @return the number of articles claimed
   */
  public int processBatch(String owner) {
    List<Claim> claims = queue.claim(owner, config.batchSize());
    if (!claims.isEmpty()) {
      directory.refreshIfChanged();
    }
    for (Claim claim : claims) {
      process(claim, owner);
    }
    return claims.size();
  }

  private void process(Claim claim, String owner) {
    String language = language(claim);
    Extraction extraction;
    try {
      Timer.Sample sample = Timer.start();
      extraction = extractor.extract(claim.text(), claim.publishedAt(), language);
      sample.stop(latency);
    } catch (RuntimeException e) {
      failures.increment();
      String status = queue.fail(claim.articleId(), owner, describe(e));
      LOG.warnf(e, "Extraction of article %d failed (now %s)", claim.articleId(), status);
      return;
    }
    try {
      writer.write(
          claim.articleId(),
          owner,
          claim.text(),
          claim.publishedAt(),
          extraction,
          extractor.extractsEvents(extraction.language()) ? null : actorsOnly(extraction));
      actorsPerArticle.record(extraction.mentions().size());
      eventsPerArticle.record(extraction.events().size());
    } catch (ResultWriter.LeaseLostException e) {
      LOG.warnf(
          "Article %d: %s; its new owner will store the results",
          claim.articleId(), e.getMessage());
    } catch (RuntimeException e) {
      failures.increment();
      String status = queue.fail(claim.articleId(), owner, describe(e));
      LOG.warnf(e, "Storing article %d failed (now %s)", claim.articleId(), status);
    }
  }

  /**
   * The detected language, unless the function words of the whole text say English: ingest detects
   * on the opening characters only, which a list of names or a table can make look Dutch with full
   * confidence, and an English article must not be skipped for it.
   */
  private static String language(Claim claim) {
    if (claim.language() == null || claim.language().equalsIgnoreCase("en")) {
      return claim.language();
    }
    return Languages.guess(claim.text()).equals("en") ? "en" : claim.language();
  }

  /** Why an article has no events: its language gets actors only. */
  private String actorsOnly(Extraction extraction) {
    return "language '"
        + extraction.language()
        + "' gets actors only; events are extracted for the languages of"
        + " newsgraph.extraction.languages";
  }

  private static String describe(Throwable e) {
    String message = e.getClass().getSimpleName() + ": " + e.getMessage();
    return message.length() > 2000 ? message.substring(0, 2000) : message;
  }
}
