package org.newsgraph.query;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of query-service ({@code newsgraph.query.*}). */
@ConfigMapping(prefix = "newsgraph.query")
public interface QueryConfig {

  /**
   * Key that signs pagination cursors so that a tampered cursor is refused. Every instance behind
   * one load balancer needs the same value.
   */
  @WithDefault("newsgraph-query-cursor")
  String cursorSecret();

  /** How long clients and proxies may reuse an aggregate answer (Cache-Control max-age). */
  @WithDefault("5s")
  Duration cacheMaxAge();

  Refresh refresh();

  /** The rollup refresher. */
  interface Refresh {

    /** How often the rollups follow the entity schema; "off" disables the timer. */
    @WithDefault("1s")
    String every();

    /**
     * How far back each refresh looks again before its previous start: rows written by transactions
     * that were still open then carry an earlier timestamp. Must exceed the longest write
     * transaction of entity-service.
     */
    @WithDefault("60s")
    Duration overlap();
  }
}
