package org.newsgraph.ingest.article;

/**
 * One article as a client sends it: JSON as is, {@code text/plain} and {@code text/html} bodies
 * with their query parameters. Exactly one of {@code text} and {@code html} is set.
 *
 * @param publishedAt {@code YYYY-MM-DD} (an ISO date-time is accepted and cut to its date)
 * @param language ISO 639-1; when absent it is detected
 */
public record ArticleRequest(
    String url,
    String title,
    String text,
    String html,
    String publishedAt,
    String source,
    String language) {}
