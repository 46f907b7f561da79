package org.newsgraph.entity.article;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The ad-hoc extraction API, {@code POST /extract}. */
@ConfigMapping(prefix = "newsgraph.extract")
public interface AnnotationConfig {

  /**
   * Ad-hoc extractions one instance runs at once; more are answered 429. Each holds a core and heap
   * shared with the workers, so an unbounded number would starve the queue or exhaust memory.
   */
  @WithDefault("2")
  int maxConcurrent();
}
