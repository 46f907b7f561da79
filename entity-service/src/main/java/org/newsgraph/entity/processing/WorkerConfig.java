package org.newsgraph.entity.processing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The extraction workers that drain ingest.outbox. */
@ConfigMapping(prefix = "newsgraph.worker")
public interface WorkerConfig {

  /** Whether this replica runs workers at all (an API-only replica sets false). */
  @WithDefault("true")
  boolean enabled();

  /** Worker threads in this replica; extraction is CPU-bound, so about one per core. */
  @WithDefault("2")
  int count();

  /**
   * How long a claim holds without renewal. A worker renews it every third of this while it works
   * on the article, so this is how soon the article of a worker that died goes to another.
   */
  @WithDefault("PT1M")
  Duration lease();

  /**
   * The most time one article's extraction may take. An article that takes longer (pathological
   * text) is FAILED with that reason at once, not retried: it would only take as long again.
   */
  @WithDefault("PT3M")
  Duration articleBudget();

  /**
   * How long a stopping replica lets its workers finish the articles they hold; what is not
   * finished by then is queued again without counting an attempt. Below the pod's grace period.
   */
  @WithDefault("PT45S")
  Duration shutdownGrace();

  /** How long an idle worker waits before looking for work again. */
  @WithDefault("PT2S")
  Duration pollInterval();

  /** Failed attempts after which an article is FAILED for good. */
  @WithDefault("5")
  int maxAttempts();

  /** Delay before the first retry; doubled for each further failure. */
  @WithDefault("PT30S")
  Duration backoff();

  /** The longest delay between retries. */
  @WithDefault("PT1H")
  Duration maxBackoff();
}
