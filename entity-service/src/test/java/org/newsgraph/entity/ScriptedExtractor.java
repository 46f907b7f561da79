package org.newsgraph.entity;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.newsgraph.entity.extraction.Extraction;
import org.newsgraph.entity.extraction.Extractor;

/**
 * Stands in for the NLP core in tests of storage and queueing: returns the extraction a test
 * scripted for a text (or fails as scripted), and an empty extraction for any other text.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ScriptedExtractor implements Extractor {

  public static final String VERSION = "scripted-1";
  private static final Map<String, Object> SCRIPTS = new ConcurrentHashMap<>();

  public static void script(String text, Extraction extraction) {
    SCRIPTS.put(text, extraction);
  }

  public static void failOn(String text, String message) {
    SCRIPTS.put(text, new IllegalStateException(message));
  }

  @Override
  public Extraction extract(String text, LocalDate publishedAt, String language) {
    Object script = SCRIPTS.get(text);
    if (script instanceof RuntimeException failure) {
      throw failure;
    }
    return script != null
        ? (Extraction) script
        : new Extraction(VERSION, "en", List.of(), List.of(), List.of());
  }

  @Override
  public String version() {
    return VERSION;
  }
}
