package org.newsgraph.ingest;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code source} tag of a metric, with bounded cardinality: source names come from clients, so
 * only the first {@code max} distinct ones get their own tag value; later ones count as "other",
 * and a missing source as "none".
 */
public final class SourceTag {

  public static final String OTHER = "other";

  private final int max;
  private final Set<String> tagged = ConcurrentHashMap.newKeySet();

  public SourceTag(int max) {
    this.max = max;
  }

  public String of(String source) {
    if (source == null || source.isBlank()) {
      return "none";
    }
    if (tagged.contains(source)) {
      return source;
    }
    synchronized (tagged) {
      if (tagged.size() < max) {
        tagged.add(source);
        return source;
      }
    }
    return tagged.contains(source) ? source : OTHER;
  }
}
