package org.newsgraph.entity.extraction;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

/** Settings of the NLP core. */
@ConfigMapping(prefix = "newsgraph.extraction")
public interface ExtractionConfig {

  /**
   * Run CoreNLP's fine-grained NER (CITY, COUNTRY, NATIONALITY, ...) and its 7-class and 4-class
   * models too: about three times the NER cost, for no gain the registry does not already give.
   */
  @WithDefault("false")
  boolean fineGrainedNer();

  /**
   * The languages (ISO 639-1) whose events are extracted: English by CoreNLP and its rules, the
   * others by the lexical path over {@code rules/<lang>/}. Texts in any other language still get
   * their actors.
   */
  @WithDefault("en,es,fr,de,pt,ru,uk,ar,ko,it")
  Set<String> languages();
}
