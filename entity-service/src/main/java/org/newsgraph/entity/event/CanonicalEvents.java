package org.newsgraph.entity.event;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.newsgraph.entity.actor.DatabaseActorDirectory;
import org.newsgraph.entity.extraction.ActorRef;
import org.newsgraph.entity.extraction.ExtractedEvent;
import org.newsgraph.entity.extraction.Figure;

/**
 * Canonical events: every event mention belongs to exactly one, grouped by {@link EventGrouping}
 * and placed by {@link EventAssignment}. Changes happen inside the caller's transaction; workers
 * lock only the type groups and time buckets their reports reach, so reports that cannot meet are
 * placed in parallel.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CanonicalEvents {

  private final AgroalDataSource dataSource;
  private final EventConfig config;
  private final DatabaseActorDirectory directory;
  private final Timer lockWait;

  public CanonicalEvents(
      AgroalDataSource dataSource,
      EventConfig config,
      DatabaseActorDirectory directory,
      MeterRegistry registry) {
    this.dataSource = dataSource;
    this.config = config;
    this.directory = directory;
    this.lockWait =
        Timer.builder("entity.events.lock-wait")
            .description("Time a worker waited for the locks of the events its reports could join")
            .publishPercentiles(0.5, 0.95)
            .register(registry);
  }

  /**
   * Keeps actor curation out until the caller's transaction ends, so that actor ids resolved for an
   * article stay current while its results are stored. Workers do not block each other with it.
   */
  public void holdOffCuration() {
    try (Connection c = dataSource.getConnection()) {
      EventAssignment.holdOffCuration(c);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not lock canonical events", e);
    }
  }

  /**
   * Replaces the event mentions of one article: the old ones go, the new ones are grouped with the
   * events they could join and with what is left of the events the old ones were in, and every
   * event touched is recomputed. A new mention counts for the event its predecessor in this article
   * was in, so that reprocessing keeps event ids.
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
    EventAssignment assignment = assignment();
    try (Connection c = dataSource.getConnection()) {
      List<OldMention> old = oldMentions(c, articleId);
      Set<UUID> seeds = new LinkedHashSet<>();
      old.forEach(mention -> seeds.add(mention.eventId()));
      List<EventAssignment.NewMention> inserted = new ArrayList<>();
      Set<OldMention> used = new HashSet<>();
      for (ExtractedEvent event : events) {
        Set<String> actors = new HashSet<>();
        Set<String> sources = new HashSet<>();
        for (Role role : roles(event, actorIds)) {
          actors.add(role.actorId());
          if (role.role().equals("SOURCE")) {
            sources.add(role.actorId());
          }
        }
        MentionFacts facts =
            new MentionFacts(
                -1 - inserted.size(),
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
                sources,
                ContextTerms.of(event.sentence().of(text), event.triggerText()));
        inserted.add(new EventAssignment.NewMention(facts, predecessor(old, event, used)));
      }
      List<MentionFacts> probes = inserted.stream().map(EventAssignment.NewMention::facts).toList();
      assignment.lock(c, probes, seeds);
      EventAssignment.update(c, "DELETE FROM entity.event_mention WHERE article_id = ?", articleId);
      EventAssignment.Result result = assignment.regroup(c, seeds, probes, inserted);
      List<UUID> assigned = new ArrayList<>();
      for (int i = 0; i < events.size(); i++) {
        UUID eventId = result.eventOf().get(inserted.get(i).facts().id());
        insertMention(
            c,
            articleId,
            eventId,
            events.get(i),
            inserted.get(i).facts().context(),
            extractorVersion,
            actorIds);
        assigned.add(eventId);
      }
      recompute(c, result.touched(), assignment);
      return assigned;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store the events of article " + articleId, e);
    }
  }

  /** The events an actor takes part in. */
  public Set<UUID> eventsOf(String actorId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement events =
            c.prepareStatement(
                "SELECT DISTINCT event_id FROM entity.event_actor WHERE actor_id = ?")) {
      events.setString(1, actorId);
      Set<UUID> ids = new LinkedHashSet<>();
      try (ResultSet rows = events.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getObject(1, UUID.class));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the events of " + actorId, e);
    }
  }

  /** Waits for the workers storing results and keeps them out until the transaction ends. */
  public void excludeWorkers() {
    try (Connection c = dataSource.getConnection()) {
      EventAssignment.excludeWorkers(c);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not lock canonical events", e);
    }
  }

  /**
   * Re-examines events after a curator changed their actors (call {@link #excludeWorkers} first):
   * their mentions are placed again as new reports would be, so events kept apart by two names for
   * one actor now join, and the rest are recomputed.
   */
  public void regroup(Set<UUID> events) {
    EventAssignment assignment = assignment();
    try (Connection c = dataSource.getConnection()) {
      List<MentionFacts> probes = assignment.factsOf(c, events);
      EventAssignment.Result result = assignment.regroup(c, events, probes, List.of());
      recompute(c, result.touched(), assignment);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not regroup events " + events, e);
    }
  }

  private EventAssignment assignment() {
    ActorTree actors = ActorTree.of(directory.actors());
    return new EventAssignment(
        new Compatibility(config, actors),
        actors,
        config.lockBucketDays(),
        config.candidateLimit(),
        nanos -> lockWait.record(nanos, TimeUnit.NANOSECONDS));
  }

  private static void recompute(Connection c, Set<UUID> events, EventAssignment assignment)
      throws SQLException {
    for (UUID eventId : events) {
      EventSummary.recompute(c, eventId, assignment);
    }
  }

  private record OldMention(UUID eventId, String type, int triggerStart) {}

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

  /** The event of the old mention of the same type nearest the new one, each used once. */
  private static UUID predecessor(
      List<OldMention> old, ExtractedEvent event, Set<OldMention> used) {
    return old.stream()
        .filter(mention -> mention.type().equals(event.type()) && !used.contains(mention))
        .min(
            Comparator.comparingInt(
                mention -> Math.abs(mention.triggerStart() - event.trigger().start())))
        .map(
            mention -> {
              used.add(mention);
              return mention.eventId();
            })
        .orElse(null);
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
              extractor_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
              ?, ?, ?) RETURNING id""")) {
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
      insert.setString(i, extractorVersion);
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

  private static int setFigure(PreparedStatement insert, int i, Figure figure) throws SQLException {
    insert.setObject(i++, figure == null ? null : figure.value(), Types.INTEGER);
    insert.setString(i++, figure == null ? null : figure.qualifier().name());
    insert.setObject(
        i++, figure == null || figure.span() == null ? null : figure.span().start(), Types.INTEGER);
    insert.setObject(
        i++, figure == null || figure.span() == null ? null : figure.span().end(), Types.INTEGER);
    return i;
  }
}
