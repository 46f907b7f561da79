package org.newsgraph.query.stats;

import java.time.Instant;

/**
 * How much the system holds and how far extraction is behind. Actors and events count canonical
 * ones (not merged away); rollupsAsOf is when the rollups last caught up (null before the first
 * refresh).
 */
public record Stats(long articles, long actors, long events, Queue queue, Instant rollupsAsOf) {

  /** Articles waiting for extraction, being extracted, and failed. */
  public record Queue(long queued, long processing, long failed) {}
}
