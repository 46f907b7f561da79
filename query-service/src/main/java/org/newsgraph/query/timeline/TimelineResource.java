package org.newsgraph.query.timeline;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;
import org.newsgraph.query.web.Caching;

/**
 * {@code /timeline?actor=&type=&bucket=day|week|month}: a bare array, as the contract shows, of
 * {@code {period, events, articles}}.
 */
@Path("/timeline")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {

  private final TimelineService service;
  private final Caching caching;

  public TimelineResource(TimelineService service, Caching caching) {
    this.service = service;
    this.caching = caching;
  }

  @GET
  public Response timeline(
      @RestQuery String actor,
      @RestQuery String type,
      @RestQuery String bucket,
      @RestQuery String from,
      @RestQuery String to,
      @Context Request request) {
    return caching.json(request, service.timeline(actor, type, bucket, from, to));
  }
}
