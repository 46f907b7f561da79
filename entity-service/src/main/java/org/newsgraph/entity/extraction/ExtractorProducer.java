package org.newsgraph.entity.extraction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.newsgraph.entity.nlp.CoreNlpAnalyzer;
import org.newsgraph.entity.place.Gazetteer;
import org.newsgraph.entity.place.LocatingExtractor;
import org.newsgraph.entity.registry.RegistryDirectory;

/**
 * The one extractor of the service. Resolves names against the service's ActorDirectory bean, or
 * against the shipped registry when the service defines none; their places are then put on the map.
 */
public class ExtractorProducer {

  @Produces
  @ApplicationScoped
  Extractor extractor(Instance<ActorDirectory> directory, ExtractionConfig config) {
    ActorDirectory actors =
        directory.isResolvable() ? directory.get() : RegistryDirectory.shipped();
    return new LocatingExtractor(
        new RuleBasedExtractor(actors, new CoreNlpAnalyzer(config.fineGrainedNer())),
        actors,
        Gazetteer::shipped);
  }
}
