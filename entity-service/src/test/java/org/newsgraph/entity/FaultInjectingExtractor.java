package org.newsgraph.entity;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.LocalDate;
import org.newsgraph.entity.extraction.ActorDirectory;
import org.newsgraph.entity.extraction.Extraction;
import org.newsgraph.entity.extraction.ExtractionConfig;
import org.newsgraph.entity.extraction.Extractor;
import org.newsgraph.entity.extraction.ExtractorProducer;

/**
 * The service's real extractor (CoreNLP, the lexical path and the rules, over the database's actor
 * directory), built as the production producer builds it, except that a text containing {@link
 * #FAULT} fails: the only way to make a worker's extraction fail on demand.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class FaultInjectingExtractor implements Extractor {

  public static final String FAULT = "[fault injected by the test]";

  private final Extractor real;

  public FaultInjectingExtractor(ActorDirectory directory, ExtractionConfig config) {
    this.real = ExtractorProducer.create(directory, config);
  }

  @Override
  public Extraction extract(String text, LocalDate publishedAt, String language) {
    if (text.contains(FAULT)) {
      throw new IllegalStateException("injected fault");
    }
    return real.extract(text, publishedAt, language);
  }

  @Override
  public String version() {
    return real.version();
  }

  @Override
  public boolean extractsEvents(String language) {
    return real.extractsEvents(language);
  }
}
