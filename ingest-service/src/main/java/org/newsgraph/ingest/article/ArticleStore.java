package org.newsgraph.ingest.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.newsgraph.ingest.IngestConfig;
import org.newsgraph.ingest.duplicate.MinHash;
import org.newsgraph.ingest.outbox.OutboxEntry;
import org.newsgraph.ingest.outbox.OutboxStatus;

/**
 * Stores a prepared article and queues it for extraction in one transaction, unless it duplicates
 * one already stored. A near-duplicate is stored, linked to the original of its group.
 */
@ApplicationScoped
class ArticleStore {

  private final ArticleRepository articles;
  private final double nearDuplicateSimilarity;

  ArticleStore(ArticleRepository articles, IngestConfig config) {
    this.articles = articles;
    this.nearDuplicateSimilarity = config.nearDuplicateSimilarity();
  }

  @Transactional
  Ingested store(Article article) {
    Optional<Ingested> duplicate = findDuplicate(article);
    if (duplicate.isPresent()) {
      return duplicate.get();
    }
    if (article.minhashBands != null) {
      article.nearDuplicateOf = nearDuplicateOf(article.minhash, article.minhashBands);
    }
    Instant now = Instant.now();
    article.ingestedAt = now;
    articles.persist(article);
    OutboxEntry.queued(article.id, now).persist();
    articles.flush();
    return new Ingested(true, ArticleReceipt.of(article, OutboxStatus.QUEUED, false));
  }

  /** For an insert that lost a race against a concurrent copy: the copy that won. */
  @Transactional
  Optional<Ingested> findDuplicate(Article article) {
    return articles
        .findExactDuplicate(article.urlKey, article.textHash)
        .map(
            original ->
                new Ingested(
                    false,
                    ArticleReceipt.of(
                        original,
                        OutboxEntry.<OutboxEntry>findByIdOptional(original.id)
                            .map(entry -> entry.status)
                            .orElse(OutboxStatus.QUEUED),
                        true)));
  }

  private Long nearDuplicateOf(int[] minhash, long[] bands) {
    return articles.findSharingBand(bands).stream()
        .filter(
            candidate ->
                MinHash.similarity(minhash, candidate.minhash()) >= nearDuplicateSimilarity)
        .min(Comparator.comparingLong(ArticleRepository.Candidate::id))
        .map(
            candidate ->
                candidate.nearDuplicateOf() != null ? candidate.nearDuplicateOf() : candidate.id())
        .orElse(null);
  }
}
