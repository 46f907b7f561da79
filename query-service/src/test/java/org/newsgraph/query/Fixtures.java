package org.newsgraph.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.newsgraph.devdb.EmbeddedDatabase;
import org.newsgraph.devdb.PostgresTestResource;

/**
 * Writes rows into the ingest and entity schemas the way those services do, with names and ids
 * unique to one fixture (a tag, a year of its own and a country code of its own), so that tests
 * never see each other's data.
 */
public final class Fixtures {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final Random RANDOM = new Random();

  /** Lower-case letters only, so that full-text search treats it as one word. */
  public final String tag;

  /** A year no other fixture uses. */
  public final int year;

  /** An ISO-like country code no other fixture uses. */
  public final String country;

  private Fixtures(String tag, int year, String country) {
    this.tag = tag;
    this.year = year;
    this.country = country;
  }

  public static Fixtures create() {
    int n = SEQUENCE.incrementAndGet();
    StringBuilder tag = new StringBuilder("zq");
    for (int i = 0; i < 8; i++) {
      tag.append((char) ('a' + RANDOM.nextInt(26)));
    }
    String country = "Q" + (char) ('A' + n / 26 % 26) + (char) ('A' + n % 26);
    return new Fixtures(tag.toString(), 1200 + n * 3 + RANDOM.nextInt(3), country);
  }

  public LocalDate date(int month, int day) {
    return LocalDate.of(year, month, day);
  }

  public OffsetDateTime instant(int month, int day) {
    return date(month, day).atTime(8, 0).atOffset(ZoneOffset.UTC);
  }

  /** Inserts an actor and answers its id: the slug followed by this fixture's tag. */
  public String actor(String slug, String name, String type, String country) {
    String id = slug + "-" + tag;
    run(
        "INSERT INTO entity.actor (id, name, type, country) VALUES (?, ?, ?, ?)",
        id,
        name,
        type,
        country);
    return id;
  }

  public void alias(String actorId, String alias) {
    run(
        "INSERT INTO entity.actor_alias (actor_id, alias, alias_key) VALUES (?, ?, lower(?))",
        actorId,
        alias,
        alias);
  }

  public void mergeActor(String from, String into) {
    run("UPDATE entity.actor SET merged_into = ?, updated_at = now() WHERE id = ?", into, from);
  }

  /** Stores an article as ingest-service does, with its outbox row already DONE. */
  public long article(String text, LocalDate published) {
    return article(text, published, "DONE");
  }

  public long article(String text, LocalDate published, String status) {
    long id =
        queryLong(
            "INSERT INTO ingest.article (url, url_key, source, title, text, text_hash, published_at,"
                + " published_at_origin, language) VALUES (?, ?, 'fixtures', ?, ?, ?, ?, 'METADATA',"
                + " 'en') RETURNING id",
            "https://news.example/" + tag + "/" + RANDOM.nextInt(1_000_000_000),
            "news.example/" + tag + "/" + UUID.randomUUID(),
            text.substring(0, Math.min(40, text.length())),
            text,
            sha256(text),
            published);
    run("INSERT INTO ingest.outbox (article_id, status) VALUES (?, ?)", id, status);
    if ("DONE".equals(status)) {
      run(
          "INSERT INTO entity.article_extraction (article_id, extractor_version) VALUES (?, 'test')",
          id);
    }
    return id;
  }

  /** What entity-service does when it extracts an article again: the outbox row changes. */
  public void touchArticle(long articleId) {
    run("UPDATE ingest.outbox SET updated_at = clock_timestamp() WHERE article_id = ?", articleId);
  }

  /** A mention of {@code actorId} at the n-th (0-based) occurrence of {@code surface}. */
  public void mention(long articleId, String text, String surface, int occurrence, String actorId) {
    int start = offset(text, surface, occurrence);
    run(
        "INSERT INTO entity.mention (article_id, start_offset, end_offset, text, ner_type, actor_id)"
            + " VALUES (?, ?, ?, ?, 'ORGANIZATION', ?)",
        articleId,
        start,
        start + surface.length(),
        surface,
        actorId);
  }

  public void deleteMentions(long articleId) {
    run("DELETE FROM entity.mention WHERE article_id = ?", articleId);
  }

  /** A canonical event; counts, casualties and places are set with {@link #update}. */
  public UUID event(
      String type, String label, LocalDate date, String precision, String factuality) {
    UUID id = UUID.randomUUID();
    run(
        "INSERT INTO entity.event (id, type, label, event_date, date_precision, factuality,"
            + " country, place, article_count, source_count, confidence, first_reported_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, 'Fixture Town', 1, 1, 0.8, ?)",
        id,
        type,
        label,
        date,
        precision,
        factuality,
        country,
        date == null ? instant(3, 7) : date.atTime(8, 0).atOffset(ZoneOffset.UTC));
    return id;
  }

  /** Sets columns of an event as entity-service does, bumping updated_at. */
  public void update(UUID event, String assignments, Object... values) {
    Object[] params = new Object[values.length + 1];
    System.arraycopy(values, 0, params, 0, values.length);
    params[values.length] = event;
    run(
        "UPDATE entity.event SET " + assignments + ", updated_at = clock_timestamp() WHERE id = ?",
        params);
  }

  public void eventActor(UUID event, String actorId, String role) {
    run(
        "INSERT INTO entity.event_actor (event_id, actor_id, role) VALUES (?, ?, ?)",
        event,
        actorId,
        role);
  }

  /**
   * A mention of an event: the trigger is the n-th occurrence of {@code trigger}; the sentence is
   * the one around it (from the previous full stop to the next).
   */
  public void eventMention(
      UUID event,
      long articleId,
      String text,
      String trigger,
      Integer fatalities,
      String qualifier) {
    int start = offset(text, trigger, 0);
    int sentenceStart = text.lastIndexOf(". ", start);
    sentenceStart = sentenceStart < 0 ? 0 : sentenceStart + 2;
    int sentenceEnd = text.indexOf('.', start) + 1;
    run(
        "INSERT INTO entity.event_mention (article_id, event_id, type, trigger_start, trigger_end,"
            + " trigger_text, sentence_start, sentence_end, fatalities, fatalities_qualifier,"
            + " extractor_version) SELECT ?, ?, type, ?, ?, ?, ?, ?, ?, ?, 'test'"
            + " FROM entity.event WHERE id = ?",
        articleId,
        event,
        start,
        start + trigger.length(),
        trigger,
        sentenceStart,
        sentenceEnd,
        fatalities,
        qualifier,
        event);
  }

  /**
   * An actor as the mention of {@code event} in {@code articleId} names it: the first occurrence of
   * {@code surface}, on the side {@code role} (SOURCE or TARGET).
   */
  public void eventMentionActor(
      UUID event, long articleId, String text, String surface, String actorId, String role) {
    int start = offset(text, surface, 0);
    run(
        "INSERT INTO entity.event_mention_actor (event_mention_id, actor_id, role, start_offset,"
            + " end_offset) SELECT id, ?, ?, ?, ? FROM entity.event_mention"
            + " WHERE event_id = ? AND article_id = ?",
        actorId,
        role,
        start,
        start + surface.length(),
        event,
        articleId);
  }

  /** Where the fatality figure of the mention of {@code event} in {@code articleId} stands. */
  public void fatalitiesSpan(UUID event, long articleId, String text, String surface) {
    int start = offset(text, surface, 0);
    run(
        "UPDATE entity.event_mention SET fatalities_start = ?, fatalities_end = ?"
            + " WHERE event_id = ? AND article_id = ?",
        start,
        start + surface.length(),
        event,
        articleId);
  }

  public void mergeEvent(UUID from, UUID into) {
    run("UPDATE entity.event_mention SET event_id = ? WHERE event_id = ?", into, from);
    run("DELETE FROM entity.event_actor WHERE event_id = ?", from);
    update(from, "merged_into = ?, article_count = 0", into);
  }

  public void deleteEvent(UUID event) {
    run("DELETE FROM entity.event_mention WHERE event_id = ?", event);
    run("DELETE FROM entity.event_actor WHERE event_id = ?", event);
    run("DELETE FROM entity.event WHERE id = ?", event);
  }

  private static int offset(String text, String surface, int occurrence) {
    int at = -1;
    for (int i = 0; i <= occurrence; i++) {
      at = text.indexOf(surface, at + 1);
      if (at < 0) {
        throw new IllegalArgumentException("'" + surface + "' is not in the text");
      }
    }
    return at;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        PostgresTestResource.database().jdbcUrl(), EmbeddedDatabase.USER, "");
  }

  public static void run(String sql, Object... params) {
    try (Connection c = connect();
        PreparedStatement statement = c.prepareStatement(sql)) {
      bind(statement, params);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long queryLong(String sql, Object... params) {
    try (Connection c = connect();
        PreparedStatement statement = c.prepareStatement(sql)) {
      bind(statement, params);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void bind(PreparedStatement statement, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      statement.setObject(i + 1, params[i]);
    }
  }
}
