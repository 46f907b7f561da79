package org.newsgraph.query.neighbourhood;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.newsgraph.query.web.Caching;

/**
 * {@code /actors/{id}/neighbourhood}: an actor's QuadClass timeline, dyad series and network, in
 * one answer for the explorer's actor page.
 */
@Path("/actors/{id}/neighbourhood")
@Produces(MediaType.APPLICATION_JSON)
public class NeighbourhoodResource {

  private final NeighbourhoodService service;
  private final Caching caching;

  public NeighbourhoodResource(NeighbourhoodService service, Caching caching) {
    this.service = service;
    this.caching = caching;
  }

  @GET
  public Response neighbourhood(@RestPath String id, @Context Request request) {
    return caching.json(request, service.neighbourhood(id));
  }
}
