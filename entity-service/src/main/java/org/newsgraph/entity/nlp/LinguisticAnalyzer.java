package org.newsgraph.entity.nlp;

import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * Tokens, lemmas, part-of-speech and named-entity tags, and time expressions for a whole text, and
 * dependency parses only for the sentences that need one: parsing is the expensive part and most
 * sentences carry no event.
 */
public interface LinguisticAnalyzer {

  /**
   * @param anchor the date relative time expressions ("last night") resolve against; null leaves
   *     them unresolved
   * @param needsParse chooses, from a sentence's tokens, whether it gets a dependency parse
   */
  AnalyzedText analyze(String text, LocalDate anchor, Predicate<AnalyzedSentence> needsParse);

  /** Names the backend and its settings, for the extractor version. */
  String version();
}
