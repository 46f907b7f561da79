package org.newsgraph.query.event;

import org.jboss.resteasy.reactive.RestQuery;

/** The event filters as they arrive, shared by the list, the exports and the live feed. */
public class EventParams {

  /** An actor on either side. */
  @RestQuery public String actor;

  @RestQuery public String source;

  @RestQuery public String target;

  /** CAMEO root codes, comma separated. */
  @RestQuery public String type;

  @RestQuery public String country;

  /** A first-level division: its GeoNames code ("LB.09") or its name. */
  @RestQuery public String admin1;

  /** {@code minLon,minLat,maxLon,maxLat} in decimal degrees. */
  @RestQuery public String bbox;

  @RestQuery public String from;

  @RestQuery public String to;

  @RestQuery public String factuality;

  @RestQuery public String minArticles;

  /** Full text (web-search syntax) that an article reporting the event must match. */
  @RestQuery public String q;
}
