package org.newsgraph.ingest.article;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.newsgraph.ingest.outbox.OutboxStatus;

@ApplicationScoped
public class ArticleRepository implements PanacheRepository<Article> {

  /** A stored article that may be a near-duplicate of a new one. */
  record Candidate(long id, Long nearDuplicateOf, int[] minhash) {}

  /** The article with the same URL key or the same text, if there is one. */
  Optional<Article> findExactDuplicate(String urlKey, byte[] textHash) {
    if (urlKey != null) {
      Optional<Article> byUrl = find("urlKey", urlKey).firstResultOptional();
      if (byUrl.isPresent()) {
        return byUrl;
      }
    }
    return find("textHash", (Object) textHash).firstResultOptional();
  }

  /** Articles sharing at least one MinHash band with the given bands (GIN index on the array). */
  List<Candidate> findSharingBand(long[] bands) {
    Session session = getEntityManager().unwrap(Session.class);
    return session.doReturningWork(
        connection -> {
          List<Candidate> candidates = new ArrayList<>();
          Long[] boxed = new Long[bands.length];
          for (int i = 0; i < bands.length; i++) {
            boxed[i] = bands[i];
          }
          Array array = connection.createArrayOf("bigint", boxed);
          try (var statement =
              connection.prepareStatement(
                  // no ORDER BY/LIMIT: with them the planner walks the primary key and
                  // filters, a scan of the whole table whenever nothing matches
                  "SELECT id, near_duplicate_of, minhash FROM ingest.article"
                      + " WHERE minhash_bands && ?")) {
            statement.setArray(1, array);
            try (var rows = statement.executeQuery()) {
              while (rows.next()) {
                Integer[] values = (Integer[]) rows.getArray(3).getArray();
                int[] minhash = new int[values.length];
                for (int i = 0; i < values.length; i++) {
                  minhash[i] = values[i];
                }
                long id = rows.getLong(1);
                long nearDuplicateOf = rows.getLong(2);
                candidates.add(new Candidate(id, rows.wasNull() ? null : nearDuplicateOf, minhash));
              }
            }
          } finally {
            array.free();
          }
          return candidates;
        });
  }

  /**
   * One page of articles, newest id first, with their outbox status and error.
   *
   * @param beforeId only articles with a smaller id (the cursor), or null
   */
  List<Listed> page(ArticleFilter filter, Long beforeId, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT a.id, o.status, o.last_error FROM ingest.article a"
                + " JOIN ingest.outbox o ON o.article_id = a.id WHERE true");
    List<Object> parameters = new ArrayList<>();
    if (filter.source() != null) {
      sql.append(" AND a.source = ?");
      parameters.add(filter.source());
    }
    if (filter.status() != null) {
      sql.append(" AND o.status = ?");
      parameters.add(filter.status().name());
    }
    if (filter.from() != null) {
      sql.append(" AND a.published_at >= ?");
      parameters.add(filter.from());
    }
    if (filter.to() != null) {
      sql.append(" AND a.published_at <= ?");
      parameters.add(filter.to());
    }
    if (filter.q() != null) {
      sql.append(" AND a.search @@ websearch_to_tsquery('english', ?)");
      parameters.add(filter.q());
    }
    if (beforeId != null) {
      sql.append(" AND a.id < ?");
      parameters.add(beforeId);
    }
    sql.append(" ORDER BY a.id DESC LIMIT ?");
    parameters.add(limit);
    var query = getEntityManager().createNativeQuery(sql.toString(), Object[].class);
    for (int i = 0; i < parameters.size(); i++) {
      query.setParameter(i + 1, parameters.get(i));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    List<Long> ids = rows.stream().map(row -> ((Number) row[0]).longValue()).toList();
    Map<Long, Article> articles =
        ids.isEmpty()
            ? Map.of()
            : list("id in ?1", ids).stream()
                .collect(Collectors.toMap(article -> article.id, article -> article));
    return rows.stream()
        .map(
            row ->
                new Listed(
                    articles.get(((Number) row[0]).longValue()),
                    OutboxStatus.valueOf((String) row[1]),
                    (String) row[2]))
        .toList();
  }

  /** An article of a page with its extraction status. */
  record Listed(Article article, OutboxStatus status, String error) {}

  /** Filters of the article list; null means no filter. */
  record ArticleFilter(
      String source, OutboxStatus status, LocalDate from, LocalDate to, String q) {}
}
