package org.newsgraph.query.neighbourhood;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.newsgraph.common.cameo.CameoRoot;
import org.newsgraph.common.problem.ProblemException;
import org.newsgraph.query.actor.ActorIds;
import org.newsgraph.query.actor.ActorRef;
import org.newsgraph.query.actor.ActorRepository;
import org.newsgraph.query.db.Reader;
import org.newsgraph.query.db.Reader.Plan;
import org.newsgraph.query.db.Reader.SqlArray;
import org.newsgraph.query.dyad.DyadService;
import org.newsgraph.query.network.NetworkService;

/**
 * An actor's neighbourhood from the rollups (actor_day, actor_pair, dyad_month): four statements
 * whatever the number of related actors.
 */
@ApplicationScoped
public class NeighbourhoodService {

  /** Related actors in the dyads and the network, the profile's own number. */
  static final int RELATED = 10;

  private final ActorRepository actors;
  private final NetworkService network;
  private final Reader reader;

  public NeighbourhoodService(ActorRepository actors, NetworkService network, Reader reader) {
    this.actors = actors;
    this.network = network;
    this.reader = reader;
  }

  /** The neighbourhood of the actor that {@code id} is or was merged into. */
  public Neighbourhood neighbourhood(String id) {
    ActorIds ids = actors.resolve(id).orElseThrow(() -> ProblemException.notFound("Actor", id));
    String actor = ids.canonical();
    ActorRef self = actors.refs(List.of(actor)).get(actor);
    Map<String, Neighbourhood.DyadSeries> related = new LinkedHashMap<>();
    reader
        .list(
            Plan.CACHED,
            """
            SELECT o.id, o.name, p.events
              FROM query.actor_pair p JOIN entity.actor o ON o.id = p.other_id
             WHERE p.actor_id = ? AND p.events > 0 AND o.merged_into IS NULL
             ORDER BY p.events DESC, p.other_id
             LIMIT ?
            """,
            List.of(actor, RELATED),
            row ->
                new Neighbourhood.DyadSeries(
                    new ActorRef(row.getString(1), row.getString(2)), row.getLong(3), List.of()))
        .forEach(d -> related.put(d.actor().id(), d));
    Set<String> members = new LinkedHashSet<>(related.keySet());
    members.add(actor);
    return new Neighbourhood(self, months(actor), dyads(actor, related), network.among(members));
  }

  private List<Neighbourhood.QuadMonth> months(String actor) {
    Map<LocalDate, long[]> byMonth = new TreeMap<>();
    reader
        .list(
            Plan.CACHED,
            """
            SELECT date_trunc('month', day::timestamp)::date, type, sum(events)
              FROM query.actor_day WHERE actor_id = ?
             GROUP BY 1, 2 HAVING sum(events) > 0
            """,
            List.of(actor),
            row ->
                new DyadService.TypeMonth(
                    row.getObject(1, LocalDate.class), row.getString(2), row.getLong(3)))
        .forEach(
            cell ->
                byMonth
                        .computeIfAbsent(cell.month(), m -> new long[5])[
                        CameoRoot.of(cell.type()).quadClass()] +=
                    cell.events());
    List<Neighbourhood.QuadMonth> months = new ArrayList<>();
    byMonth.forEach(
        (month, counts) -> {
          for (int quad = 1; quad <= 4; quad++) {
            if (counts[quad] > 0) {
              months.add(new Neighbourhood.QuadMonth(month, quad, counts[quad]));
            }
          }
        });
    return months;
  }

  /** The series of every related actor's dyad with {@code actor}, from one statement. */
  private List<Neighbourhood.DyadSeries> dyads(
      String actor, Map<String, Neighbourhood.DyadSeries> related) {
    if (related.isEmpty()) {
      return List.of();
    }
    SqlArray others = new SqlArray("text", related.keySet().toArray());
    Map<String, List<DyadService.TypeMonth>> cells = new LinkedHashMap<>();
    reader
        .list(
            """
            SELECT CASE WHEN source_id = ? THEN target_id ELSE source_id END, month, type,
                   sum(events)
              FROM query.dyad_month
             WHERE (source_id = ? AND target_id = ANY(?)) OR (target_id = ? AND source_id = ANY(?))
             GROUP BY 1, 2, 3 HAVING sum(events) > 0
            """,
            List.of(actor, actor, others, actor, others),
            row ->
                Map.entry(
                    row.getString(1),
                    new DyadService.TypeMonth(
                        row.getObject(2, LocalDate.class), row.getString(3), row.getLong(4))))
        .forEach(e -> cells.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return related.values().stream()
        .map(
            d ->
                new Neighbourhood.DyadSeries(
                    d.actor(),
                    d.events(),
                    DyadService.series(cells.getOrDefault(d.actor().id(), List.of()))))
        .toList();
  }
}
