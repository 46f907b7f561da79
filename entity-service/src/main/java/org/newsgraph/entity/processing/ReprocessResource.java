package org.newsgraph.entity.processing;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.newsgraph.common.problem.ProblemException;

/** Re-extraction of stored articles. */
@Path("/reprocess")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReprocessResource {

  private final ReprocessService service;

  public ReprocessResource(ReprocessService service) {
    this.service = service;
  }

  @POST
  public Response reprocess(ReprocessService.Request request) {
    if (request == null) {
      throw ProblemException.invalid("body", "is required");
    }
    return Response.accepted(service.reprocess(request)).build();
  }
}
