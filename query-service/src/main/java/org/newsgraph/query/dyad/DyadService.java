package org.newsgraph.query.dyad;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.newsgraph.common.cameo.CameoRoot;
import org.newsgraph.query.actor.ActorIds;
import org.newsgraph.query.actor.ActorRef;
import org.newsgraph.query.actor.ActorService;
import org.newsgraph.query.db.Reader;
import org.newsgraph.query.db.Reader.Plan;
import org.newsgraph.query.event.Event;
import org.newsgraph.query.event.EventRepository;
import org.newsgraph.query.web.Cursors;
import org.newsgraph.query.web.Page;
import org.newsgraph.query.web.Params;

/** Two actors' relations, from the dyad_event and dyad_month rollups. */
@ApplicationScoped
public class DyadService {

  private static final String CURSOR_KIND = "dyad";

  private final ActorService actors;
  private final EventRepository events;
  private final Reader reader;
  private final Cursors cursors;

  public DyadService(ActorService actors, EventRepository events, Reader reader, Cursors cursors) {
    this.actors = actors;
    this.events = events;
    this.reader = reader;
    this.cursors = cursors;
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
    Page<Event> page = events(left.canonical(), right.canonical(), size, cursor);
    return new Dyad(
        refs.get(left.canonical()),
        refs.get(right.canonical()),
        page.items(),
        page.nextCursor(),
        series(left.canonical(), right.canonical()));
  }

  /**
   * Newest first from the dyad_event rollup (undated events by the day they were first reported),
   * each event then read in its current state.
   */
  private Page<Event> events(String a, String b, int size, String cursor) {
    List<String> after = cursors.decode(CURSOR_KIND, cursor, 2);
    List<Object> args = new ArrayList<>(List.of(min(a, b), max(a, b)));
    String keyset = "";
    if (after != null) {
      LocalDate day = LocalDate.parse(after.get(0));
      keyset = " AND (day < ? OR (day = ? AND event_id < ?))";
      args.addAll(List.of(day, day, UUID.fromString(after.get(1))));
    }
    args.add(size + 1);
    List<Map.Entry<UUID, LocalDate>> keys =
        reader.list(
            Plan.CACHED,
            "SELECT event_id, day FROM query.dyad_event WHERE actor_a = ? AND actor_b = ?"
                + keyset
                + " ORDER BY day DESC, event_id DESC LIMIT ?",
            args,
            row -> Map.entry(row.getObject(1, UUID.class), row.getObject(2, LocalDate.class)));
    String next = null;
    if (keys.size() > size) {
      keys = keys.subList(0, size);
      Map.Entry<UUID, LocalDate> last = keys.get(size - 1);
      next = cursors.encode(CURSOR_KIND, List.of(last.getValue(), last.getKey()));
    }
    Map<String, Event> byId =
        events.byIds(keys.stream().map(Map.Entry::getKey).toList()).stream()
            .collect(Collectors.toMap(Event::id, e -> e));
    List<Event> page =
        keys.stream()
            .map(k -> byId.get(k.getKey().toString()))
            .filter(java.util.Objects::nonNull)
            .toList();
    return new Page<>(page, next);
  }

  private static String min(String a, String b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String max(String a, String b) {
    return a.compareTo(b) <= 0 ? b : a;
  }

  /** Events of one CAMEO root in one month. */
  public record TypeMonth(LocalDate month, String type, long events) {}

  private List<Dyad.Month> series(String a, String b) {
    return series(
        reader.list(
            Plan.CACHED,
            """
            SELECT month, type, sum(events)
              FROM query.dyad_month
             WHERE (source_id = ? AND target_id = ?) OR (source_id = ? AND target_id = ?)
             GROUP BY 1, 2 HAVING sum(events) > 0
            """,
            List.of(a, b, b, a),
            row ->
                new TypeMonth(
                    row.getObject(1, LocalDate.class), row.getString(2), row.getLong(3))));
  }

  /**
   * The monthly series of a dyad from its events per month and root, oldest month first: the
   * Goldstein mean of a month weighs each root by its number of events.
   */
  public static List<Dyad.Month> series(List<TypeMonth> cells) {
    Map<LocalDate, List<TypeMonth>> byMonth =
        cells.stream()
            .collect(Collectors.groupingBy(TypeMonth::month, TreeMap::new, Collectors.toList()));
    List<Dyad.Month> months = new ArrayList<>();
    byMonth.forEach(
        (month, parts) -> {
          long events = parts.stream().mapToLong(TypeMonth::events).sum();
          double weighted =
              parts.stream()
                  .mapToDouble(c -> c.events() * CameoRoot.of(c.type()).goldstein())
                  .sum();
          months.add(new Dyad.Month(month, events, Math.round(weighted / events * 100) / 100.0));
        });
    return months;
  }
}
