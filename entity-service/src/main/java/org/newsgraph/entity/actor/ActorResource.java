package org.newsgraph.entity.actor;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.newsgraph.common.problem.ProblemException;
import org.newsgraph.entity.actor.ActorApi.ActorView;

/** Curation of the actor registry. */
@Path("/actors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActorResource {

  private final ActorService service;
  private final DatabaseActorDirectory directory;

  public ActorResource(ActorService service, DatabaseActorDirectory directory) {
    this.service = service;
    this.directory = directory;
  }

  @GET
  @Path("/{id}")
  public ActorView get(@PathParam("id") String id) {
    return service.find(id).orElseThrow(() -> ProblemException.notFound("actor", id));
  }

  @POST
  public Response create(ActorApi.NewActor request) {
    ActorView created = service.create(required(request));
    directory.refreshIfChanged();
    return Response.created(UriBuilder.fromPath("/actors/{id}").build(created.id()))
        .entity(created)
        .build();
  }

  @POST
  @Path("/{id}/aliases")
  public Response addAlias(@PathParam("id") String id, ActorApi.NewAlias request) {
    ActorService.AliasResult result = service.addAlias(id, required(request));
    directory.refreshIfChanged();
    return Response.status(result.added() ? 201 : 200).entity(result.actor()).build();
  }

  @POST
  @Path("/{id}/merge")
  public ActorView merge(@PathParam("id") String id, ActorApi.Merge request) {
    ActorView merged = service.merge(id, required(request));
    directory.refreshIfChanged();
    return merged;
  }

  private static <T> T required(T body) {
    if (body == null) {
      throw ProblemException.invalid("body", "is required");
    }
    return body;
  }
}
