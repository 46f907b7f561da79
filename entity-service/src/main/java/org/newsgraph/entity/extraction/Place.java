package org.newsgraph.entity.extraction;

/**
 * Where an event happened.
 *
 * @param country ISO 3166-1 alpha-3 or null
 * @param span the place name in the text, or null when only the country was inferred
 * @param geo where the name lies on the map, or null when it was not resolved (yet, or at all)
 */
public record Place(String place, String country, Span span, Geo geo) {

  /** A place as the text names it, before it is looked up in the gazetteer. */
  public Place(String place, String country, Span span) {
    this(place, country, span, null);
  }

  /** How fine the coordinates of a resolved place are. */
  public enum Precision {
    /** A part of a city: a neighbourhood or quarter. */
    SITE,
    /** A city, town or village. */
    CITY,
    /** A province, district or other administrative division, or a sea area. */
    REGION,
    /** Only the country is known; the point is a representative one inside it. */
    COUNTRY
  }

  /**
   * A place name resolved to the gazetteer.
   *
   * @param admin1 the name of the first-level division the place lies in ("North Governorate"), or
   *     null for countries and sea areas
   * @param admin1Code its GeoNames code ("LB.09"), or null
   * @param geonamesId the GeoNames id of the place, or null when the place is a country or a sea
   *     area (which the embedded gazetteer has no GeoNames id for)
   */
  public record Geo(
      double lat,
      double lon,
      String admin1,
      String admin1Code,
      Long geonamesId,
      Precision precision) {}
}
