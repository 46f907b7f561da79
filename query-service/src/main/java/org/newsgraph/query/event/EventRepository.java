package org.newsgraph.query.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.newsgraph.common.cameo.CameoRoot;
import org.newsgraph.query.actor.ActorRef;
import org.newsgraph.query.db.Reader;
import org.newsgraph.query.db.Reader.Plan;
import org.newsgraph.query.db.Reader.SqlArray;

/**
 * Reads canonical events straight from the entity schema, so lists and details are never behind the
 * extraction. Merged-away events (merged_into set) are never listed.
 */
@ApplicationScoped
public class EventRepository {

  private static final String ACTORS =
      """
      (SELECT coalesce(json_agg(json_build_object('id', r.id, 'name', r.name) ORDER BY r.name, r.id), '[]')
         FROM (SELECT DISTINCT c.id, c.name
                 FROM entity.event_actor ea
                 JOIN entity.actor a ON a.id = ea.actor_id
                 JOIN entity.actor c ON c.id = coalesce(a.merged_into, a.id)
                WHERE ea.event_id = e.id AND ea.role = '%s') r)""";

  private static final String REPORTS =
      """
      (SELECT json_agg(json_build_object('articleId', m.article_id, 'value', m.%1$s,
                                         'qualifier', m.%1$s_qualifier) ORDER BY m.article_id, m.id)
         FROM entity.event_mention m WHERE m.event_id = e.id AND m.%1$s IS NOT NULL)""";

  private static final String SCALARS =
      "e.id, e.type, e.label, e.event_date, e.date_precision, e.place, e.country, e.lat, e.lon,"
          + " e.admin1, e.admin1_code, e.geonames_id, e.place_precision, e.factuality, e.fatalities_min, e.fatalities_max, e.injuries_min, e.injuries_max,"
          + " e.article_count, e.source_count, e.first_reported_at, e.confidence";

  /** With the actors and figures as per-row subqueries: for exports, which stream row by row. */
  private static final String COLUMNS =
      SCALARS
          + ", "
          + ACTORS.formatted("SOURCE")
          + " AS sources, "
          + ACTORS.formatted("TARGET")
          + " AS targets, "
          + REPORTS.formatted("fatalities")
          + " AS fatality_reports, "
          + REPORTS.formatted("injuries")
          + " AS injury_reports";

  /**
   * The actors and the casualty figures of a set of events in one statement (one round trip per
   * page): part 1, the actors, current (merged-into) actors in place of merged ones, by event,
   * role, name and id as the per-row subquery orders them; part 2, each article's figures, by
   * event, article and mention.
   */
  private static final String PAGE_DETAILS =
      """
      SELECT * FROM (
          SELECT DISTINCT ea.event_id, 1 AS part, ea.role, c.name, c.id,
                 NULL::bigint AS article_id, NULL::int AS fatalities,
                 NULL::text AS fatalities_qualifier, NULL::int AS injuries,
                 NULL::text AS injuries_qualifier, NULL::bigint AS mention_id
            FROM entity.event_actor ea
            JOIN entity.actor a ON a.id = ea.actor_id
            JOIN entity.actor c ON c.id = coalesce(a.merged_into, a.id)
           WHERE ea.event_id = ANY(?)
        UNION ALL
          SELECT m.event_id, 2, NULL, NULL, NULL, m.article_id, m.fatalities,
                 m.fatalities_qualifier, m.injuries, m.injuries_qualifier, m.id
            FROM entity.event_mention m
           WHERE m.event_id = ANY(?) AND (m.fatalities IS NOT NULL OR m.injuries IS NOT NULL)) d
       ORDER BY part, event_id, role, name, id, article_id, mention_id""";

  /** The most rows of {@code query.actor_event} one round of an actor's events reads. */
  private static final int MAX_CHUNK = 2000;

  private static final TypeReference<List<ActorRef>> ACTOR_LIST = new TypeReference<>() {};
  private static final TypeReference<List<Event.Report>> REPORT_LIST = new TypeReference<>() {};
  private static final TypeReference<List<EventMention.ActorSpan>> ACTOR_SPANS =
      new TypeReference<>() {};

  private final Reader reader;
  private final ObjectMapper mapper;

  public EventRepository(Reader reader, ObjectMapper mapper) {
    this.reader = reader;
    this.mapper = mapper;
  }

  /** Sort orders of event lists. */
  public enum Sort {
    /** Newest event date first, undated events last; ties by id. */
    DATE,
    /** Most reporting articles first; ties by id. */
    ARTICLES
  }

  /**
   * Up to {@code limit} events after the keyset position {@code after} (null: from the start).
   * Keys: DATE [event_date or null, id], ARTICLES [article_count, id].
   */
  public List<Event> page(EventFilter filter, Sort sort, List<String> after, int limit) {
    if (sort == Sort.ARTICLES) {
      Sql sql = where(filter);
      if (after != null) {
        int count = Integer.parseInt(after.get(0));
        sql.and(
            "(e.article_count < ? OR (e.article_count = ? AND e.id < ?))",
            count,
            count,
            UUID.fromString(after.get(1)));
      }
      return select(sql, "ORDER BY e.article_count DESC, e.id DESC", limit);
    }
    if (byActorRollup(filter)) {
      return ofActor(filter, after, limit);
    }
    // Two ranges instead of one "DESC NULLS LAST" order, so that the (event_date DESC, id DESC)
    // index of the entity schema serves each range in order.
    boolean inUndated = after != null && after.get(0) == null;
    List<Event> events = new ArrayList<>();
    if (!inUndated) {
      Sql dated = where(filter).and("e.event_date IS NOT NULL");
      if (after != null) {
        dated.and(
            "(e.event_date, e.id) < (?, ?)",
            LocalDate.parse(after.get(0)),
            UUID.fromString(after.get(1)));
      }
      events.addAll(select(dated, "ORDER BY e.event_date DESC, e.id DESC", limit));
    }
    if (events.size() < limit) {
      Sql undated = where(filter).and("e.event_date IS NULL");
      if (inUndated) {
        undated.and("e.id < ?", UUID.fromString(after.get(1)));
      }
      // event_date is null throughout; named so that the same index gives the order
      events.addAll(
          select(undated, "ORDER BY e.event_date DESC, e.id DESC", limit - events.size()));
    }
    return events;
  }

  /**
   * Whether the {@code query.actor_event} rollup answers the filter: an actor with at most a date
   * range, and the default factuality (the rollup, like every rollup, holds no NEGATED event).
   * Other filters may leave out most of a busy actor's events, which PostgreSQL then finds better
   * from the entity tables (its plan per request) than a walk along the actor's events.
   */
  private static boolean byActorRollup(EventFilter filter) {
    return filter.actor() != null
        && filter.source() == null
        && filter.target() == null
        && filter.types().isEmpty()
        && filter.country() == null
        && filter.admin1() == null
        && filter.bbox() == null
        && filter.factuality().equals(EventFilter.REPORTED)
        && filter.minArticles() == null
        && filter.text() == null;
  }

  /**
   * An actor's events by date, from the {@code query.actor_event} rollup: one index range per id of
   * the actor (its canonical id and the ids merged into it, which the rollup holds until the
   * refresh after the merge), stopped at the page's size whatever the actor's frequency, joined to
   * the events by primary key. Listed are the events of the last refresh that are still listed in
   * the entity schema; one whose date changed since the refresh is left out until the next one (its
   * cursor key would not match its place).
   */
  private List<Event> ofActor(EventFilter filter, List<String> after, int limit) {
    boolean inUndated = after != null && after.get(0) == null;
    List<Row> rows = new ArrayList<>();
    if (!inUndated) {
      Key from =
          after == null
              ? null
              : new Key(LocalDate.parse(after.get(0)), UUID.fromString(after.get(1)));
      rows.addAll(ofActor(filter, true, from, limit));
    }
    boolean datesOnly = filter.from() != null || filter.to() != null;
    if (rows.size() < limit && !datesOnly) {
      Key from = inUndated ? new Key(null, UUID.fromString(after.get(1))) : null;
      rows.addAll(ofActor(filter, false, from, limit - rows.size()));
    }
    return withDetails(rows);
  }

  /**
   * Walks one range (dated or undated events) in chunks until {@code limit} listed events are
   * found: usually the first chunk, unless events merged or lost their articles since the refresh.
   */
  private List<Row> ofActor(EventFilter filter, boolean dated, Key after, int limit) {
    List<Row> rows = new ArrayList<>();
    Key position = after;
    int chunk = limit;
    while (true) {
      List<Keyed> keyed = chunk(filter, dated, position, chunk);
      for (Keyed k : keyed) {
        if (k.row() != null && rows.size() < limit) {
          rows.add(k.row());
        }
      }
      if (rows.size() >= limit || keyed.size() < chunk) {
        return rows;
      }
      position = keyed.get(keyed.size() - 1).key();
      chunk = Math.min(chunk * 4, MAX_CHUNK);
    }
  }

  private List<Keyed> chunk(EventFilter filter, boolean dated, Key after, int size) {
    List<String> ranges = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    for (String actorId : filter.actor()) {
      Sql range = new Sql().and("actor_id = ?", actorId);
      if (dated) {
        range.and("event_date IS NOT NULL");
        if (filter.from() != null) {
          range.and("event_date >= ?", filter.from());
        }
        if (filter.to() != null) {
          range.and("event_date <= ?", filter.to());
        }
        if (after != null) {
          range.and("(event_date, event_id) < (?, ?)", after.date(), after.id());
        }
      } else {
        range.and("event_date IS NULL");
        if (after != null) {
          range.and("event_id < ?", after.id());
        }
      }
      ranges.add(
          "(SELECT event_date, event_id FROM query.actor_event WHERE "
              + range.conditions()
              + " ORDER BY event_date DESC NULLS LAST, event_id DESC LIMIT ?)");
      params.addAll(range.params);
      params.add(size);
    }
    String keys = ranges.get(0);
    if (ranges.size() > 1) {
      // an event of two of the ids (before the refresh after their merge) counts once
      keys =
          "SELECT * FROM ("
              + String.join(" UNION ", ranges)
              + ") u ORDER BY event_date DESC NULLS LAST, event_id DESC LIMIT ?";
      params.add(size);
    }
    return reader.list(
        Plan.CACHED,
        "SELECT "
            + SCALARS
            + ", k.event_date AS key_date, k.event_id AS key_id,"
            + " (e.merged_into IS NULL AND e.article_count > 0"
            + " AND e.event_date IS NOT DISTINCT FROM k.event_date) AS listed"
            + " FROM ("
            + keys
            + ") k LEFT JOIN entity.event e ON e.id = k.event_id"
            + " ORDER BY k.event_date DESC NULLS LAST, k.event_id DESC",
        params,
        Keyed::of);
  }

  /** The sort key of an event, for the cursor after it. */
  public static List<Object> keyOf(Event event, Sort sort) {
    List<Object> keys = new ArrayList<>();
    keys.add(sort == Sort.ARTICLES ? event.articleCount() : event.date());
    keys.add(event.id());
    return keys;
  }

  /** Every matching event, newest first, row by row (exports). */
  public void stream(EventFilter filter, int fetchSize, EventSink sink) throws Exception {
    Sql sql = where(filter);
    reader.stream(
        "SELECT "
            + COLUMNS
            + " FROM entity.event e WHERE "
            + sql.conditions()
            + " ORDER BY e.event_date DESC NULLS LAST, e.id DESC",
        sql.params,
        fetchSize,
        row -> sink.accept(fromSubqueries(row)));
  }

  /** Receives exported events one at a time. */
  @FunctionalInterface
  public interface EventSink {
    void accept(Event event) throws Exception;
  }

  /** The canonical event, even if it was since merged away. */
  public Optional<Event> byId(UUID id) {
    return withDetails(
            reader.list(
                Plan.CACHED,
                "SELECT " + SCALARS + " FROM entity.event e WHERE e.id = ?",
                List.of(id),
                Row::of))
        .stream()
        .findFirst();
  }

  /** Canonical events by id, merged-away ones left out, in no particular order. */
  public List<Event> byIds(List<UUID> ids) {
    return withDetails(
        reader.list(
            Plan.CACHED,
            "SELECT "
                + SCALARS
                + " FROM entity.event e WHERE e.id = ANY(?) AND e.merged_into IS NULL",
            List.of(new SqlArray("uuid", ids.toArray())),
            Row::of));
  }

  /** The event that {@code id} is now part of: itself, or the event that absorbed it. */
  public Optional<UUID> canonicalId(UUID id) {
    return reader.one(
        """
        WITH RECURSIVE chain(id, merged_into, depth) AS (
            SELECT id, merged_into, 0 FROM entity.event WHERE id = ?
          UNION ALL
            SELECT e.id, e.merged_into, c.depth + 1
              FROM entity.event e JOIN chain c ON e.id = c.merged_into
             WHERE c.depth < 32)
        SELECT id FROM chain WHERE merged_into IS NULL
        """,
        List.of(id),
        row -> row.getObject(1, UUID.class));
  }

  /**
   * The evidence for an event, including the mentions of events it absorbed: each report's sentence
   * with its article, and the actors (current, merged-into ones) and figures it names.
   */
  public List<EventMention> mentions(UUID id) {
    return reader.list(
        """
        WITH RECURSIVE absorbed(id) AS (
            SELECT ?::uuid
          UNION
            SELECT e.id FROM entity.event e JOIN absorbed a ON e.merged_into = a.id)
        SELECT m.article_id, ar.url, ar.title, ar.source, ar.published_at,
               substr(ar.text, m.sentence_start + 1, m.sentence_end - m.sentence_start),
               m.sentence_start, m.trigger_start, m.trigger_end,
               m.fatalities, m.fatalities_qualifier, m.fatalities_start, m.fatalities_end,
               m.injuries, m.injuries_qualifier, m.injuries_start, m.injuries_end,
               (SELECT coalesce(json_agg(json_build_object('id', c.id, 'name', c.name,
                         'role', x.role, 'start', x.start_offset, 'end', x.end_offset)
                         ORDER BY x.start_offset, x.role, c.id), '[]')
                  FROM entity.event_mention_actor x
                  JOIN entity.actor a ON a.id = x.actor_id
                  JOIN entity.actor c ON c.id = coalesce(a.merged_into, a.id)
                 WHERE x.event_mention_id = m.id) AS actors
          FROM entity.event_mention m
          JOIN absorbed a ON a.id = m.event_id
          LEFT JOIN ingest.article ar ON ar.id = m.article_id
         ORDER BY ar.published_at NULLS LAST, m.article_id, m.trigger_start, m.id
        """,
        List.of(id),
        row -> {
          List<EventMention.Figure> figures = new ArrayList<>(2);
          addFigure(figures, "FATALITIES", row, 10);
          addFigure(figures, "INJURIES", row, 14);
          return new EventMention(
              row.getLong(1),
              row.getString(2),
              row.getString(3),
              row.getString(4),
              localDate(row, 5),
              row.getString(6),
              row.getInt(7),
              new EventMention.Span(row.getInt(8), row.getInt(9)),
              json(row.getString(18), ACTOR_SPANS),
              figures);
        });
  }

  /** The figure in the four columns from {@code column} (value, qualifier, start, end), if any. */
  private static void addFigure(
      List<EventMention.Figure> figures, String kind, ResultSet row, int column)
      throws SQLException {
    Integer value = (Integer) row.getObject(column);
    if (value != null) {
      figures.add(
          new EventMention.Figure(
              kind,
              value,
              row.getString(column + 1),
              (Integer) row.getObject(column + 2),
              (Integer) row.getObject(column + 3)));
    }
  }

  private List<Event> select(Sql sql, String order, int limit) {
    List<Object> params = new ArrayList<>(sql.params);
    params.add(limit);
    return withDetails(
        reader.list(
            "SELECT "
                + SCALARS
                + " FROM entity.event e WHERE "
                + sql.conditions()
                + " "
                + order
                + " LIMIT ?",
            params,
            Row::of));
  }

  /**
   * The events of {@code rows} with their actors and casualty figures, fetched for all of them in
   * one statement instead of four subqueries per event, which cost as much as finding the events.
   */
  private List<Event> withDetails(List<Row> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    SqlArray ids = new SqlArray("uuid", rows.stream().map(Row::id).toArray());
    Map<UUID, List<ActorRef>> sources = new HashMap<>();
    Map<UUID, List<ActorRef>> targets = new HashMap<>();
    Map<UUID, List<Event.Report>> fatalities = new HashMap<>();
    Map<UUID, List<Event.Report>> injuries = new HashMap<>();
    for (Detail detail : reader.list(Plan.CACHED, PAGE_DETAILS, List.of(ids, ids), Detail::of)) {
      if (detail.actor() != null) {
        Map<UUID, List<ActorRef>> side = detail.source() ? sources : targets;
        side.computeIfAbsent(detail.eventId(), k -> new ArrayList<>()).add(detail.actor());
      }
      if (detail.fatalities() != null) {
        fatalities
            .computeIfAbsent(detail.eventId(), k -> new ArrayList<>())
            .add(detail.fatalities());
      }
      if (detail.injuries() != null) {
        injuries.computeIfAbsent(detail.eventId(), k -> new ArrayList<>()).add(detail.injuries());
      }
    }
    List<Event> events = new ArrayList<>(rows.size());
    for (Row row : rows) {
      events.add(
          row.toEvent(
              sources.getOrDefault(row.id(), List.of()),
              targets.getOrDefault(row.id(), List.of()),
              fatalities.get(row.id()),
              injuries.get(row.id())));
    }
    return events;
  }

  private static Sql where(EventFilter filter) {
    return where(filter, true);
  }

  /** The filter's conditions on {@code e}; the actor filter only if {@code withActor}. */
  private static Sql where(EventFilter filter, boolean withActor) {
    // an event that absorbed others and then lost all its own reports is kept only for its ids
    Sql sql = new Sql().and("e.merged_into IS NULL AND e.article_count > 0");
    if (withActor && filter.actor() != null) {
      sql.and(hasActor(null), array(filter.actor()));
    }
    if (filter.source() != null) {
      sql.and(hasActor("SOURCE"), array(filter.source()));
    }
    if (filter.target() != null) {
      sql.and(hasActor("TARGET"), array(filter.target()));
    }
    if (!filter.types().isEmpty()) {
      sql.and("e.type = ANY(?)", new SqlArray("bpchar", filter.types().toArray()));
    }
    if (filter.country() != null) {
      sql.and("e.country = ?", filter.country());
    }
    if (filter.admin1() != null) {
      sql.and(
          filter.admin1().code() ? "e.admin1_code = ?" : "lower(e.admin1) = lower(?)",
          filter.admin1().value());
    }
    if (filter.bbox() != null) {
      EventFilter.BoundingBox box = filter.bbox();
      sql.and("e.lat BETWEEN ? AND ?", box.minLat(), box.maxLat());
      // a box across the antimeridian (minLon > maxLon) is the two boxes either side of it
      sql.and(
          box.crossesAntimeridian() ? "(e.lon >= ? OR e.lon <= ?)" : "e.lon BETWEEN ? AND ?",
          box.minLon(),
          box.maxLon());
    }
    if (filter.from() != null) {
      sql.and("e.event_date >= ?", filter.from());
    }
    if (filter.to() != null) {
      sql.and("e.event_date <= ?", filter.to());
    }
    if (!filter.factuality().containsAll(EventService.FACTUALITY)) {
      sql.and("e.factuality = ANY(?)", new SqlArray("text", filter.factuality().toArray()));
    }
    if (filter.minArticles() != null) {
      sql.and("e.article_count >= ?", filter.minArticles());
    }
    if (filter.text() != null) {
      // the articles' stored tsvector and its GIN index, as GET /search uses them
      sql.and(
          "e.id IN (SELECT m.event_id FROM ingest.article ar"
              + " JOIN entity.event_mention m ON m.article_id = ar.id"
              + " WHERE ar.search @@ websearch_to_tsquery('english', ?))",
          filter.text());
    }
    return sql;
  }

  private static String hasActor(String role) {
    return "EXISTS (SELECT 1 FROM entity.event_actor x WHERE x.event_id = e.id"
        + (role == null ? "" : " AND x.role = '" + role + "'")
        + " AND x.actor_id = ANY(?))";
  }

  private static SqlArray array(List<String> ids) {
    return new SqlArray("text", ids.toArray());
  }

  private Event fromSubqueries(ResultSet row) throws SQLException {
    return Row.of(row)
        .toEvent(
            json(row.getString("sources"), ACTOR_LIST),
            json(row.getString("targets"), ACTOR_LIST),
            reports(row.getString("fatality_reports")),
            reports(row.getString("injury_reports")));
  }

  private List<Event.Report> reports(String text) {
    return text == null ? null : json(text, REPORT_LIST);
  }

  private <T> T json(String text, TypeReference<T> type) {
    try {
      return mapper.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable aggregate from the database", e);
    }
  }

  static LocalDate localDate(ResultSet row, int column) throws SQLException {
    return row.getObject(column, LocalDate.class);
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }

  /** The scalar columns of one event row ({@link #SCALARS}). */
  private record Row(
      UUID id,
      CameoRoot root,
      String label,
      LocalDate date,
      String datePrecision,
      Event.Location location,
      Integer fatalitiesMin,
      Integer fatalitiesMax,
      Integer injuriesMin,
      Integer injuriesMax,
      String factuality,
      int articleCount,
      int sourceCount,
      Instant firstReportedAt,
      float confidence) {

    static Row of(ResultSet row) throws SQLException {
      return new Row(
          row.getObject("id", UUID.class),
          CameoRoot.of(row.getString("type")),
          row.getString("label"),
          localDate(row, 4),
          row.getString("date_precision"),
          new Event.Location(
              row.getString("place"),
              row.getString("country"),
              (Double) row.getObject("lat"),
              (Double) row.getObject("lon"),
              row.getString("admin1"),
              row.getString("admin1_code"),
              (Long) row.getObject("geonames_id"),
              row.getString("place_precision")),
          (Integer) row.getObject("fatalities_min"),
          (Integer) row.getObject("fatalities_max"),
          (Integer) row.getObject("injuries_min"),
          (Integer) row.getObject("injuries_max"),
          row.getString("factuality"),
          row.getInt("article_count"),
          row.getInt("source_count"),
          instant(row, "first_reported_at"),
          row.getFloat("confidence"));
    }

    /** Reports null: the event has no figure from any article. */
    Event toEvent(
        List<ActorRef> sources,
        List<ActorRef> targets,
        List<Event.Report> fatalityReports,
        List<Event.Report> injuryReports) {
      return new Event(
          id.toString(),
          root.code(),
          root.label(),
          root.quadClass(),
          root.goldstein(),
          label,
          sources,
          targets,
          date,
          datePrecision,
          location,
          casualties(fatalitiesMin, fatalitiesMax, fatalityReports),
          casualties(injuriesMin, injuriesMax, injuryReports),
          factuality,
          articleCount,
          sourceCount,
          firstReportedAt,
          confidence);
    }

    private static Event.Casualties casualties(
        Integer min, Integer max, List<Event.Report> reports) {
      if (min == null && max == null && reports == null) {
        return null;
      }
      return new Event.Casualties(min, max, reports == null ? List.of() : reports);
    }
  }

  /** A position in an actor's events: event date (null: undated) and id. */
  private record Key(LocalDate date, UUID id) {}

  /** One row of {@code query.actor_event} and its event's columns if the event is listed. */
  private record Keyed(Key key, Row row) {
    static Keyed of(ResultSet row) throws SQLException {
      return new Keyed(
          new Key(row.getObject("key_date", LocalDate.class), row.getObject("key_id", UUID.class)),
          row.getBoolean("listed") ? Row.of(row) : null);
    }
  }

  /**
   * One row of {@link #PAGE_DETAILS}: an actor of an event (part 1), or one article's figures for
   * it (part 2, null where the article gave none).
   */
  private record Detail(
      UUID eventId,
      boolean source,
      ActorRef actor,
      Event.Report fatalities,
      Event.Report injuries) {
    static Detail of(ResultSet row) throws SQLException {
      UUID eventId = row.getObject("event_id", UUID.class);
      if (row.getInt("part") == 1) {
        return new Detail(
            eventId,
            "SOURCE".equals(row.getString("role")),
            new ActorRef(row.getString("id"), row.getString("name")),
            null,
            null);
      }
      long articleId = row.getLong("article_id");
      Integer fatalities = (Integer) row.getObject("fatalities");
      Integer injuries = (Integer) row.getObject("injuries");
      return new Detail(
          eventId,
          false,
          null,
          fatalities == null
              ? null
              : new Event.Report(articleId, fatalities, row.getString("fatalities_qualifier")),
          injuries == null
              ? null
              : new Event.Report(articleId, injuries, row.getString("injuries_qualifier")));
    }
  }

  /** WHERE conditions joined by AND, with their parameters in order. */
  private static final class Sql {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    Sql and(String condition, Object... values) {
      conditions.add(condition);
      params.addAll(List.of(values));
      return this;
    }

    String conditions() {
      return String.join(" AND ", conditions);
    }
  }
}
