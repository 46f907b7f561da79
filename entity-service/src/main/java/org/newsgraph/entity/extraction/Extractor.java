package org.newsgraph.entity.extraction;

import java.time.LocalDate;

/** Finds actors and events in a text. Implementations are thread-safe and loaded once. */
public interface Extractor {

  /**
   * @param publishedAt the anchor for relative dates ("last night"); null when unknown
   * @param language ISO 639-1 code when known, else null
   */
  Extraction extract(String text, LocalDate publishedAt, String language);

  String version();

  /** Whether texts in this language (ISO 639-1) get events, not only their actors. */
  default boolean extractsEvents(String language) {
    return true;
  }
}
