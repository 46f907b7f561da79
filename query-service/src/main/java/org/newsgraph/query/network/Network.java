package org.newsgraph.query.network;

import java.util.List;

/** Who acts on whom in a time window: actors and directed, weighted, typed edges. */
public record Network(List<Node> nodes, List<Edge> edges) {

  /** An actor; weight is the number of its events (either side) in the window. */
  public record Node(String id, String name, String type, long weight) {}

  /**
   * Events in which {@code source} acted on {@code target}; types are the CAMEO roots, most
   * frequent first.
   */
  public record Edge(String source, String target, long weight, List<String> types) {}
}
