package org.newsgraph.query.network;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;
import org.newsgraph.query.web.Caching;

/** {@code /network?from=&to=&minWeight=}: the actor network of a time window. */
@Path("/network")
@Produces(MediaType.APPLICATION_JSON)
public class NetworkResource {

  private final NetworkService service;
  private final Caching caching;

  public NetworkResource(NetworkService service, Caching caching) {
    this.service = service;
    this.caching = caching;
  }

  @GET
  public Response network(
      @RestQuery String from,
      @RestQuery String to,
      @RestQuery String minWeight,
      @RestQuery String limit,
      @Context Request request) {
    return caching.json(request, service.network(from, to, minWeight, limit));
  }
}
