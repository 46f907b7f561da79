package org.newsgraph.entity.place;

import org.newsgraph.entity.extraction.Place.Precision;

/**
 * One entry of the gazetteer.
 *
 * @param geonamesId the GeoNames id of a populated place, else null
 * @param code the GeoNames code of an administrative division ("LB.09", "AF.10.1125"), else null
 * @param country ISO 3166-1 alpha-3, or null for sea areas
 * @param admin1Code the code of the first-level division the entry lies in, or null
 * @param feature the GeoNames feature code of a populated place ("PPLC", "PPLA", "PPL"), else null
 */
public record GeoPlace(
    Kind kind,
    Long geonamesId,
    String code,
    String name,
    String country,
    String admin1Code,
    double lat,
    double lon,
    long population,
    String feature) {

  /** What an entry is. */
  public enum Kind {
    COUNTRY,
    ADMIN1,
    ADMIN2,
    /** A populated place: a city, town or village. */
    CITY,
    /** A section of a populated place (GeoNames PPLX): a neighbourhood or quarter. */
    QUARTER,
    SEA
  }

  /** How fine a point for this entry is. */
  public Precision precision() {
    return switch (kind) {
      case COUNTRY -> Precision.COUNTRY;
      case ADMIN1, ADMIN2, SEA -> Precision.REGION;
      case CITY -> Precision.CITY;
      case QUARTER -> Precision.SITE;
    };
  }

  /** Great-circle distance in kilometres. */
  public double kilometresTo(GeoPlace other) {
    double lat1 = Math.toRadians(lat);
    double lat2 = Math.toRadians(other.lat);
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(other.lon - lon);
    double a =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
  }
}
