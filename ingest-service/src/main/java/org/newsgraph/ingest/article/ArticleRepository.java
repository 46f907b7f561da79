package org.newsgraph.ingest.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.newsgraph.ingest.outbox.OutboxStatus;

@ApplicationScoped
public class ArticleRepository implements PanacheRepository<Article> {

  private final ObjectMapper json;

  ArticleRepository(ObjectMapper json) {
    this.json = json;
  }

  /** A stored article that may be a near-duplicate of a new one. */
  record Candidate(long id, Long nearDuplicateOf, int[] minhash) {}

  /** A stored article with the same URL key or text as a new one, as its duplicate answers. */
  record Existing(long id, String urlKey, byte[] textHash, ArticleReceipt receipt) {}

  /** The stored articles having one of the URL keys or one of the text hashes, in one query. */
  List<Existing> findExactDuplicates(Collection<String> urlKeys, Collection<byte[]> textHashes) {
    return session()
        .doReturningWork(
            connection -> {
              Array keys = connection.createArrayOf("text", urlKeys.toArray());
              Array hashes = connection.createArrayOf("bytea", textHashes.toArray(byte[][]::new));
              List<Existing> found = new ArrayList<>();
              try (var statement =
                  connection.prepareStatement(
                      "SELECT a.id, a.url_key, a.text_hash, a.url, a.title, a.published_at,"
                          + " a.language, o.status FROM ingest.article a"
                          + " LEFT JOIN ingest.outbox o ON o.article_id = a.id"
                          + " WHERE a.url_key = ANY (?) OR a.text_hash = ANY (?)")) {
                statement.setArray(1, keys);
                statement.setArray(2, hashes);
                try (var rows = statement.executeQuery()) {
                  while (rows.next()) {
                    long id = rows.getLong(1);
                    String status = rows.getString(8);
                    found.add(
                        new Existing(
                            id,
                            rows.getString(2),
                            rows.getBytes(3),
                            new ArticleReceipt(
                                id,
                                status == null ? OutboxStatus.QUEUED : OutboxStatus.valueOf(status),
                                id,
                                rows.getString(4),
                                rows.getString(5),
                                rows.getObject(6, LocalDate.class),
                                rows.getString(7))));
                  }
                }
              } finally {
                keys.free();
                hashes.free();
              }
              return found;
            });
  }

  /** Ids from the article's identity sequence, for articles inserted with them. */
  long[] reserveIds(int count) {
    return session()
        .doReturningWork(
            connection -> {
              long[] ids = new long[count];
              try (var statement =
                  connection.prepareStatement(
                      "SELECT nextval(pg_get_serial_sequence('ingest.article', 'id'))"
                          + " FROM generate_series(1, ?)")) {
                statement.setInt(1, count);
                try (var rows = statement.executeQuery()) {
                  for (int i = 0; rows.next(); i++) {
                    ids[i] = rows.getLong(1);
                  }
                }
              }
              return ids;
            });
  }

  /**
   * Inserts articles that already have their ids, and queues each for extraction, as two JDBC
   * batches in the current transaction. Hibernate cannot batch inserts of identity columns.
   */
  void insertQueued(List<Article> articles, Instant now) {
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    session()
        .doWork(
            connection -> {
              try (var statement =
                  connection.prepareStatement(
                      "INSERT INTO ingest.article (id, url, url_key, source, title, text,"
                          + " text_hash, raw_content, raw_content_type, published_at,"
                          + " published_at_origin, language, language_confidence, languages,"
                          + " minhash, minhash_bands, near_duplicate_of, ingested_at)"
                          + " OVERRIDING SYSTEM VALUE"
                          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)")) {
                for (Article article : articles) {
                  article.ingestedAt = now;
                  bindArticle(connection, statement, article, at);
                  statement.addBatch();
                }
                statement.executeBatch();
              }
              try (var statement =
                  connection.prepareStatement(
                      "INSERT INTO ingest.outbox (article_id, status, attempts, available_at,"
                          + " updated_at) VALUES (?, 'QUEUED', 0, ?, ?)")) {
                for (Article article : articles) {
                  statement.setLong(1, article.id);
                  statement.setObject(2, at);
                  statement.setObject(3, at);
                  statement.addBatch();
                }
                statement.executeBatch();
              }
            });
  }

  private void bindArticle(
      Connection connection, PreparedStatement statement, Article article, OffsetDateTime at)
      throws SQLException {
    statement.setLong(1, article.id);
    statement.setString(2, article.url);
    statement.setString(3, article.urlKey);
    statement.setString(4, article.source);
    statement.setString(5, article.title);
    statement.setString(6, article.text);
    statement.setBytes(7, article.textHash);
    statement.setString(8, article.rawContent);
    statement.setString(9, article.rawContentType);
    statement.setObject(10, article.publishedAt, Types.DATE);
    statement.setString(11, article.publishedAtOrigin);
    statement.setString(12, article.language);
    statement.setObject(13, article.languageConfidence, Types.REAL);
    try {
      statement.setString(
          14, article.languages == null ? null : json.writeValueAsString(article.languages));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of numbers is always JSON", e);
    }
    statement.setArray(15, article.minhash == null ? null : intArray(connection, article.minhash));
    statement.setArray(
        16, article.minhashBands == null ? null : longArray(connection, article.minhashBands));
    statement.setObject(17, article.nearDuplicateOf, Types.BIGINT);
    statement.setObject(18, at);
  }

  private static Array intArray(Connection connection, int[] values) throws SQLException {
    Integer[] boxed = new Integer[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    return connection.createArrayOf("integer", boxed);
  }

  private static Array longArray(Connection connection, long[] values) throws SQLException {
    Long[] boxed = new Long[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    return connection.createArrayOf("bigint", boxed);
  }

  private Session session() {
    return getEntityManager().unwrap(Session.class);
  }

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
    return session()
        .doReturningWork(
            connection -> {
              List<Candidate> candidates = new ArrayList<>();
              Array array = longArray(connection, bands);
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
                    candidates.add(
                        new Candidate(id, rows.wasNull() ? null : nearDuplicateOf, minhash));
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
