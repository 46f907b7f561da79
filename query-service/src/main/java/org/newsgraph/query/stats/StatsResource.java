package org.newsgraph.query.stats;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.newsgraph.query.web.Caching;

/** {@code /stats}: JSON counts, or a human-readable summary with {@code Accept: text/plain}. */
@Path("/stats")
public class StatsResource {

  private final StatsService service;
  private final Caching caching;

  public StatsResource(StatsService service, Caching caching) {
    this.service = service;
    this.caching = caching;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response stats(@Context Request request) {
    return caching.json(request, service.stats());
  }

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public Response summary(@Context Request request) {
    return caching.text(request, service.summary());
  }
}
