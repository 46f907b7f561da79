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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.newsgraph.entity.actor.DatabaseActorDirectory;
import org.newsgraph.entity.extraction.Extraction;
import org.newsgraph.entity.extraction.Extractor;
import org.newsgraph.entity.extraction.Languages;
import org.newsgraph.entity.processing.OutboxQueue.Claim;

/**
 * The extraction workers: each claims one article at a time from the outbox, extracts it outside
 * any transaction under a renewed lease and a time budget, and writes its results with its new
 * status in one transaction. Nothing an article does ends a worker: every Throwable is the
 * article's failure.
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
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "extraction-lease-timer");
            thread.setDaemon(true);
            return thread;
          });
  private final List<WorkerState> states = new ArrayList<>();
  private volatile ExecutorService threads;
  private volatile boolean running;
  private volatile boolean stopping;

  /** What one worker thread is doing, for the liveness check. */
  static final class WorkerState {
    final String owner;
    volatile Thread thread;
    volatile Instant articleSince;
    volatile long articleId;

    WorkerState(String owner) {
      this.owner = owner;
    }
  }

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
      WorkerState state = new WorkerState(replica + "#" + i);
      states.add(state);
      threads.submit(() -> loop(state));
    }
  }

  /**
   * Lets the workers finish the articles they hold, within the shutdown grace; then interrupts
   * them, and an interrupted article is queued again without counting an attempt.
   */
  void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
    stopping = true;
    running = false;
    if (threads != null) {
      threads.shutdown();
      if (!threads.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
      }
    }
    timers.shutdownNow();
  }

  /** The worker threads of this replica; empty when workers are disabled. */
  List<WorkerState> states() {
    return List.copyOf(states);
  }

  /** Whether a worker thread ended, or has held one article past its budget and a margin. */
  List<String> problems(Instant now) {
    List<String> problems = new ArrayList<>();
    Duration stalled = config.articleBudget().plus(config.lease());
    for (WorkerState state : states) {
      Thread thread = state.thread;
      Instant since = state.articleSince;
      if (running && thread != null && !thread.isAlive()) {
        problems.add(state.owner + " has stopped");
      } else if (since != null && since.plus(stalled).isBefore(now)) {
        problems.add(state.owner + " has been on article " + state.articleId + " since " + since);
      }
    }
    return problems;
  }

  private void loop(WorkerState state) {
    state.thread = Thread.currentThread();
    while (running) {
      try {
        if (processNext(state) == 0) {
          Thread.sleep(config.pollInterval().toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Throwable e) {
        // the database may be away for a while: keep the worker alive and try again later
        LOG.warnf(e, "Extraction worker %s failed; retrying", state.owner);
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
   * Claims one article as {@code owner} and processes it.
   *
   * @return the number of articles processed: 0 when none was due, else 1
   */
  public int processNext(String owner) {
    return processNext(new WorkerState(owner));
  }

  private int processNext(WorkerState state) {
    List<Claim> claims = queue.claim(state.owner, 1);
    if (claims.isEmpty()) {
      return 0;
    }
    Claim claim = claims.get(0);
    state.articleId = claim.articleId();
    state.articleSince = Instant.now();
    try {
      directory.refreshIfChanged();
      process(claim, state.owner);
    } finally {
      state.articleSince = null;
    }
    return 1;
  }

  private void process(Claim claim, String owner) {
    try (ArticleLease lease =
        new ArticleLease(
            claim.articleId(), owner, queue, timers, config.lease(), config.articleBudget())) {
      String language = language(claim);
      Extraction extraction;
      try {
        Timer.Sample sample = Timer.start();
        extraction =
            lease.extract(() -> extractor.extract(claim.text(), claim.publishedAt(), language));
        sample.stop(latency);
      } catch (Throwable e) {
        failed(claim, owner, lease, e);
        return;
      }
      lease.stopRenewing();
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
      } catch (Throwable e) {
        failures.increment();
        String status = queue.fail(claim.articleId(), owner, describe(e));
        LOG.warnf(e, "Storing article %d failed (now %s)", claim.articleId(), status);
      }
    }
  }

  /** An extraction that threw: over budget, lease lost, stopped by a shutdown, or a failure. */
  private void failed(Claim claim, String owner, ArticleLease lease, Throwable e) {
    long id = claim.articleId();
    if (lease.lost()) {
      LOG.warnf("Article %d: lost the lease while extracting; its new owner has it", id);
    } else if (lease.overBudget()) {
      failures.increment();
      String reason =
          "extraction took longer than the time budget of "
              + config.articleBudget().toSeconds()
              + " s (newsgraph.worker.article-budget)";
      queue.giveUp(id, owner, reason);
      LOG.warnf("Article %d is FAILED: %s", id, reason);
    } else if (stopping) {
      queue.release(id, owner);
      LOG.infof("Article %d queued again: this replica is stopping", id);
    } else {
      failures.increment();
      String status = queue.fail(id, owner, describe(e));
      LOG.warnf(e, "Extraction of article %d failed (now %s)", id, status);
    }
  }

  /**
   * The detected language, unless the function words of the whole text say English: ingest detects
   * on the opening characters only, which a list of names or a table can make look Dutch with full
   * confidence, and an English article must not be skipped for it. A text with no function word of
   * any language the guess knows (Indonesian, Turkish) keeps the language ingest detected.
   */
  private static String language(Claim claim) {
    if (claim.language() == null || claim.language().equalsIgnoreCase("en")) {
      return claim.language();
    }
    return Languages.byFunctionWords(claim.text()).equals("en") ? "en" : claim.language();
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
