package org.newsgraph.entity.extraction;

import org.newsgraph.entity.nlp.CoreNlpAnalyzer;
import org.newsgraph.entity.registry.RegistryDirectory;

/** The models, loaded once per test JVM and shared by every test class that needs them. */
final class Pipelines {

  private Pipelines() {}

  private static final class Holder {
    static final CoreNlpAnalyzer ANALYZER = new CoreNlpAnalyzer(false);
    static final RuleBasedExtractor EXTRACTOR =
        new RuleBasedExtractor(RegistryDirectory.shipped(), ANALYZER);
  }

  static CoreNlpAnalyzer analyzer() {
    return Holder.ANALYZER;
  }

  static RuleBasedExtractor extractor() {
    return Holder.EXTRACTOR;
  }
}
