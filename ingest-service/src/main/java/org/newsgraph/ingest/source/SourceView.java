package org.newsgraph.ingest.source;

import java.time.Duration;
import java.time.Instant;

/**
 * A source and the state of its polling, as the API shows it.
 *
 * @param interval ISO-8601 duration
 * @param format RSS, ATOM or SITEMAP once a poll has read it, else null
 * @param consecutiveFailures failed polls since the last good one; the backoff grows with them
 * @param lastError the last poll's failure, kept after the source recovers (see lastErrorAt)
 * @param articles new articles stored from this source
 * @param pageFailures entries whose page could not be fetched or held no article
 */
public record SourceView(
    long id,
    String url,
    String name,
    String interval,
    String language,
    String country,
    boolean paused,
    String format,
    Instant createdAt,
    Instant nextPollAt,
    Instant lastPolledAt,
    Instant lastSuccessAt,
    Instant lastNewArticleAt,
    String lastError,
    Instant lastErrorAt,
    int consecutiveFailures,
    long polls,
    long failures,
    long articles,
    long pageFailures) {

  static SourceView of(Source source) {
    return new SourceView(
        source.id,
        source.url,
        source.name,
        Duration.ofMillis(source.intervalMillis).toString(),
        source.language,
        source.country,
        source.paused,
        source.format,
        source.createdAt,
        source.nextPollAt,
        source.lastPolledAt,
        source.lastSuccessAt,
        source.lastNewArticleAt,
        source.lastError,
        source.lastErrorAt,
        source.consecutiveFailures,
        source.polls,
        source.failures,
        source.articles,
        source.pageFailures);
  }
}
