package org.newsgraph.query.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.newsgraph.query.actor.ActorRef;

/** One real-world happening, however many articles report it (the contract's Event). */
public record Event(
    String id,
    String type,
    String typeName,
    int quadClass,
    double goldstein,
    String label,
    List<ActorRef> sourceActors,
    List<ActorRef> targetActors,
    LocalDate date,
    String datePrecision,
    Location location,
    Casualties fatalities,
    Casualties injuries,
    String factuality,
    int articleCount,
    int sourceCount,
    Instant firstReportedAt,
    double confidence) {

  /**
   * Where it happened; every part may be null. The place as the reports name it; the point, the
   * first-level division (its name and GeoNames code), the GeoNames id and the precision (SITE,
   * CITY, REGION or COUNTRY) when the gazetteer resolved it.
   */
  public record Location(
      String place,
      String country,
      Double lat,
      Double lon,
      String admin1,
      String admin1Code,
      Long geonamesId,
      String precision) {}

  /** A casualty range and the figure each article reported. */
  public record Casualties(Integer min, Integer max, List<Report> reports) {}

  /** One article's figure, e.g. "at least 12": value 12, qualifier AT_LEAST. */
  public record Report(long articleId, Integer value, String qualifier) {}
}
