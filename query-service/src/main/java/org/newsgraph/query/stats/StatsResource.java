package org.newsgraph.query.stats;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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

  /**
   * JSON unless the client asks for text/plain first: a bare {@code Accept: *}{@code /*} (curl,
   * most libraries) gets JSON.
   */
  @GET
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  public Response stats(@Context Request request, @Context HttpHeaders headers) {
    MediaType preferred = headers.getAcceptableMediaTypes().get(0);
    if (!preferred.isWildcardType() && preferred.isCompatible(MediaType.TEXT_PLAIN_TYPE)) {
      return caching.text(request, service.summary());
    }
    return caching.json(request, service.stats());
  }
}
