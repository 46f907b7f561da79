package org.newsgraph.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.newsgraph.common.problem.ProblemException;

/** The feeds and sitemaps this service polls for articles. */
@Path("/sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {

  static final String MERGE_PATCH = "application/merge-patch+json";
  private static final int MAX_LIMIT = 500;

  private final SourceService sources;

  SourceResource(SourceService sources) {
    this.sources = sources;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(JsonNode body, @Context UriInfo uri) {
    SourceView created = sources.create(body);
    return Response.created(
            uri.getBaseUriBuilder().path("sources").path(String.valueOf(created.id())).build())
        .entity(created)
        .build();
  }

  @GET
  public SourcePage list(
      @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("50") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
    }
    return sources.list(cursor == null || cursor.isBlank() ? null : cursor.strip(), limit);
  }

  @GET
  @Path("/{id}")
  public SourceView get(@PathParam("id") long id) {
    return sources.get(id).orElseThrow(() -> ProblemException.notFound("source", id));
  }

  @PATCH
  @Path("/{id}")
  @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
  public SourceView update(@PathParam("id") long id, JsonNode body) {
    return sources.update(id, body).orElseThrow(() -> ProblemException.notFound("source", id));
  }

  @DELETE
  @Path("/{id}")
  public Response delete(@PathParam("id") long id) {
    if (!sources.delete(id)) {
      throw ProblemException.notFound("source", id);
    }
    return Response.noContent().build();
  }
}
