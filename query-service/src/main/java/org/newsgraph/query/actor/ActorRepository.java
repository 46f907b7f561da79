package org.newsgraph.query.actor;

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
import org.newsgraph.query.db.Reader.SqlArray;

/** Actors from the entity registry, with their counts from the query rollups. */
@ApplicationScoped
public class ActorRepository {

  private static final String SELECT =
      """
      SELECT a.id, a.name, a.type, a.country,
             coalesce(t.mentions, 0) AS mentions, coalesce(t.articles, 0) AS articles,
             coalesce(t.events, 0) AS events, t.first_seen, t.last_seen
        FROM entity.actor a
        LEFT JOIN query.actor_total t ON t.actor_id = a.id
      """;

  private final Reader reader;

  public ActorRepository(Reader reader) {
    this.reader = reader;
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

  public Optional<Actor> find(String canonicalId) {
    return reader
        .one(SELECT + " WHERE a.id = ?", List.of(canonicalId), ActorRepository::row)
        .map(actor -> withAliases(List.of(actor)).get(0));
  }

  /** Up to {@code limit} actors (not merged away) after the keyset position {@code after}. */
  public List<Actor> page(Filter filter, Sort sort, List<String> after, int limit) {
    StringBuilder sql = new StringBuilder(SELECT).append(" WHERE a.merged_into IS NULL");
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
    return withAliases(reader.list(sql.toString(), params, ActorRepository::row));
  }

  /** Mentions per month, oldest first. */
  public List<ActorProfile.MonthlyMentions> monthlyMentions(String canonicalId) {
    return reader.list(
        """
        SELECT date_trunc('month', day::timestamp)::date, sum(mentions)
          FROM query.actor_mention_day WHERE actor_id = ? AND mentions > 0
         GROUP BY 1 ORDER BY 1
        """,
        List.of(canonicalId),
        row -> new ActorProfile.MonthlyMentions(row.getObject(1, LocalDate.class), row.getLong(2)));
  }

  /** The actors most often in the same events, most shared events first. */
  public List<ActorProfile.Related> related(String canonicalId, int limit) {
    return reader.list(
        """
        SELECT o.id, o.name, p.events
          FROM query.actor_pair p JOIN entity.actor o ON o.id = p.other_id
         WHERE p.actor_id = ? AND p.events > 0 AND o.merged_into IS NULL
         ORDER BY p.events DESC, p.other_id
         LIMIT ?
        """,
        List.of(canonicalId, limit),
        row ->
            new ActorProfile.Related(
                new ActorRef(row.getString(1), row.getString(2)), row.getLong(3)));
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

  /** Aliases of each actor: its own, those of the actors merged into it, and their names. */
  private List<Actor> withAliases(List<Actor> actors) {
    if (actors.isEmpty()) {
      return actors;
    }
    Map<String, List<String>> aliases = new HashMap<>();
    reader
        .list(
            """
            WITH members AS (
                SELECT id, id AS owner, name FROM entity.actor WHERE id = ANY(?)
              UNION ALL
                SELECT a.id, m.merged_into, a.name
                  FROM query.merged_actor m JOIN entity.actor a ON a.id = m.id
                 WHERE m.merged_into = ANY(?))
            SELECT owner, alias FROM (
                SELECT m.owner, al.alias
                  FROM members m JOIN entity.actor_alias al ON al.actor_id = m.id
              UNION
                SELECT owner, name FROM members WHERE id <> owner) x
             ORDER BY owner, alias
            """,
            List.of(
                new SqlArray("text", actors.stream().map(Actor::id).toArray()),
                new SqlArray("text", actors.stream().map(Actor::id).toArray())),
            row -> new String[] {row.getString(1), row.getString(2)})
        .forEach(pair -> aliases.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(pair[1]));
    return actors.stream()
        .map(
            a ->
                new Actor(
                    a.id(),
                    a.name(),
                    a.type(),
                    a.country(),
                    aliases.getOrDefault(a.id(), List.of()).stream()
                        .filter(alias -> !alias.equals(a.name()))
                        .toList(),
                    a.mentionCount(),
                    a.articleCount(),
                    a.eventCount(),
                    a.firstSeen(),
                    a.lastSeen()))
        .toList();
  }

  private static Actor row(ResultSet row) throws SQLException {
    return new Actor(
        row.getString("id"),
        row.getString("name"),
        row.getString("type"),
        row.getString("country"),
        List.of(),
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
