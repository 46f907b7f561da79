package org.newsgraph.query.network;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.newsgraph.query.db.Reader;
import org.newsgraph.query.db.Reader.SqlArray;
import org.newsgraph.query.web.Params;

/** The actor network of a time window, from the dyad_day rollup. */
@ApplicationScoped
public class NetworkService {

  static final int DEFAULT_EDGES = 500;
  static final int MAX_EDGES = 5000;

  private final Reader reader;

  public NetworkService(Reader reader) {
    this.reader = reader;
  }

  /**
   * The heaviest edges with at least {@code minWeight} events between {@code from} and {@code to}
   * (event dates, inclusive; open ends when absent), at most {@code limit} of them.
   */
  public Network network(String from, String to, String minWeight, String limit) {
    Params params = new Params();
    LocalDate start = params.date("from", from);
    LocalDate end = params.date("to", to);
    params.range(start, end);
    Integer weight = params.atLeast("minWeight", minWeight, 1);
    int edges = params.limit(limit, DEFAULT_EDGES, MAX_EDGES);
    params.check();
    LocalDate low = start == null ? LocalDate.of(1, 1, 1) : start;
    LocalDate high = end == null ? LocalDate.of(9999, 12, 31) : end;
    List<Network.Edge> kept =
        reader.list(
            """
            SELECT source_id, target_id, sum(events) AS weight,
                   array_agg(type ORDER BY events DESC, type) AS types
              FROM (SELECT source_id, target_id, type, sum(events) AS events
                      FROM query.dyad_day WHERE day BETWEEN ? AND ?
                     GROUP BY 1, 2, 3 HAVING sum(events) > 0) t
             GROUP BY 1, 2 HAVING sum(events) >= ?
             ORDER BY weight DESC, source_id, target_id
             LIMIT ?
            """,
            List.of(low, high, weight == null ? 1 : weight, edges),
            NetworkService::edge);
    return withNodes(kept, low, high);
  }

  /**
   * The edges among {@code ids} over all time, from the dyad_month rollup (one actor's
   * neighbourhood), with the nodes that any edge touches.
   */
  public Network among(Set<String> ids) {
    SqlArray members = new SqlArray("text", ids.toArray());
    List<Network.Edge> edges =
        reader.list(
            """
            SELECT source_id, target_id, sum(events) AS weight,
                   array_agg(type ORDER BY events DESC, type) AS types
              FROM (SELECT source_id, target_id, type, sum(events) AS events
                      FROM query.dyad_month WHERE source_id = ANY(?) AND target_id = ANY(?)
                     GROUP BY 1, 2, 3 HAVING sum(events) > 0) t
             GROUP BY 1, 2
             ORDER BY weight DESC, source_id, target_id
            """,
            List.of(members, members),
            NetworkService::edge);
    return withNodes(edges, LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31));
  }

  private static Network.Edge edge(ResultSet row) throws SQLException {
    return new Network.Edge(
        row.getString(1),
        row.getString(2),
        row.getLong(3),
        List.of((String[]) row.getArray(4).getArray()));
  }

  /** The edges with their actors, weighed by their events between {@code low} and {@code high}. */
  private Network withNodes(List<Network.Edge> edges, LocalDate low, LocalDate high) {
    Set<String> ids = new LinkedHashSet<>();
    edges.forEach(
        edge -> {
          ids.add(edge.source());
          ids.add(edge.target());
        });
    List<Network.Node> nodes = new ArrayList<>();
    if (!ids.isEmpty()) {
      nodes =
          reader.list(
              """
              SELECT a.id, a.name, a.type,
                     coalesce((SELECT sum(d.events) FROM query.actor_day_all d
                                WHERE d.actor_id = a.id AND d.day BETWEEN ? AND ?), 0) AS weight
                FROM entity.actor a WHERE a.id = ANY(?)
               ORDER BY weight DESC, a.id
              """,
              List.of(low, high, new SqlArray("text", ids.toArray())),
              row ->
                  new Network.Node(
                      row.getString(1), row.getString(2), row.getString(3), row.getLong(4)));
    }
    return new Network(nodes, edges);
  }
}
