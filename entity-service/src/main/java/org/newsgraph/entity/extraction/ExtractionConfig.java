package org.newsgraph.entity.extraction;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the NLP core. */
@ConfigMapping(prefix = "newsgraph.extraction")
public interface ExtractionConfig {

  /**
   * Run CoreNLP's fine-grained NER (CITY, COUNTRY, NATIONALITY, ...) and its 7-class and 4-class
   * models too: about three times the NER cost, for no gain the registry does not already give.
   */
  @WithDefault("false")
  boolean fineGrainedNer();
}
