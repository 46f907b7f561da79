package org.newsgraph.query.dyad;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.newsgraph.query.actor.ActorIds;
import org.newsgraph.query.actor.ActorRef;
import org.newsgraph.query.actor.ActorService;
import org.newsgraph.query.db.Reader;
import org.newsgraph.query.event.Cameo;
import org.newsgraph.query.event.Event;
import org.newsgraph.query.event.EventFilter;
import org.newsgraph.query.event.EventRepository;
import org.newsgraph.query.event.EventService;
import org.newsgraph.query.web.Page;
import org.newsgraph.query.web.Params;

/** Two actors' relations: their events from the entity schema, the series from dyad_day. */
@ApplicationScoped
public class DyadService {

  private final ActorService actors;
  private final EventService events;
  private final Reader reader;

  public DyadService(ActorService actors, EventService events, Reader reader) {
    this.actors = actors;
    this.events = events;
    this.reader = reader;
  }

  public Dyad dyad(String a, String b, String limit, String cursor) {
    Params params = new Params();
    String first = params.required("a", a);
    String second = params.required("b", b);
    int size = params.limit(limit);
    params.check();
    ActorIds left = actors.require("a", first);
    ActorIds right = actors.require("b", second);
    if (left.canonical().equals(right.canonical())) {
      params.error("b", "must be another actor than 'a'");
      params.check();
    }
    Map<String, ActorRef> refs = actors.refs(Set.of(left.canonical(), right.canonical()));
    Page<Event> page =
        events.page(
            EventFilter.ofDyad(left.all(), right.all()), EventRepository.Sort.DATE, size, cursor);
    return new Dyad(
        refs.get(left.canonical()),
        refs.get(right.canonical()),
        page.items(),
        page.nextCursor(),
        series(left.canonical(), right.canonical()));
  }

  /** Events of one CAMEO root in one month. */
  private record Cell(LocalDate month, String type, long events) {}

  private List<Dyad.Month> series(String a, String b) {
    List<Cell> cells =
        reader.list(
            """
            SELECT date_trunc('month', day::timestamp)::date, type, sum(events)
              FROM query.dyad_day
             WHERE (source_id = ? AND target_id = ?) OR (source_id = ? AND target_id = ?)
             GROUP BY 1, 2 HAVING sum(events) > 0
            """,
            List.of(a, b, b, a),
            row -> new Cell(row.getObject(1, LocalDate.class), row.getString(2), row.getLong(3)));
    // the Goldstein mean of a month weighs each root by its number of events
    Map<LocalDate, List<Cell>> byMonth =
        cells.stream()
            .collect(Collectors.groupingBy(Cell::month, TreeMap::new, Collectors.toList()));
    List<Dyad.Month> months = new ArrayList<>();
    byMonth.forEach(
        (month, parts) -> {
          long events = parts.stream().mapToLong(Cell::events).sum();
          double weighted =
              parts.stream().mapToDouble(c -> c.events() * Cameo.root(c.type()).goldstein()).sum();
          months.add(month(month, events, weighted));
        });
    return months;
  }

  private static Dyad.Month month(LocalDate period, long events, double weighted) {
    return new Dyad.Month(period, events, Math.round(weighted / events * 100) / 100.0);
  }
}
