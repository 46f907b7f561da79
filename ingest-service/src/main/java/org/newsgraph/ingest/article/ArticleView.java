package org.newsgraph.ingest.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.newsgraph.ingest.outbox.OutboxStatus;

/**
 * A stored article as the API shows it.
 *
 * @param status its extraction status (the outbox's)
 * @param error why extraction failed, when it did
 * @param duplicateOf the original this article is a near-duplicate of (exact duplicates are never
 *     stored), or null; the same as {@code nearDuplicateOf}
 * @param languages every detected language with its confidence
 * @param publishedAtOrigin METADATA or TEXT: where the date came from; null when undated
 */
public record ArticleView(
    long id,
    String url,
    String source,
    String title,
    String text,
    LocalDate publishedAt,
    String publishedAtOrigin,
    String language,
    Map<String, Double> languages,
    Instant ingestedAt,
    OutboxStatus status,
    String error,
    Long duplicateOf,
    Long nearDuplicateOf) {

  static ArticleView of(Article article, OutboxStatus status, String error) {
    return new ArticleView(
        article.id,
        article.url,
        article.source,
        article.title,
        article.text,
        article.publishedAt,
        article.publishedAtOrigin,
        article.language,
        article.languages,
        article.ingestedAt,
        status,
        error,
        article.nearDuplicateOf,
        article.nearDuplicateOf);
  }
}
