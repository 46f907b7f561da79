package org.newsgraph.entity.event;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.newsgraph.entity.actor.DatabaseActorDirectory;
import org.newsgraph.entity.extraction.ExtractedEvent;

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
    try (Connection c = dataSource.getConnection()) {
      return assignment()
          .replaceArticle(c, articleId, text, publishedAt, events, extractorVersion, actorIds);
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
        config.undatedWindow(),
        nanos -> lockWait.record(nanos, TimeUnit.NANOSECONDS));
  }

  private static void recompute(Connection c, Set<UUID> events, EventAssignment assignment)
      throws SQLException {
    for (UUID eventId : events) {
      EventSummary.recompute(c, eventId, assignment);
    }
  }
}
