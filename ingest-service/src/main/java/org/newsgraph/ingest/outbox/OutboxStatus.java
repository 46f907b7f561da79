package org.newsgraph.ingest.outbox;

/** Where an article is on its way through extraction; entity-service moves it on. */
public enum OutboxStatus {
  QUEUED,
  PROCESSING,
  DONE,
  FAILED,
  SKIPPED
}
