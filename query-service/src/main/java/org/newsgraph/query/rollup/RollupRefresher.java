package org.newsgraph.query.rollup;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.newsgraph.query.QueryConfig;
import org.newsgraph.query.event.EventStream;

/**
 * Keeps the rollups of schema {@code query} in step with the entity schema, incrementally.
 *
 * <p>Each run, in one REPEATABLE READ transaction (one snapshot for every step):
 *
 * <ol>
 *   <li>copies which actors were merged into which ({@code merged_actor});
 *   <li>finds the articles whose {@code ingest.outbox} row changed since the previous run (minus
 *       the overlap) and whose stamp differs from the one last applied, plus the articles
 *       mentioning an actor merged away since;
 *   <li>replaces their per-article rows ({@code article_actor}, {@code article_event}), turning
 *       "minus old, plus new" into deltas on {@code actor_mention_day} and {@code
 *       actor_mention_month};
 *   <li>finds the events changed since ({@code entity.event.updated_at}, index-backed), the events
 *       the changed articles used to report (so deleted events are noticed), and the events of
 *       actors merged away since;
 *   <li>replaces their {@code event_fact} rows (none for a NEGATED event: what did not happen adds
 *       to no count, series or edge), applying the deltas to {@code type_day}, {@code actor_day},
 *       {@code actor_day_all}, {@code dyad_day}, {@code dyad_month}, {@code actor_pair}, {@code
 *       dyad_event} and {@code actor_event};
 *   <li>recomputes {@code actor_total} for every actor touched.
 * </ol>
 *
 * Work is proportional to what changed, never to the history. The first run on an existing database
 * reads everything once. A transaction-scoped advisory lock keeps several instances from refreshing
 * at once. After the commit, the changed events go to the live feed.
 */
@ApplicationScoped
public class RollupRefresher {

  private static final Logger LOG = Logger.getLogger(RollupRefresher.class);
  private static final long LOCK_KEY = 0x6e67_7172_6566_7231L; // "ngqrefr1"

  private final AgroalDataSource writer;
  private final QueryConfig config;
  private final EventStream stream;

  public RollupRefresher(AgroalDataSource writer, QueryConfig config, EventStream stream) {
    this.writer = writer;
    this.config = config;
    this.stream = stream;
  }

  @Scheduled(
      every = "${newsgraph.query.refresh.every:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      delayed = "1s")
  void tick() {
    try {
      refresh();
    } catch (SQLException e) {
      // the entity or ingest schema may not exist yet: the next tick tries again
      LOG.warnf("Rollup refresh failed, retrying next interval: %s", e.getMessage());
    }
  }

  /**
   * Brings the rollups up to date and publishes the changed events.
   *
   * @return the canonical events that were new or changed
   */
  public synchronized List<UUID> refresh() throws SQLException {
    List<UUID> changed;
    try (Connection c = writer.getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        changed = refresh(c);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
    stream.publish(changed);
    return changed;
  }

  private List<UUID> refresh(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET LOCAL TimeZone = 'UTC'");
      try (ResultSet lock = s.executeQuery("SELECT pg_try_advisory_xact_lock(" + LOCK_KEY + ")")) {
        lock.next();
        if (!lock.getBoolean(1)) {
          return List.of();
        }
      }
    }
    OffsetDateTime since = since(c);
    readMerges(c);
    readArticles(c, since);
    readEvents(c, since);
    readDyadEvents(c);
    readActorEvents(c);
    touchActors(c);
    update(
        c, "UPDATE query.refresh_state SET last_started = now(), refreshed_at = clock_timestamp()");
    List<UUID> changed = new ArrayList<>();
    if (!stream.hasSubscribers()) {
      return changed;
    }
    try (Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT f.event_id FROM changed_event ce JOIN query.event_fact f ON f.event_id = ce.id"
                    + " WHERE ce.stamped")) {
      while (rows.next()) {
        changed.add(rows.getObject(1, UUID.class));
      }
    }
    return changed;
  }

  private OffsetDateTime since(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet row =
            s.executeQuery(
                "SELECT last_started - make_interval(secs => "
                    + config.refresh().overlap().toSeconds()
                    + ") FROM query.refresh_state FOR UPDATE")) {
      row.next();
      return row.getObject(1, OffsetDateTime.class);
    }
  }

  private void readMerges(Connection c) throws SQLException {
    update(
        c,
        """
        INSERT INTO query.merged_actor AS m (id, merged_into)
        SELECT id, merged_into FROM entity.actor WHERE merged_into IS NOT NULL
        ON CONFLICT (id) DO UPDATE SET merged_into = excluded.merged_into
         WHERE m.merged_into <> excluded.merged_into
        """);
    update(
        c,
        """
        DELETE FROM query.merged_actor m WHERE NOT EXISTS (
          SELECT 1 FROM entity.actor a WHERE a.id = m.id AND a.merged_into IS NOT NULL)
        """);
  }

  private void readArticles(Connection c, OffsetDateTime since) throws SQLException {
    update(
        c,
        "CREATE TEMP TABLE changed_article (article_id bigint PRIMARY KEY, stamp timestamptz)"
            + " ON COMMIT DROP");
    update(
        c,
        """
        INSERT INTO changed_article
        SELECT o.article_id, o.updated_at FROM ingest.outbox o
         WHERE \s"""
            + (since == null ? "true" : "o.updated_at > ?")
            + """
           AND o.updated_at IS DISTINCT FROM
               (SELECT s.stamp FROM query.article_state s WHERE s.article_id = o.article_id)
        """,
        since == null ? new Object[0] : new Object[] {since});
    if (since != null) {
      update(
          c,
          """
          INSERT INTO changed_article
          SELECT DISTINCT aa.article_id, NULL::timestamptz
            FROM query.article_actor aa JOIN entity.actor a ON a.id = aa.actor_id
           WHERE a.merged_into IS NOT NULL AND a.updated_at > ?
          ON CONFLICT (article_id) DO NOTHING
          """,
          since);
    }
    update(
        c,
        """
        INSERT INTO query.article_state AS s (article_id, stamp)
        SELECT article_id, stamp FROM changed_article WHERE stamp IS NOT NULL
        ON CONFLICT (article_id) DO UPDATE SET stamp = excluded.stamp
        """);
    update(c, "CREATE TEMP TABLE left_event (event_id uuid) ON COMMIT DROP");
    update(
        c,
        """
        WITH gone AS (
          DELETE FROM query.article_event e USING changed_article c WHERE e.article_id = c.article_id
          RETURNING e.event_id)
        INSERT INTO left_event SELECT DISTINCT event_id FROM gone
        """);
    update(
        c,
        """
        INSERT INTO query.article_event (article_id, event_id)
        SELECT DISTINCT m.article_id, m.event_id
          FROM entity.event_mention m JOIN changed_article c ON c.article_id = m.article_id
        """);
    update(
        c,
        """
        CREATE TEMP TABLE mention_delta (actor_id text, day date, mentions bigint, articles bigint)
        ON COMMIT DROP
        """);
    update(
        c,
        """
        WITH old AS (
          DELETE FROM query.article_actor aa USING changed_article c WHERE aa.article_id = c.article_id
          RETURNING aa.actor_id, aa.day, aa.mentions),
        new AS (
          INSERT INTO query.article_actor (article_id, actor_id, day, mentions)
          SELECT m.article_id, coalesce(a.merged_into, a.id),
                 coalesce(ar.published_at, ar.ingested_at::date), count(*)
            FROM entity.mention m
            JOIN changed_article c ON c.article_id = m.article_id
            JOIN entity.actor a ON a.id = m.actor_id
            JOIN ingest.article ar ON ar.id = m.article_id
           GROUP BY 1, 2, 3
          RETURNING actor_id, day, mentions)
        INSERT INTO mention_delta
        SELECT actor_id, day, sum(mentions), sum(articles) FROM (
            SELECT actor_id, day, -mentions AS mentions, -1 AS articles FROM old
          UNION ALL
            SELECT actor_id, day, mentions, 1 FROM new) d
         GROUP BY actor_id, day
        HAVING sum(mentions) <> 0 OR sum(articles) <> 0
        """);
    update(
        c,
        """
        INSERT INTO query.actor_mention_day AS t (actor_id, day, mentions, articles)
        SELECT actor_id, day, mentions, articles FROM mention_delta
        ON CONFLICT (actor_id, day) DO UPDATE
           SET mentions = t.mentions + excluded.mentions, articles = t.articles + excluded.articles
        """);
    // empty days go, so that first and last seen are the ends of an index range
    update(
        c,
        """
        DELETE FROM query.actor_mention_day t USING mention_delta d
         WHERE t.actor_id = d.actor_id AND t.day = d.day AND t.articles <= 0
        """);
    update(
        c,
        """
        INSERT INTO query.actor_mention_month AS t (actor_id, month, mentions, articles)
        SELECT actor_id, date_trunc('month', day::timestamp)::date, sum(mentions), sum(articles)
          FROM mention_delta GROUP BY 1, 2
        ON CONFLICT (actor_id, month) DO UPDATE
           SET mentions = t.mentions + excluded.mentions, articles = t.articles + excluded.articles
        """);
    update(
        c,
        """
        DELETE FROM query.actor_mention_month t USING mention_delta d
         WHERE t.actor_id = d.actor_id AND t.month = date_trunc('month', d.day::timestamp)::date
           AND t.articles <= 0
        """);
  }

  private void readEvents(Connection c, OffsetDateTime since) throws SQLException {
    update(
        c, "CREATE TEMP TABLE changed_event (id uuid PRIMARY KEY, stamped boolean) ON COMMIT DROP");
    update(
        c,
        """
        INSERT INTO changed_event
        SELECT e.id, true FROM entity.event e
         WHERE \s"""
            + (since == null ? "true" : "e.updated_at > ?")
            + """
           AND e.updated_at IS DISTINCT FROM
               (SELECT f.updated_at FROM query.event_fact f WHERE f.event_id = e.id)
           AND (e.merged_into IS NULL
                OR EXISTS (SELECT 1 FROM query.event_fact f WHERE f.event_id = e.id))
        """,
        since == null ? new Object[0] : new Object[] {since});
    update(
        c,
        "INSERT INTO changed_event SELECT event_id, false FROM left_event"
            + " ON CONFLICT (id) DO NOTHING");
    // checked first: the overlap test below reads every event fact, even when nothing merged
    if (since != null && actorsMergedSince(c, since)) {
      update(
          c,
          """
          INSERT INTO changed_event
          SELECT f.event_id, false FROM query.event_fact f
           WHERE f.sources || f.targets && ARRAY(
                 SELECT id FROM entity.actor WHERE merged_into IS NOT NULL AND updated_at > ?)
          ON CONFLICT (id) DO NOTHING
          """,
          since);
    }
    update(
        c,
        """
        CREATE TEMP TABLE event_delta (sign int, event_id uuid, day date, type char(2),
                                       articles int, sources text[], targets text[]) ON COMMIT DROP
        """);
    update(
        c,
        """
        WITH old AS (
          DELETE FROM query.event_fact f USING changed_event c WHERE f.event_id = c.id
          RETURNING f.event_id, f.day, f.type, f.articles, f.sources, f.targets),
        new AS (
          INSERT INTO query.event_fact (event_id, updated_at, day, type, articles, sources, targets)
          SELECT e.id, e.updated_at,
                 coalesce(e.event_date, e.first_reported_at::date, e.created_at::date),
                 e.type, e.article_count,
                 ARRAY(SELECT DISTINCT coalesce(a.merged_into, a.id)
                         FROM entity.event_actor ea JOIN entity.actor a ON a.id = ea.actor_id
                        WHERE ea.event_id = e.id AND ea.role = 'SOURCE' ORDER BY 1),
                 ARRAY(SELECT DISTINCT coalesce(a.merged_into, a.id)
                         FROM entity.event_actor ea JOIN entity.actor a ON a.id = ea.actor_id
                        WHERE ea.event_id = e.id AND ea.role = 'TARGET' ORDER BY 1)
            FROM entity.event e JOIN changed_event c ON c.id = e.id
           WHERE e.merged_into IS NULL AND e.factuality <> 'NEGATED'
          RETURNING event_id, day, type, articles, sources, targets)
        INSERT INTO event_delta
          SELECT -1, * FROM old
        UNION ALL
          SELECT 1, * FROM new
        """);
    update(
        c,
        """
        INSERT INTO query.type_day AS t (day, type, events, articles)
        SELECT day, type, sum(sign), sum(sign * articles) FROM event_delta
         GROUP BY day, type HAVING sum(sign) <> 0 OR sum(sign * articles) <> 0
        ON CONFLICT (day, type) DO UPDATE
           SET events = t.events + excluded.events, articles = t.articles + excluded.articles
        """);
    update(
        c,
        """
        INSERT INTO query.actor_day AS t (actor_id, day, type, events, articles)
        SELECT x.actor_id, d.day, d.type, sum(d.sign), sum(d.sign * d.articles)
          FROM event_delta d
          CROSS JOIN LATERAL (SELECT DISTINCT unnest(d.sources || d.targets) AS actor_id) x
         GROUP BY 1, 2, 3 HAVING sum(d.sign) <> 0 OR sum(d.sign * d.articles) <> 0
        ON CONFLICT (actor_id, day, type) DO UPDATE
           SET events = t.events + excluded.events, articles = t.articles + excluded.articles
        """);
    update(
        c,
        """
        INSERT INTO query.actor_day_all AS t (actor_id, day, events, articles)
        SELECT x.actor_id, d.day, sum(d.sign), sum(d.sign * d.articles)
          FROM event_delta d
          CROSS JOIN LATERAL (SELECT DISTINCT unnest(d.sources || d.targets) AS actor_id) x
         GROUP BY 1, 2 HAVING sum(d.sign) <> 0 OR sum(d.sign * d.articles) <> 0
        ON CONFLICT (actor_id, day) DO UPDATE
           SET events = t.events + excluded.events, articles = t.articles + excluded.articles
        """);
    update(
        c,
        """
        INSERT INTO query.dyad_month AS t (source_id, target_id, month, type, events)
        SELECT s.id, g.id, date_trunc('month', d.day::timestamp)::date, d.type, sum(d.sign)
          FROM event_delta d
          CROSS JOIN LATERAL unnest(d.sources) AS s(id)
          CROSS JOIN LATERAL unnest(d.targets) AS g(id)
         WHERE s.id <> g.id
         GROUP BY 1, 2, 3, 4 HAVING sum(d.sign) <> 0
        ON CONFLICT (source_id, target_id, month, type) DO UPDATE SET events = t.events + excluded.events
        """);
    update(
        c,
        """
        INSERT INTO query.dyad_day AS t (source_id, target_id, day, type, events)
        SELECT s.id, g.id, d.day, d.type, sum(d.sign)
          FROM event_delta d
          CROSS JOIN LATERAL unnest(d.sources) AS s(id)
          CROSS JOIN LATERAL unnest(d.targets) AS g(id)
         WHERE s.id <> g.id
         GROUP BY 1, 2, 3, 4 HAVING sum(d.sign) <> 0
        ON CONFLICT (source_id, target_id, day, type) DO UPDATE SET events = t.events + excluded.events
        """);
    update(
        c,
        """
        INSERT INTO query.actor_pair AS t (actor_id, other_id, events)
        SELECT x.id, y.id, sum(d.sign)
          FROM event_delta d
          CROSS JOIN LATERAL (SELECT DISTINCT unnest(d.sources || d.targets) AS id) x
          CROSS JOIN LATERAL (SELECT DISTINCT unnest(d.sources || d.targets) AS id) y
         WHERE x.id <> y.id
         GROUP BY 1, 2 HAVING sum(d.sign) <> 0
        ON CONFLICT (actor_id, other_id) DO UPDATE SET events = t.events + excluded.events
        """);
  }

  private void readDyadEvents(Connection c) throws SQLException {
    update(
        c,
        """
        DELETE FROM query.dyad_event d USING event_delta o
         WHERE o.sign = -1 AND d.event_id = o.event_id
        """);
    update(
        c,
        """
        INSERT INTO query.dyad_event (actor_a, actor_b, day, event_id)
        SELECT DISTINCT least(s.id, g.id), greatest(s.id, g.id), d.day, d.event_id
          FROM event_delta d
          CROSS JOIN LATERAL unnest(d.sources) AS s(id)
          CROSS JOIN LATERAL unnest(d.targets) AS g(id)
         WHERE d.sign = 1 AND s.id <> g.id
        """);
  }

  private void readActorEvents(Connection c) throws SQLException {
    update(
        c,
        """
        DELETE FROM query.actor_event a USING event_delta o
         WHERE o.sign = -1 AND a.event_id = o.event_id
        """);
    // the event's own date (nullable), which orders the events list, not event_fact's day
    update(
        c,
        """
        INSERT INTO query.actor_event (actor_id, event_date, event_id)
        SELECT DISTINCT x.actor_id, e.event_date, d.event_id
          FROM event_delta d
          JOIN entity.event e ON e.id = d.event_id
          CROSS JOIN LATERAL unnest(d.sources || d.targets) AS x(actor_id)
         WHERE d.sign = 1
        """);
  }

  private void touchActors(Connection c) throws SQLException {
    update(
        c,
        """
        INSERT INTO query.actor_total AS t (actor_id, mentions, articles, events, first_seen, last_seen)
        SELECT k.actor_id,
               coalesce((SELECT sum(mentions) FROM query.actor_mention_day m WHERE m.actor_id = k.actor_id), 0),
               coalesce((SELECT sum(articles) FROM query.actor_mention_day m WHERE m.actor_id = k.actor_id), 0),
               coalesce((SELECT sum(events) FROM query.actor_day_all d WHERE d.actor_id = k.actor_id), 0),
               (SELECT min(day) FROM query.actor_mention_day m WHERE m.actor_id = k.actor_id),
               (SELECT max(day) FROM query.actor_mention_day m WHERE m.actor_id = k.actor_id)
          FROM (SELECT actor_id FROM mention_delta
                UNION
                SELECT unnest(sources || targets) FROM event_delta) k
        ON CONFLICT (actor_id) DO UPDATE
           SET mentions = excluded.mentions, articles = excluded.articles, events = excluded.events,
               first_seen = excluded.first_seen, last_seen = excluded.last_seen
        """);
  }

  private static boolean actorsMergedSince(Connection c, OffsetDateTime since) throws SQLException {
    try (PreparedStatement statement =
        c.prepareStatement(
            "SELECT EXISTS (SELECT 1 FROM entity.actor"
                + " WHERE merged_into IS NOT NULL AND updated_at > ?)")) {
      statement.setObject(1, since);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getBoolean(1);
      }
    }
  }

  private static void update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      statement.executeUpdate();
    }
  }
}
