package org.newsgraph.query.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.newsgraph.common.cameo.CameoRoot;
import org.newsgraph.query.actor.ActorService;
import org.newsgraph.query.db.Reader;
import org.newsgraph.query.db.Reader.SqlArray;
import org.newsgraph.query.web.Params;

/** Events over time, for everyone (type_day) or one actor (actor_day_all, by root actor_day). */
@ApplicationScoped
public class TimelineService {

  private final ActorService actors;
  private final Reader reader;

  public TimelineService(ActorService actors, Reader reader) {
    this.actors = actors;
    this.reader = reader;
  }

  public List<TimelinePoint> timeline(
      String actor, String type, String bucket, String from, String to) {
    Params params = new Params();
    Set<String> types = params.listOf("type", type, CameoRoot.codes());
    String unit = params.oneOf("bucket", bucket, "month", List.of("day", "week", "month"));
    LocalDate start = params.date("from", from);
    LocalDate end = params.date("to", to);
    params.range(start, end);
    params.check();
    List<Object> args = new ArrayList<>();
    // unit is one of three literals checked above
    StringBuilder sql =
        new StringBuilder("SELECT date_trunc('" + unit + "', day::timestamp)::date,")
            .append(" sum(events), sum(articles)");
    if (Params.blank(actor)) {
      sql.append(" FROM query.type_day WHERE true");
    } else if (types.isEmpty()) {
      sql.append(" FROM query.actor_day_all WHERE actor_id = ?");
      args.add(actors.require("actor", actor).canonical());
    } else {
      sql.append(" FROM query.actor_day WHERE actor_id = ?");
      args.add(actors.require("actor", actor).canonical());
    }
    if (!types.isEmpty()) {
      sql.append(" AND type = ANY(?)");
      args.add(new SqlArray("bpchar", types.toArray()));
    }
    if (start != null) {
      sql.append(" AND day >= ?");
      args.add(start);
    }
    if (end != null) {
      sql.append(" AND day <= ?");
      args.add(end);
    }
    sql.append(" GROUP BY 1 HAVING sum(events) > 0 ORDER BY 1");
    return reader.list(
        sql.toString(),
        args,
        row ->
            new TimelinePoint(row.getObject(1, LocalDate.class), row.getLong(2), row.getLong(3)));
  }
}
