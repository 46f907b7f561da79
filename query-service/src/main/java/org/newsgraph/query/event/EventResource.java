package org.newsgraph.query.event;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.newsgraph.query.web.Page;

/** {@code /events}: lists, one event with its evidence, and the live feed. */
@Path("/events")
public class EventResource {

  private final EventService service;
  private final EventStream stream;

  public EventResource(EventService service, EventStream stream) {
    this.service = service;
    this.stream = stream;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Page<Event> list(
      @BeanParam EventParams filters,
      @RestQuery String sort,
      @RestQuery String limit,
      @RestQuery String cursor) {
    return service.list(filters, sort, limit, cursor);
  }

  @GET
  @Path("/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public EventDetail detail(@RestPath String id) {
    return service.detail(id);
  }

  /**
   * Server-sent events: every event created or changed from now on that matches the filters, as the
   * rollup refresher notices it (within one refresh interval). Full text ({@code q}) is refused.
   */
  @GET
  @Path("/stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @RestStreamElementType(MediaType.APPLICATION_JSON)
  public Multi<Event> stream(@BeanParam EventParams filters) {
    EventFilter filter = service.liveFilter(filters);
    return stream.events().filter(filter::matches);
  }
}
