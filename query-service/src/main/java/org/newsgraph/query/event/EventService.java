package org.newsgraph.query.event;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.newsgraph.common.cameo.CameoRoot;
import org.newsgraph.common.problem.ProblemException;
import org.newsgraph.query.actor.ActorIds;
import org.newsgraph.query.actor.ActorService;
import org.newsgraph.query.web.Cursors;
import org.newsgraph.query.web.Page;
import org.newsgraph.query.web.Params;

/** Event lists and details. */
@ApplicationScoped
public class EventService {

  public static final Set<String> FACTUALITY = Set.of("ASSERTED", "POSSIBLE", "NEGATED");

  /** A GeoNames first-level division code: the country's alpha-2 code, a dot, the division's. */
  private static final Pattern ADMIN1_CODE = Pattern.compile("[A-Z]{2}\\.[A-Z0-9]{1,8}");

  private final EventRepository events;
  private final ActorService actors;
  private final Cursors cursors;

  public EventService(EventRepository events, ActorService actors, Cursors cursors) {
    this.events = events;
    this.actors = actors;
    this.cursors = cursors;
  }

  /**
   * Checks and resolves the filters.
   *
   * @throws ProblemException 400 naming each malformed parameter, 404 for an unknown actor
   */
  public EventFilter filter(EventParams raw) {
    return filter(raw, new Params());
  }

  private EventFilter filter(EventParams raw, Params params) {
    Set<String> types = params.listOf("type", raw.type, CameoRoot.codes());
    String country = params.country("country", raw.country);
    EventFilter.Admin1 admin1 = Params.blank(raw.admin1) ? null : admin1(raw.admin1);
    EventFilter.BoundingBox bbox = bbox(params, "bbox", raw.bbox);
    LocalDate from = params.date("from", raw.from);
    LocalDate to = params.date("to", raw.to);
    params.range(from, to);
    Set<String> factuality =
        Params.blank(raw.factuality)
            ? EventFilter.REPORTED
            : params.listOf("factuality", raw.factuality.toUpperCase(Locale.ROOT), FACTUALITY);
    Integer minArticles = params.atLeast("minArticles", raw.minArticles, 0);
    String text = Params.blank(raw.q) ? null : raw.q.trim();
    params.check();
    return new EventFilter(
        ids("actor", raw.actor),
        ids("source", raw.source),
        ids("target", raw.target),
        types,
        country,
        admin1,
        bbox,
        from,
        to,
        factuality,
        minArticles,
        text);
  }

  /**
   * The filter of a live feed: every list filter but full text, which an event pushed by the
   * refresher cannot be tested against without reading its articles again.
   *
   * @throws ProblemException 400 for {@code q}, as for any malformed parameter
   */
  public EventFilter liveFilter(EventParams raw) {
    if (!Params.blank(raw.q)) {
      Params params = new Params();
      params.error("q", "the live feed takes every filter of the list but full text");
      params.check();
    }
    return filter(raw);
  }

  public Page<Event> list(EventParams raw, String sort, String limit, String cursor) {
    Params params = new Params();
    EventRepository.Sort order =
        EventRepository.Sort.valueOf(
            params.oneOf("sort", sort, "date", List.of("date", "articles")).toUpperCase());
    int size = params.limit(limit);
    EventFilter filter = filter(raw, params);
    return page(filter, order, size, cursor);
  }

  /** One page of events matching an already resolved filter. */
  public Page<Event> page(EventFilter filter, EventRepository.Sort order, int size, String cursor) {
    String kind = "events:" + order;
    List<String> after = cursors.decode(kind, cursor, 2);
    List<Event> page = events.page(filter, order, after, size + 1);
    String next = null;
    if (page.size() > size) {
      page = page.subList(0, size);
      next = cursors.encode(kind, EventRepository.keyOf(page.get(size - 1), order));
    }
    return new Page<>(page, next);
  }

  /** The event, or the event that absorbed it, with its evidence. */
  public EventDetail detail(String id) {
    UUID uuid = uuid(id);
    UUID canonical =
        events.canonicalId(uuid).orElseThrow(() -> ProblemException.notFound("Event", id));
    Event event = events.byId(canonical).orElseThrow(() -> ProblemException.notFound("Event", id));
    return new EventDetail(event, events.mentions(canonical));
  }

  /**
   * A bounding box {@code minLon,minLat,maxLon,maxLat}; minLon may exceed maxLon for a box across
   * the antimeridian, minLat may not exceed maxLat.
   */
  private static EventFilter.BoundingBox bbox(Params params, String field, String raw) {
    if (Params.blank(raw)) {
      return null;
    }
    String[] parts = raw.split(",", -1);
    double[] values = new double[4];
    boolean numbers = parts.length == 4;
    for (int i = 0; numbers && i < 4; i++) {
      try {
        values[i] = Double.parseDouble(parts[i].strip());
        numbers = Double.isFinite(values[i]);
      } catch (NumberFormatException e) {
        numbers = false;
      }
    }
    if (!numbers) {
      params.error(field, "must be four numbers minLon,minLat,maxLon,maxLat");
      return null;
    }
    boolean lons = Math.abs(values[0]) <= 180 && Math.abs(values[2]) <= 180;
    boolean lats = Math.abs(values[1]) <= 90 && Math.abs(values[3]) <= 90;
    if (!lons || !lats || values[1] > values[3]) {
      params.error(
          field,
          "longitudes must lie in -180..180, latitudes in -90..90 and minLat must not exceed"
              + " maxLat");
      return null;
    }
    return new EventFilter.BoundingBox(values[0], values[1], values[2], values[3]);
  }

  private static EventFilter.Admin1 admin1(String raw) {
    String value = raw.strip();
    return new EventFilter.Admin1(value, ADMIN1_CODE.matcher(value).matches());
  }

  private List<String> ids(String field, String raw) {
    if (Params.blank(raw)) {
      return null;
    }
    ActorIds ids = actors.require(field, raw);
    return ids.all();
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("Event", id);
    }
  }
}
