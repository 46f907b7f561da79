package org.newsgraph.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsgraph.devdb.EmbeddedDatabase;
import org.newsgraph.devdb.PostgresTestResource;

/** Plain SQL against the test database: articles as ingest-service stores them, and checks. */
public final class TestArticles {

  private TestArticles() {}

  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        PostgresTestResource.database().jdbcUrl(), EmbeddedDatabase.USER, "");
  }

  /** Stores an article and queues it, as ingest-service does. */
  public static long insert(String text, LocalDate publishedAt, String language, Double confidence)
      throws Exception {
    return insert(text, publishedAt, language, confidence, null);
  }

  public static long insert(
      String text, LocalDate publishedAt, String language, Double confidence, Long nearDuplicateOf)
      throws Exception {
    try (Connection c = connect();
        PreparedStatement insert =
            c.prepareStatement(
                """
                INSERT INTO ingest.article (source, text, text_hash, published_at, language,
                  language_confidence, near_duplicate_of)
                VALUES ('test', ?, ?, ?, ?, ?, ?) RETURNING id""")) {
      insert.setString(1, text);
      insert.setBytes(2, sha256(text));
      insert.setObject(3, publishedAt == null ? null : java.sql.Date.valueOf(publishedAt));
      insert.setString(4, language);
      insert.setObject(5, confidence == null ? null : confidence.floatValue());
      insert.setObject(6, nearDuplicateOf);
      long id;
      try (ResultSet rows = insert.executeQuery()) {
        rows.next();
        id = rows.getLong(1);
      }
      update(c, "INSERT INTO ingest.outbox (article_id) VALUES (?)", id);
      return id;
    }
  }

  public static int update(String sql, Object... values) throws SQLException {
    try (Connection c = connect()) {
      return update(c, sql, values);
    }
  }

  private static int update(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      return statement.executeUpdate();
    }
  }

  /** The rows of a query, each as column name to value. */
  public static List<Map<String, Object>> rows(String sql, Object... values) throws SQLException {
    try (Connection c = connect();
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
            row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  public static Map<String, Object> row(String sql, Object... values) throws SQLException {
    List<Map<String, Object>> rows = rows(sql, values);
    if (rows.size() != 1) {
      throw new AssertionError("expected one row, got " + rows.size() + " for " + sql);
    }
    return rows.get(0);
  }

  private static byte[] sha256(String text) throws NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
  }
}
