package org.newsgraph.query.search;

import java.util.List;
import org.newsgraph.query.actor.Actor;

/**
 * One page of matching articles, newest first, the actors most often mentioned across all matches
 * (facets), and on the first page the actors whose name, id or alias contains the query, most
 * mentioned first (as {@code GET /actors?q=&sort=mentions}).
 */
public record SearchResult(
    List<SearchHit> items, String nextCursor, List<Facet> facets, List<Actor> actors) {

  /** An actor and the number of matching articles that mention it. */
  public record Facet(String id, String name, long articles) {}
}
