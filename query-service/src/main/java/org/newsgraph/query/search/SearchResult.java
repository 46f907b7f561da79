package org.newsgraph.query.search;

import java.util.List;

/**
 * One page of matching articles, newest first, and the actors most often mentioned across all
 * matches (facets).
 */
public record SearchResult(List<SearchHit> items, String nextCursor, List<Facet> facets) {

  /** An actor and the number of matching articles that mention it. */
  public record Facet(String id, String name, long articles) {}
}
