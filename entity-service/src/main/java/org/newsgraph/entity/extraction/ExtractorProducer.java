package org.newsgraph.entity.extraction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.newsgraph.entity.nlp.CoreNlpAnalyzer;
import org.newsgraph.entity.place.Gazetteer;
import org.newsgraph.entity.place.LocatingExtractor;
import org.newsgraph.entity.registry.RegistryDirectory;

/**
 * The one extractor of the service, which dispatches by language and then puts the events' places
 * on the map. Resolves names against the service's ActorDirectory bean, or against the shipped
 * registry when the service defines none.
 */
public class ExtractorProducer {

  @Produces
  @ApplicationScoped
  Extractor extractor(Instance<ActorDirectory> directory, ExtractionConfig config) {
    return create(directory.isResolvable() ? directory.get() : RegistryDirectory.shipped(), config);
  }

  /**
   * The service's extractor over {@code actors}: CoreNLP for English, the lexical path else, and
   * the gazetteer for the places of both.
   */
  public static Extractor create(ActorDirectory actors, ExtractionConfig config) {
    return new LocatingExtractor(
        new MultilingualExtractor(
            new RuleBasedExtractor(actors, new CoreNlpAnalyzer(config.fineGrainedNer())),
            actors,
            config.languages()),
        actors,
        Gazetteer::shipped);
  }
}
