package org.newsgraph.query.stats;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.newsgraph.query.actor.Actor;
import org.newsgraph.query.actor.ActorRepository;
import org.newsgraph.query.db.Reader;
import org.newsgraph.query.event.Event;
import org.newsgraph.query.event.EventFilter;
import org.newsgraph.query.event.EventRepository;

/** Counts across the schemas, and the short summary that the run script prints. */
@ApplicationScoped
public class StatsService {

  private final Reader reader;
  private final ActorRepository actors;
  private final EventRepository events;

  public StatsService(Reader reader, ActorRepository actors, EventRepository events) {
    this.reader = reader;
    this.actors = actors;
    this.events = events;
  }

  public Stats stats() {
    return reader
        .one(
            """
            SELECT (SELECT count(*) FROM ingest.article),
                   (SELECT count(*) FROM entity.actor WHERE merged_into IS NULL),
                   (SELECT count(*) FROM entity.event
                     WHERE merged_into IS NULL AND article_count > 0 AND factuality <> 'NEGATED'),
                   (SELECT count(*) FROM ingest.outbox WHERE status = 'QUEUED'),
                   (SELECT count(*) FROM ingest.outbox WHERE status = 'PROCESSING'),
                   (SELECT count(*) FROM ingest.outbox WHERE status = 'FAILED'),
                   (SELECT refreshed_at FROM query.refresh_state)
            """,
            List.of(),
            row -> {
              OffsetDateTime asOf = row.getObject(7, OffsetDateTime.class);
              return new Stats(
                  row.getLong(1),
                  row.getLong(2),
                  row.getLong(3),
                  new Stats.Queue(row.getLong(4), row.getLong(5), row.getLong(6)),
                  asOf == null ? null : asOf.toInstant());
            })
        .orElseThrow();
  }

  /** Counts, the ten most mentioned actors and the five most reported events, as plain text. */
  public String summary() {
    Stats stats = stats();
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "articles %d · actors %d · events %d · queue: %d queued, %d processing, %d failed%n",
            stats.articles(),
            stats.actors(),
            stats.events(),
            stats.queue().queued(),
            stats.queue().processing(),
            stats.queue().failed()));
    text.append("\nTop actors by mentions\n");
    List<Actor> top =
        actors.page(
            new ActorRepository.Filter(null, null, null), ActorRepository.Sort.MENTIONS, null, 10);
    for (Actor actor : top) {
      text.append(
          String.format(
              Locale.ROOT,
              "  %-32s %-16s %7d mentions %6d articles %6d events%n",
              actor.name(),
              actor.type(),
              actor.mentionCount(),
              actor.articleCount(),
              actor.eventCount()));
    }
    text.append("\nTop events by articles\n");
    List<Event> reported = events.page(EventFilter.none(), EventRepository.Sort.ARTICLES, null, 5);
    for (Event event : reported) {
      text.append(
          String.format(
              Locale.ROOT,
              "  %-10s %3d articles  %s %s%n",
              event.date() == null ? "undated" : event.date(),
              event.articleCount(),
              event.type() + " " + event.typeName() + ":",
              event.label() == null ? "" : event.label()));
    }
    return text.toString();
  }
}
