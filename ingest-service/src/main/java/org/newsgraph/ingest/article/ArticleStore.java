package org.newsgraph.ingest.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
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

  /**
   * Stores a chunk of a batch in one transaction: each article that duplicates a stored one or an
   * earlier one of the chunk is answered as that duplicate; the others are inserted with their
   * outbox rows. Same outcome as storing them one after another with {@link #store}, with three
   * lookups and two JDBC batches for the whole chunk instead of four statements per article.
   *
   * @return one outcome per article, in order
   */
  @Transactional
  List<Ingested> storeChunk(List<Article> chunk) {
    List<String> urlKeys = new ArrayList<>();
    List<byte[]> hashes = new ArrayList<>();
    for (Article article : chunk) {
      if (article.urlKey != null) {
        urlKeys.add(article.urlKey);
      }
      hashes.add(article.textHash);
    }
    Map<String, ArticleReceipt> byUrl = new HashMap<>();
    Map<ByteBuffer, ArticleReceipt> byText = new HashMap<>();
    for (ArticleRepository.Existing existing : articles.findExactDuplicates(urlKeys, hashes)) {
      if (existing.urlKey() != null) {
        byUrl.put(existing.urlKey(), existing.receipt());
      }
      byText.put(ByteBuffer.wrap(existing.textHash()), existing.receipt());
    }

    // exact duplicates, of stored articles or of earlier ones in the chunk: the URL decides first
    Map<String, Article> newByUrl = new HashMap<>();
    Map<ByteBuffer, Article> newByText = new HashMap<>();
    ArticleReceipt[] storedOriginal = new ArticleReceipt[chunk.size()];
    Article[] chunkOriginal = new Article[chunk.size()]; // the article itself when it is new
    List<Article> created = new ArrayList<>();
    for (int i = 0; i < chunk.size(); i++) {
      Article article = chunk.get(i);
      ByteBuffer text = ByteBuffer.wrap(article.textHash);
      if (article.urlKey != null) {
        storedOriginal[i] = byUrl.get(article.urlKey);
        chunkOriginal[i] = newByUrl.get(article.urlKey);
      }
      if (storedOriginal[i] == null && chunkOriginal[i] == null) {
        storedOriginal[i] = byText.get(text);
        chunkOriginal[i] = newByText.get(text);
      }
      if (storedOriginal[i] != null || chunkOriginal[i] != null) {
        continue;
      }
      chunkOriginal[i] = article;
      created.add(article);
      if (article.urlKey != null) {
        newByUrl.put(article.urlKey, article);
      }
      newByText.put(text, article);
    }

    long[] ids = created.isEmpty() ? new long[0] : articles.reserveIds(created.size());
    for (int i = 0; i < created.size(); i++) {
      created.get(i).id = ids[i];
    }
    linkNearDuplicates(created);
    if (!created.isEmpty()) {
      articles.insertQueued(created, Instant.now());
    }

    List<Ingested> results = new ArrayList<>(chunk.size());
    for (int i = 0; i < chunk.size(); i++) {
      if (storedOriginal[i] != null) {
        results.add(new Ingested(false, storedOriginal[i]));
      } else {
        boolean isNew = chunkOriginal[i] == chunk.get(i);
        results.add(
            new Ingested(isNew, ArticleReceipt.of(chunkOriginal[i], OutboxStatus.QUEUED, !isNew)));
      }
    }
    return results;
  }

  /**
   * Sets each new article's near-duplicate link from the stored articles and the chunk's earlier
   * ones, with one band lookup for the whole chunk.
   */
  private void linkNearDuplicates(List<Article> created) {
    long[] allBands =
        created.stream()
            .filter(article -> article.minhashBands != null)
            .flatMapToLong(article -> LongStream.of(article.minhashBands))
            .distinct()
            .toArray();
    if (allBands.length == 0) {
      return;
    }
    Map<Long, List<ArticleRepository.Candidate>> byBand = new HashMap<>();
    for (ArticleRepository.Candidate stored : articles.findSharingBand(allBands)) {
      index(byBand, stored);
    }
    for (Article article : created) {
      if (article.minhashBands == null) {
        continue;
      }
      Map<Long, ArticleRepository.Candidate> candidates = new LinkedHashMap<>();
      for (long band : article.minhashBands) {
        for (ArticleRepository.Candidate candidate : byBand.getOrDefault(band, List.of())) {
          candidates.put(candidate.id(), candidate);
        }
      }
      article.nearDuplicateOf = nearDuplicateOf(article.minhash, candidates.values());
      index(
          byBand,
          new ArticleRepository.Candidate(article.id, article.nearDuplicateOf, article.minhash));
    }
  }

  private static void index(
      Map<Long, List<ArticleRepository.Candidate>> byBand, ArticleRepository.Candidate candidate) {
    for (long band : MinHash.bands(candidate.minhash())) {
      byBand.computeIfAbsent(band, key -> new ArrayList<>()).add(candidate);
    }
  }

  private Long nearDuplicateOf(int[] minhash, long[] bands) {
    return nearDuplicateOf(minhash, articles.findSharingBand(bands));
  }

  private Long nearDuplicateOf(int[] minhash, Collection<ArticleRepository.Candidate> candidates) {
    return candidates.stream()
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
