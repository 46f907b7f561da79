package org.newsgraph.entity.extraction;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.newsgraph.entity.nlp.AnalyzedSentence;
import org.newsgraph.entity.nlp.Dependency;

/** How far tokens are from each other: through the parse, or in words when there is none. */
final class ParsePaths {

  private ParsePaths() {}

  static int distance(int[] distance, int first, int last) {
    int d = Integer.MAX_VALUE;
    for (int k = first; k <= last; k++) {
      d = Math.min(d, distance[k]);
    }
    return d;
  }

  /** Path lengths from a token through the parse, or token distances in unparsed sentences. */
  static int[] distances(AnalyzedSentence s, int from) {
    int n = s.tokens().size();
    int[] distance = new int[n];
    if (!s.parsed()) {
      for (int k = 0; k < n; k++) {
        distance[k] = Math.abs(k - from);
      }
      return distance;
    }
    Arrays.fill(distance, Integer.MAX_VALUE);
    List<List<Integer>> adjacent = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      adjacent.add(new ArrayList<>());
    }
    for (Dependency d : s.dependencies()) {
      if (d.governor() >= 0) {
        adjacent.get(d.governor()).add(d.dependent());
        adjacent.get(d.dependent()).add(d.governor());
      }
    }
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    distance[from] = 0;
    queue.add(from);
    while (!queue.isEmpty()) {
      int k = queue.poll();
      for (int next : adjacent.get(k)) {
        if (distance[next] == Integer.MAX_VALUE) {
          distance[next] = distance[k] + 1;
          queue.add(next);
        }
      }
    }
    return distance;
  }
}
