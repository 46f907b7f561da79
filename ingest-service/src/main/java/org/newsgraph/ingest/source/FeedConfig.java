package org.newsgraph.ingest.source;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The feeds this service polls, under {@code newsgraph.feeds}. */
@ConfigMapping(prefix = "newsgraph.feeds")
public interface FeedConfig {

  /** Whether this replica polls sources at all (the sources API works either way). */
  @WithDefault("true")
  boolean enabled();

  /**
   * Whether feeds and pages may be fetched from loopback, link-local and private addresses. A feed
   * list is user input: by default the service refuses to be pointed at its own network.
   */
  @WithDefault("false")
  boolean allowPrivateAddresses();

  /** The shortest polling interval a source may ask for. */
  @WithDefault("PT5M")
  Duration minInterval();

  /** Sources polled at the same time by this replica. */
  @WithDefault("4")
  int concurrency();

  /** How often the scheduler looks for due sources (a new source is polled at once anyway). */
  @WithDefault("PT5S")
  Duration checkEvery();

  /**
   * How long a replica holds a source it claimed; another replica may poll it after that. A poll
   * stops fetching pages after half of it and leaves the rest to the next poll.
   */
  @WithDefault("PT10M")
  Duration lease();

  /** The least time between two requests to one host (requests to a host never overlap). */
  @WithDefault("PT1S")
  Duration hostDelay();

  /** Time to open a connection. */
  @WithDefault("PT10S")
  Duration connectTimeout();

  /** Time for a whole request, from sending it to the last byte of the answer. */
  @WithDefault("PT30S")
  Duration requestTimeout();

  /** Largest feed or page, in bytes once decompressed; a larger one is a failure. */
  @WithDefault("10485760")
  int maxBodyBytes();

  /** Redirects followed for one request; more is a failure (a redirect loop ends there). */
  @WithDefault("5")
  int maxRedirects();

  /** Delay before polling a failing source again; doubled for each further failure. */
  @WithDefault("PT1M")
  Duration backoff();

  /** The longest delay between polls of a failing source. */
  @WithDefault("PT6H")
  Duration maxBackoff();

  /** New entries whose pages one poll fetches; the rest wait for the next poll, due at once. */
  @WithDefault("100")
  int maxEntriesPerPoll();

  /** Tries at an entry's page that failed for a reason that may pass (timeout, 5xx). */
  @WithDefault("3")
  int maxEntryAttempts();

  /** The User-Agent of every request. */
  @WithDefault("Newsgraph-feed-reader/1.0")
  String userAgent();
}
