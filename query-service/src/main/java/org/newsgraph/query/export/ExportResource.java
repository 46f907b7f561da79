package org.newsgraph.query.export;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.newsgraph.query.event.EventParams;
import org.newsgraph.query.event.EventService;

/**
 * {@code /events.csv}, {@code /events.ndjson} and {@code /events.geojson}: every matching event,
 * streamed.
 */
@Path("/")
public class ExportResource {

  static final String NDJSON = "application/x-ndjson";
  static final String CSV = "text/csv";
  static final String GEOJSON = "application/geo+json";

  private final EventService events;
  private final EventExporter exporter;

  public ExportResource(EventService events, EventExporter exporter) {
    this.events = events;
    this.exporter = exporter;
  }

  @GET
  @Path("events.csv")
  @Produces(CSV)
  public Response csv(@BeanParam EventParams filters) {
    return Response.ok(exporter.csv(events.filter(filters)), CSV + "; charset=UTF-8")
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"events.csv\"")
        .build();
  }

  @GET
  @Path("events.geojson")
  @Produces(GEOJSON)
  public Response geojson(@BeanParam EventParams filters) {
    return Response.ok(exporter.geojson(events.filter(filters)), GEOJSON).build();
  }

  @GET
  @Path("events.ndjson")
  @Produces(NDJSON)
  public Response ndjson(@BeanParam EventParams filters) {
    return Response.ok(exporter.ndjson(events.filter(filters)), NDJSON).build();
  }
}
