package org.newsgraph.ingest.article;

import java.time.LocalDate;
import org.newsgraph.ingest.outbox.OutboxStatus;

/**
 * The answer to an ingest: the stored article, or for a duplicate the one it duplicates (then
 * {@code id} and {@code duplicateOf} are both that article's id).
 */
public record ArticleReceipt(
    long id,
    OutboxStatus status,
    Long duplicateOf,
    String url,
    String title,
    LocalDate publishedAt,
    String language) {

  static ArticleReceipt of(Article article, OutboxStatus status, boolean duplicate) {
    return new ArticleReceipt(
        article.id,
        status,
        duplicate ? article.id : null,
        article.url,
        article.title,
        article.publishedAt,
        article.language);
  }
}
