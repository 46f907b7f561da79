package org.newsgraph.query.actor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.newsgraph.query.db.Reader;
import org.newsgraph.query.db.Reader.Plan;
import org.newsgraph.query.db.Reader.SqlArray;

/** Actors from the entity registry, with their counts from the query rollups. */
@ApplicationScoped
public class ActorRepository {

  /**
   * An actor with its counts and its aliases: its own, those of the actors merged into it, and
   * their names, less its own name. Where the rows are sorted and limited, PostgreSQL computes the
   * alias subquery for the rows returned only.
   */
  private static final String SELECT =
      """
      SELECT a.id, a.name, a.type, a.country,
             coalesce(t.mentions, 0) AS mentions, coalesce(t.articles, 0) AS articles,
             coalesce(t.events, 0) AS events, t.first_seen, t.last_seen,
             array(SELECT alias FROM (
                       SELECT al.alias FROM entity.actor_alias al WHERE al.actor_id = a.id
                     UNION
                       SELECT al.alias FROM query.merged_actor m
                         JOIN entity.actor_alias al ON al.actor_id = m.id
                        WHERE m.merged_into = a.id
                     UNION
                       SELECT x.name FROM query.merged_actor m JOIN entity.actor x ON x.id = m.id
                        WHERE m.merged_into = a.id) s
                    WHERE alias <> a.name ORDER BY alias) AS aliases
      """;

  private static final String FROM =
      " FROM entity.actor a LEFT JOIN query.actor_total t ON t.actor_id = a.id";

  /**
   * The profile's aggregates as JSON columns of the actor's row, so that a profile reads the actor
   * in one statement: mentions per month ([month, mentions], oldest first) and the actors most
   * often in the same events ([id, name, events], most shared events first).
   */
  private static final String PROFILE =
      """
      , (SELECT coalesce(json_agg(json_build_array(mm.month, mm.mentions) ORDER BY mm.month), '[]')
           FROM query.actor_mention_month mm
          WHERE mm.actor_id = a.id AND mm.mentions > 0) AS timeline,
        (SELECT coalesce(json_agg(json_build_array(r.id, r.name, r.events)
                                  ORDER BY r.events DESC, r.id), '[]')
           FROM (SELECT o.id, o.name, p.events
                   FROM query.actor_pair p JOIN entity.actor o ON o.id = p.other_id
                  WHERE p.actor_id = a.id AND p.events > 0 AND o.merged_into IS NULL
                  ORDER BY p.events DESC, p.other_id
                  LIMIT ?) r) AS related
      """;

  private final Reader reader;
  private final ObjectMapper mapper;

  public ActorRepository(Reader reader, ObjectMapper mapper) {
    this.reader = reader;
    this.mapper = mapper;
  }

  /** Sort orders of the actor list. */
  public enum Sort {
    MENTIONS,
    NAME
  }

  /** Filters of the actor list; null means "any". */
  public record Filter(String q, String type, String country) {}

  /**
   * Follows merges: the actor that {@code id} now is, with every id merged into it; empty when the
   * id was never known.
   */
  public Optional<ActorIds> resolve(String id) {
    return reader.one(
        Plan.CACHED,
        """
        WITH RECURSIVE chain(id, merged_into, depth) AS (
            SELECT id, merged_into, 0 FROM entity.actor WHERE id = ?
          UNION ALL
            SELECT a.id, a.merged_into, c.depth + 1
              FROM entity.actor a JOIN chain c ON a.id = c.merged_into
             WHERE c.depth < 32),
        absorbed(id) AS (
            SELECT id FROM chain WHERE merged_into IS NULL
          UNION
            SELECT m.id FROM query.merged_actor m JOIN absorbed b ON m.merged_into = b.id)
        SELECT (SELECT id FROM chain WHERE merged_into IS NULL),
               array(SELECT id FROM absorbed ORDER BY id)
        """,
        List.of(id),
        row -> {
          String canonical = row.getString(1);
          return canonical == null ? null : new ActorIds(canonical, strings(row.getArray(2)));
        });
  }

  /**
   * The actor with its monthly mentions and its {@code relatedLimit} most related actors, in one
   * statement; the recent events are left empty for the caller.
   */
  public Optional<ActorProfile> profile(String canonicalId, int relatedLimit) {
    return reader.one(
        Plan.CACHED,
        SELECT + PROFILE + FROM + " WHERE a.id = ?",
        List.of(relatedLimit, canonicalId),
        row ->
            new ActorProfile(
                row(row),
                timeline(row.getString("timeline")),
                related(row.getString("related")),
                List.of()));
  }

  /** Up to {@code limit} actors (not merged away) after the keyset position {@code after}. */
  public List<Actor> page(Filter filter, Sort sort, List<String> after, int limit) {
    StringBuilder sql =
        new StringBuilder(SELECT).append(FROM).append(" WHERE a.merged_into IS NULL");
    List<Object> params = new ArrayList<>();
    if (filter.type() != null) {
      sql.append(" AND a.type = ?");
      params.add(filter.type());
    }
    if (filter.country() != null) {
      sql.append(" AND a.country = ?");
      params.add(filter.country());
    }
    if (filter.q() != null) {
      String pattern = "%" + likeEscaped(filter.q()) + "%";
      // names and aliases of the actors merged into an actor find it too
      sql.append(
          " AND a.id IN (SELECT coalesce(m.merged_into, m.id) FROM entity.actor m"
              + " WHERE m.name ILIKE ? OR m.id ILIKE ? OR m.id IN"
              + " (SELECT al.actor_id FROM entity.actor_alias al WHERE al.alias_key LIKE ?))");
      params.add(pattern);
      params.add(pattern);
      params.add("%" + likeEscaped(AliasKeys.of(filter.q())) + "%");
    }
    if (sort == Sort.MENTIONS) {
      if (after != null) {
        long mentions = Long.parseLong(after.get(0));
        sql.append(
            " AND (coalesce(t.mentions, 0) < ? OR (coalesce(t.mentions, 0) = ? AND a.id > ?))");
        params.add(mentions);
        params.add(mentions);
        params.add(after.get(1));
      }
      sql.append(" ORDER BY coalesce(t.mentions, 0) DESC, a.id");
    } else {
      if (after != null) {
        sql.append(" AND (a.name, a.id) > (?, ?)");
        params.add(after.get(0));
        params.add(after.get(1));
      }
      sql.append(" ORDER BY a.name, a.id");
    }
    sql.append(" LIMIT ?");
    params.add(limit);
    return reader.list(sql.toString(), params, ActorRepository::row);
  }

  private List<ActorProfile.MonthlyMentions> timeline(String json) throws SQLException {
    List<ActorProfile.MonthlyMentions> months = new ArrayList<>();
    for (JsonNode month : tree(json)) {
      months.add(
          new ActorProfile.MonthlyMentions(
              LocalDate.parse(month.get(0).asText()), month.get(1).asLong()));
    }
    return months;
  }

  private List<ActorProfile.Related> related(String json) throws SQLException {
    List<ActorProfile.Related> related = new ArrayList<>();
    for (JsonNode other : tree(json)) {
      related.add(
          new ActorProfile.Related(
              new ActorRef(other.get(0).asText(), other.get(1).asText()), other.get(2).asLong()));
    }
    return related;
  }

  private JsonNode tree(String json) throws SQLException {
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable aggregate from the database", e);
    }
  }

  /** Names of actors by canonical id. */
  public Map<String, ActorRef> refs(List<String> ids) {
    Map<String, ActorRef> refs = new HashMap<>();
    reader
        .list(
            "SELECT id, name FROM entity.actor WHERE id = ANY(?)",
            List.of(new SqlArray("text", ids.toArray())),
            row -> new ActorRef(row.getString(1), row.getString(2)))
        .forEach(ref -> refs.put(ref.id(), ref));
    return refs;
  }

  private static Actor row(ResultSet row) throws SQLException {
    return new Actor(
        row.getString("id"),
        row.getString("name"),
        row.getString("type"),
        row.getString("country"),
        strings(row.getArray("aliases")),
        row.getLong("mentions"),
        row.getLong("articles"),
        row.getLong("events"),
        row.getObject("first_seen", LocalDate.class),
        row.getObject("last_seen", LocalDate.class));
  }

  private static List<String> strings(Array array) throws SQLException {
    return List.of((String[]) array.getArray());
  }

  private static String likeEscaped(String value) {
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
