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

  /** Articles one worker claims at a time. */
  @WithDefault("4")
  int batchSize();

  /** How long a claim holds; a worker that dies loses its articles to others after this. */
  @WithDefault("PT5M")
  Duration lease();

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
