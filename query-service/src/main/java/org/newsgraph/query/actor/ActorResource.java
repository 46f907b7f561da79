package org.newsgraph.query.actor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.newsgraph.query.web.Caching;
import org.newsgraph.query.web.Page;

/** {@code /actors}: search the actors, and one actor's profile. */
@Path("/actors")
@Produces(MediaType.APPLICATION_JSON)
public class ActorResource {

  private final ActorService service;
  private final Caching caching;

  public ActorResource(ActorService service, Caching caching) {
    this.service = service;
    this.caching = caching;
  }

  @GET
  public Page<Actor> list(
      @RestQuery String q,
      @RestQuery String type,
      @RestQuery String country,
      @RestQuery String sort,
      @RestQuery String limit,
      @RestQuery String cursor) {
    return service.list(q, type, country, sort, limit, cursor);
  }

  @GET
  @Path("/{id}")
  public Response profile(@RestPath String id, @Context Request request) {
    return caching.json(request, service.profile(id));
  }
}
