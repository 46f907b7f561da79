package org.newsgraph.entity.event;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.newsgraph.entity.actor.DatabaseActorDirectory;
import org.newsgraph.entity.extraction.ActorRef;
import org.newsgraph.entity.extraction.DatePrecision;
import org.newsgraph.entity.extraction.ExtractedEvent;
import org.newsgraph.entity.extraction.Factuality;
import org.newsgraph.entity.extraction.Figure;
import org.newsgraph.entity.extraction.KnownActor;
import org.newsgraph.entity.extraction.Place;

/**
 * Canonical events: every event mention belongs to exactly one, and the events are the connected
 * components of the mentions under {@link Compatibility}. Changes happen inside the caller's
 * transaction, serialised by one advisory lock so that two workers never build two events for one
 * happening.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CanonicalEvents {

  private static final long LOCK = 0x6e67_6576_656eL; // "ngeven"

  private final AgroalDataSource dataSource;
  private final EventConfig config;
  private final DatabaseActorDirectory directory;

  public CanonicalEvents(
      AgroalDataSource dataSource, EventConfig config, DatabaseActorDirectory directory) {
    this.dataSource = dataSource;
    this.config = config;
    this.directory = directory;
  }

  /** Takes the canonical-event lock until the caller's transaction ends. */
  public void lock() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      lock.setLong(1, LOCK);
      lock.execute();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not lock canonical events", e);
    }
  }

  /**
   * Replaces the event mentions of one article: the old ones go, the new ones join compatible
   * events or start their own, and every event touched is recomputed. A new mention that finds no
   * other event takes back the (now empty) event its predecessor in this article was in, so that
   * reprocessing keeps event ids.
   *
   * @param actorIds maps the extractor's actor ids to current ones; ids it lacks are dropped
   * @return the canonical event of each new mention, in the order given
   */
  public List<UUID> replaceArticle(
      long articleId,
      String text,
      LocalDate publishedAt,
      List<ExtractedEvent> events,
      String extractorVersion,
      Map<String, String> actorIds) {
    lock();
    try (Connection c = dataSource.getConnection()) {
      Map<String, String> parents = parents();
      Compatibility compatibility = new Compatibility(config, parents);
      List<OldMention> old = oldMentions(c, articleId);
      update(c, "DELETE FROM entity.event_mention WHERE article_id = ?", articleId);
      Set<UUID> touched = new LinkedHashSet<>();
      old.forEach(mention -> touched.add(mention.eventId()));
      Set<UUID> reused = new HashSet<>();
      List<UUID> assigned = new ArrayList<>();
      for (ExtractedEvent event : events) {
        Set<String> actors = new HashSet<>();
        roles(event, actorIds).forEach(role -> actors.add(role.actorId()));
        MentionFacts facts =
            new MentionFacts(
                0,
                articleId,
                event.trigger().start(),
                event.type(),
                event.factuality(),
                event.historical(),
                event.date().date(),
                event.date().precision(),
                event.date().fromText(),
                publishedAt,
                event.place() == null ? null : event.place().place(),
                event.place() == null ? null : event.place().country(),
                actors,
                ContextTerms.of(event.sentence().of(text), event.triggerText()));
        Set<UUID> joined = new LinkedHashSet<>();
        for (Candidate candidate : candidates(c, facts)) {
          if (compatibility.compatible(facts, candidate.facts())) {
            joined.add(candidate.eventId());
          }
        }
        UUID eventId;
        if (joined.isEmpty()) {
          eventId = reuse(c, old, event, reused);
          if (eventId == null) {
            eventId = create(c, event.type(), event.factuality());
          }
        } else if (joined.size() == 1) {
          eventId = joined.iterator().next();
        } else {
          eventId = merge(c, joined);
        }
        insertMention(c, articleId, eventId, event, facts.context(), extractorVersion, actorIds);
        touched.add(eventId);
        assigned.add(eventId);
      }
      for (UUID eventId : List.copyOf(touched)) {
        touched.addAll(settle(c, eventId, compatibility));
      }
      for (UUID eventId : touched) {
        EventSummary.recompute(c, eventId, parents);
      }
      return assigned;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store the events of article " + articleId, e);
    }
  }

  /** Recomputes the events an actor takes part in, after a curator merged actors. */
  public void actorsChanged(String actorId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement events =
            c.prepareStatement(
                "SELECT DISTINCT event_id FROM entity.event_actor WHERE actor_id = ?")) {
      events.setString(1, actorId);
      List<UUID> ids = new ArrayList<>();
      try (ResultSet rows = events.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getObject(1, UUID.class));
        }
      }
      Map<String, String> parents = parents();
      for (UUID id : ids) {
        EventSummary.recompute(c, id, parents);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not recompute the events of " + actorId, e);
    }
  }

  private Map<String, String> parents() {
    Map<String, String> parents = new HashMap<>();
    for (KnownActor actor : directory.actors()) {
      if (actor.parentId() != null) {
        parents.put(actor.id(), actor.parentId());
      }
    }
    return parents;
  }

  private record OldMention(UUID eventId, String type, int triggerStart) {}

  private record Candidate(UUID eventId, MentionFacts facts) {}

  private static List<OldMention> oldMentions(Connection c, long articleId) throws SQLException {
    List<OldMention> old = new ArrayList<>();
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT event_id, type, trigger_start FROM entity.event_mention"
                + " WHERE article_id = ? ORDER BY trigger_start, id")) {
      query.setLong(1, articleId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          old.add(new OldMention(rows.getObject(1, UUID.class), rows.getString(2), rows.getInt(3)));
        }
      }
    }
    return old;
  }

  private static final String FACTS =
      """
      SELECT em.id, em.article_id, em.trigger_start, em.event_id, em.type, em.factuality,
             em.historical, em.event_date, em.date_precision, em.date_origin, a.published_at,
             em.country, em.context_terms,
             ARRAY(SELECT DISTINCT r.actor_id FROM entity.event_mention_actor r
                   WHERE r.event_mention_id = em.id),
             em.place
      FROM entity.event_mention em LEFT JOIN ingest.article a ON a.id = em.article_id
      """;

  /** Mentions that could be compatible with the new one; the exact test is done in Java. */
  private static List<Candidate> candidates(Connection c, MentionFacts facts) throws SQLException {
    LocalDate anchor = facts.date() != null ? facts.date() : facts.publishedAt();
    try (PreparedStatement query =
        c.prepareStatement(
            FACTS
                + " WHERE em.factuality = ? AND em.historical = ? AND em.type = ANY (?)"
                + " AND (em.event_date IS NULL OR ?::date IS NULL"
                + "      OR em.event_date BETWEEN ?::date - 400 AND ?::date + 400)")) {
      query.setString(1, facts.factuality().name());
      query.setBoolean(2, facts.historical());
      query.setArray(
          3, c.createArrayOf("bpchar", Compatibility.compatibleTypes(facts.type()).toArray()));
      Date sqlDate = anchor == null ? null : Date.valueOf(anchor);
      for (int i = 4; i <= 6; i++) {
        query.setObject(i, sqlDate, Types.DATE);
      }
      return readCandidates(query);
    }
  }

  private static List<Candidate> readCandidates(PreparedStatement query) throws SQLException {
    List<Candidate> candidates = new ArrayList<>();
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        Date date = rows.getDate(8);
        Date published = rows.getDate(11);
        candidates.add(
            new Candidate(
                rows.getObject(4, UUID.class),
                new MentionFacts(
                    rows.getLong(1),
                    rows.getLong(2),
                    rows.getInt(3),
                    rows.getString(5),
                    Factuality.valueOf(rows.getString(6)),
                    rows.getBoolean(7),
                    date == null ? null : date.toLocalDate(),
                    DatePrecision.valueOf(rows.getString(9)),
                    "TEXT".equals(rows.getString(10)),
                    published == null ? null : published.toLocalDate(),
                    rows.getString(15),
                    trim(rows.getString(12)),
                    Set.of(strings(rows.getArray(14))),
                    Set.of(strings(rows.getArray(13))))));
      }
    }
    return candidates;
  }

  private UUID reuse(Connection c, List<OldMention> old, ExtractedEvent event, Set<UUID> reused)
      throws SQLException {
    List<OldMention> sameType =
        old.stream()
            .filter(mention -> mention.type().equals(event.type()))
            .sorted(
                Comparator.comparingInt(
                    mention -> Math.abs(mention.triggerStart() - event.trigger().start())))
            .toList();
    for (OldMention mention : sameType) {
      UUID id = mention.eventId();
      if (reused.contains(id)) {
        continue;
      }
      try (PreparedStatement empty =
          c.prepareStatement(
              "SELECT 1 FROM entity.event e WHERE e.id = ? AND e.merged_into IS NULL"
                  + " AND NOT EXISTS (SELECT 1 FROM entity.event_mention m WHERE m.event_id = e.id)")) {
        empty.setObject(1, id);
        try (ResultSet rows = empty.executeQuery()) {
          if (rows.next()) {
            reused.add(id);
            update(
                c,
                "UPDATE entity.event SET type = ?, factuality = ? WHERE id = ?",
                event.type(),
                event.factuality().name(),
                id);
            return id;
          }
        }
      }
    }
    return null;
  }

  private static UUID create(Connection c, String type, Factuality factuality) throws SQLException {
    UUID id = UUID.randomUUID();
    // clock_timestamp: events created in one transaction still get a strict order (see merge)
    update(
        c,
        "INSERT INTO entity.event (id, type, factuality, created_at) VALUES (?, ?, ?, clock_timestamp())",
        id,
        type,
        factuality.name());
    return id;
  }

  /** Merges events into the oldest of them, whose id survives; the others point at it. */
  private static UUID merge(Connection c, Set<UUID> events) throws SQLException {
    UUID survivor;
    Array ids = c.createArrayOf("uuid", events.toArray());
    try (PreparedStatement oldest =
        c.prepareStatement(
            "SELECT id FROM entity.event WHERE id = ANY (?) ORDER BY created_at, id LIMIT 1")) {
      oldest.setArray(1, ids);
      try (ResultSet rows = oldest.executeQuery()) {
        rows.next();
        survivor = rows.getObject(1, UUID.class);
      }
    }
    Set<UUID> absorbed = new HashSet<>(events);
    absorbed.remove(survivor);
    Array gone = c.createArrayOf("uuid", absorbed.toArray());
    update(
        c, "UPDATE entity.event_mention SET event_id = ? WHERE event_id = ANY (?)", survivor, gone);
    update(c, "DELETE FROM entity.event_actor WHERE event_id = ANY (?)", gone);
    update(
        c,
        "UPDATE entity.event SET merged_into = ?, article_count = 0, source_count = 0,"
            + " updated_at = now() WHERE id = ANY (?) OR merged_into = ANY (?)",
        survivor,
        gone,
        gone);
    return survivor;
  }

  /**
   * After an article's mentions were replaced, an event it was in may be empty (deleted, unless
   * other ids point at it) or fall apart into unconnected groups (each but the oldest group gets a
   * new event).
   *
   * @return the ids of events split off
   */
  private List<UUID> settle(Connection c, UUID eventId, Compatibility compatibility)
      throws SQLException {
    List<Candidate> mentions;
    try (PreparedStatement query =
        c.prepareStatement(
            FACTS
                + " WHERE em.event_id = ? ORDER BY a.published_at, em.article_id, em.trigger_start, em.id")) {
      query.setObject(1, eventId);
      mentions = readCandidates(query);
    }
    if (mentions.isEmpty()) {
      update(c, "DELETE FROM entity.event_actor WHERE event_id = ?", eventId);
      update(
          c,
          "DELETE FROM entity.event e WHERE e.id = ? AND e.merged_into IS NULL"
              + " AND NOT EXISTS (SELECT 1 FROM entity.event x WHERE x.merged_into = e.id)",
          eventId);
      return List.of();
    }
    int[] component = components(mentions, compatibility);
    List<UUID> split = new ArrayList<>();
    Map<Integer, List<Long>> groups = new HashMap<>();
    for (int i = 0; i < mentions.size(); i++) {
      if (component[i] != component[0]) {
        groups
            .computeIfAbsent(component[i], k -> new ArrayList<>())
            .add(mentions.get(i).facts().id());
      }
    }
    for (List<Long> group : groups.values()) {
      Candidate first =
          mentions.stream().filter(m -> m.facts().id() == group.get(0)).findFirst().orElseThrow();
      UUID id = create(c, first.facts().type(), first.facts().factuality());
      update(
          c,
          "UPDATE entity.event_mention SET event_id = ? WHERE id = ANY (?)",
          id,
          c.createArrayOf("bigint", group.toArray()));
      split.add(id);
    }
    return split;
  }

  private static int[] components(List<Candidate> mentions, Compatibility compatibility) {
    int[] parent = new int[mentions.size()];
    Arrays.setAll(parent, i -> i);
    for (int i = 0; i < mentions.size(); i++) {
      for (int j = i + 1; j < mentions.size(); j++) {
        if (compatibility.compatible(mentions.get(i).facts(), mentions.get(j).facts())) {
          parent[find(parent, i)] = find(parent, j);
        }
      }
    }
    int[] component = new int[mentions.size()];
    for (int i = 0; i < mentions.size(); i++) {
      component[i] = find(parent, i);
    }
    return component;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void insertMention(
      Connection c,
      long articleId,
      UUID eventId,
      ExtractedEvent event,
      Set<String> context,
      String extractorVersion,
      Map<String, String> actorIds)
      throws SQLException {
    long mentionId;
    try (PreparedStatement insert =
        c.prepareStatement(
            """
            INSERT INTO entity.event_mention (article_id, event_id, type, trigger_start, trigger_end,
              trigger_text, sentence_start, sentence_end, event_date, date_precision, date_origin,
              date_start, date_end, place, country, place_start, place_end, fatalities,
              fatalities_qualifier, fatalities_start, fatalities_end, injuries, injuries_qualifier,
              injuries_start, injuries_end, factuality, historical, confidence, context_terms,
              extractor_version, lat, lon, admin1, admin1_code, geonames_id, place_precision)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
              ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
      int i = 1;
      insert.setLong(i++, articleId);
      insert.setObject(i++, eventId);
      insert.setString(i++, event.type());
      insert.setInt(i++, event.trigger().start());
      insert.setInt(i++, event.trigger().end());
      insert.setString(i++, event.triggerText());
      insert.setInt(i++, event.sentence().start());
      insert.setInt(i++, event.sentence().end());
      var date = event.date();
      insert.setObject(i++, date.date() == null ? null : Date.valueOf(date.date()), Types.DATE);
      insert.setString(i++, date.precision().name());
      insert.setString(i++, date.date() == null ? null : date.fromText() ? "TEXT" : "PUBLICATION");
      insert.setObject(i++, date.span() == null ? null : date.span().start(), Types.INTEGER);
      insert.setObject(i++, date.span() == null ? null : date.span().end(), Types.INTEGER);
      var place = event.place();
      insert.setString(i++, place == null ? null : place.place());
      insert.setString(i++, place == null ? null : place.country());
      insert.setObject(
          i++, place == null || place.span() == null ? null : place.span().start(), Types.INTEGER);
      insert.setObject(
          i++, place == null || place.span() == null ? null : place.span().end(), Types.INTEGER);
      i = setFigure(insert, i, event.fatalities());
      i = setFigure(insert, i, event.injuries());
      insert.setString(i++, event.factuality().name());
      insert.setBoolean(i++, event.historical());
      insert.setFloat(i++, (float) event.confidence());
      insert.setArray(i++, c.createArrayOf("text", context.stream().sorted().toArray()));
      insert.setString(i++, extractorVersion);
      setGeo(insert, i, place == null ? null : place.geo());
      try (ResultSet rows = insert.executeQuery()) {
        rows.next();
        mentionId = rows.getLong(1);
      }
    }
    try (PreparedStatement role =
        c.prepareStatement(
            "INSERT INTO entity.event_mention_actor (event_mention_id, actor_id, role, start_offset,"
                + " end_offset) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      for (Role r : roles(event, actorIds)) {
        role.setLong(1, mentionId);
        role.setString(2, r.actorId());
        role.setString(3, r.role());
        role.setInt(4, r.ref().span().start());
        role.setInt(5, r.ref().span().end());
        role.addBatch();
      }
      role.executeBatch();
    }
  }

  private record Role(String role, String actorId, ActorRef ref) {}

  private static List<Role> roles(ExtractedEvent event, Map<String, String> actorIds) {
    List<Role> roles = new ArrayList<>();
    for (ActorRef ref : event.sources()) {
      String id = actorIds.get(ref.actorId());
      if (id != null) {
        roles.add(new Role("SOURCE", id, ref));
      }
    }
    for (ActorRef ref : event.targets()) {
      String id = actorIds.get(ref.actorId());
      if (id != null) {
        roles.add(new Role("TARGET", id, ref));
      }
    }
    return roles;
  }

  private static void setGeo(PreparedStatement insert, int i, Place.Geo geo) throws SQLException {
    insert.setObject(i++, geo == null ? null : geo.lat(), Types.DOUBLE);
    insert.setObject(i++, geo == null ? null : geo.lon(), Types.DOUBLE);
    insert.setString(i++, geo == null ? null : geo.admin1());
    insert.setString(i++, geo == null ? null : geo.admin1Code());
    insert.setObject(i++, geo == null ? null : geo.geonamesId(), Types.BIGINT);
    insert.setString(i, geo == null ? null : geo.precision().name());
  }

  private static int setFigure(PreparedStatement insert, int i, Figure figure) throws SQLException {
    insert.setObject(i++, figure == null ? null : figure.value(), Types.INTEGER);
    insert.setString(i++, figure == null ? null : figure.qualifier().name());
    insert.setObject(
        i++, figure == null || figure.span() == null ? null : figure.span().start(), Types.INTEGER);
    insert.setObject(
        i++, figure == null || figure.span() == null ? null : figure.span().end(), Types.INTEGER);
    return i;
  }

  static void update(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }

  static String trim(String value) {
    return value == null ? null : value.strip();
  }

  static String[] strings(Array array) throws SQLException {
    return array == null ? new String[0] : (String[]) array.getArray();
  }
}
