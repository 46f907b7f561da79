package org.newsgraph.query.dyad;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;
import org.newsgraph.query.web.Caching;

/** {@code /dyads?a=&b=}: two actors' events in both directions and their monthly series. */
@Path("/dyads")
@Produces(MediaType.APPLICATION_JSON)
public class DyadResource {

  private final DyadService service;
  private final Caching caching;

  public DyadResource(DyadService service, Caching caching) {
    this.service = service;
    this.caching = caching;
  }

  @GET
  public Response dyad(
      @RestQuery String a,
      @RestQuery String b,
      @RestQuery String limit,
      @RestQuery String cursor,
      @Context Request request) {
    return caching.json(request, service.dyad(a, b, limit, cursor));
  }
}
