package org.newsgraph.query.search;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code /search?q=}: articles with highlighted snippets, their actors, and actor facets. */
@Path("/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

  private final SearchService service;

  public SearchResource(SearchService service) {
    this.service = service;
  }

  @GET
  public SearchResult search(
      @RestQuery String q,
      @RestQuery String actor,
      @RestQuery String limit,
      @RestQuery String cursor) {
    return service.search(q, actor, limit, cursor);
  }
}
