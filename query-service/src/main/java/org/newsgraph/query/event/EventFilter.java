package org.newsgraph.query.event;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.newsgraph.query.actor.ActorRef;

/**
 * Which events a list, export or live feed wants. Actor filters hold every id of one actor: its
 * canonical id and the ids merged into it; null means "no filter". Factuality is never empty: by
 * default it is {@link #REPORTED}, so that a report that something did not happen ("has yet to
 * recognise") is listed only when asked for, as the aggregates never count it. {@code text} is a
 * full-text query (web-search syntax) that an article reporting the event must match.
 */
public record EventFilter(
    List<String> actor,
    List<String> source,
    List<String> target,
    Set<String> types,
    String country,
    Admin1 admin1,
    BoundingBox bbox,
    LocalDate from,
    LocalDate to,
    Set<String> factuality,
    Integer minArticles,
    String text) {

  /** What happened or may happen: every factuality but NEGATED. */
  public static final Set<String> REPORTED = Set.of("ASSERTED", "POSSIBLE");

  public static EventFilter none() {
    return new EventFilter(
        null, null, null, Set.of(), null, null, null, null, null, REPORTED, null, null);
  }

  public static EventFilter ofActor(List<String> actorIds) {
    return new EventFilter(
        actorIds, null, null, Set.of(), null, null, null, null, null, REPORTED, null, null);
  }

  /**
   * A first-level division, by its GeoNames code ("LB.09") or by its name (any case).
   *
   * @param code true when {@code value} is a code
   */
  public record Admin1(String value, boolean code) {

    boolean matches(Event.Location location) {
      String actual = code ? location.admin1Code() : location.admin1();
      return actual != null && (code ? actual.equals(value) : actual.equalsIgnoreCase(value));
    }
  }

  /** Longitudes and latitudes in decimal degrees; minLon > maxLon crosses the antimeridian. */
  public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

    public boolean crossesAntimeridian() {
      return minLon > maxLon;
    }

    boolean contains(Double lat, Double lon) {
      if (lat == null || lon == null || lat < minLat || lat > maxLat) {
        return false;
      }
      return crossesAntimeridian()
          ? lon >= minLon || lon <= maxLon
          : lon >= minLon && lon <= maxLon;
    }
  }

  /**
   * The same test as the SQL, for events pushed to live-feed subscribers; a full-text filter is not
   * tested here (the live feed refuses one).
   */
  public boolean matches(Event event) {
    if (!types.isEmpty() && !types.contains(event.type())) {
      return false;
    }
    if (country != null
        && (event.location() == null || !country.equals(event.location().country()))) {
      return false;
    }
    if (admin1 != null && (event.location() == null || !admin1.matches(event.location()))) {
      return false;
    }
    if (bbox != null
        && (event.location() == null
            || !bbox.contains(event.location().lat(), event.location().lon()))) {
      return false;
    }
    if (from != null && (event.date() == null || event.date().isBefore(from))) {
      return false;
    }
    if (to != null && (event.date() == null || event.date().isAfter(to))) {
      return false;
    }
    if (!factuality.contains(event.factuality())) {
      return false;
    }
    if (minArticles != null && event.articleCount() < minArticles) {
      return false;
    }
    if (actor != null && !any(event.sourceActors(), actor) && !any(event.targetActors(), actor)) {
      return false;
    }
    if (source != null && !any(event.sourceActors(), source)) {
      return false;
    }
    if (target != null && !any(event.targetActors(), target)) {
      return false;
    }
    return true;
  }

  private static boolean any(List<ActorRef> actors, List<String> ids) {
    return actors.stream().anyMatch(a -> ids.contains(a.id()));
  }
}
