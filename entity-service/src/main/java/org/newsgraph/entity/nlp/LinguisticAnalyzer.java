package org.newsgraph.entity.nlp;

import java.time.LocalDate;
import java.util.function.Function;

/**
 * Tokens, lemmas, part-of-speech and named-entity tags for a whole text; time expressions and
 * dependency parses only for the sentences that need them: those are the expensive parts and most
 * sentences carry no event.
 */
public interface LinguisticAnalyzer {

  /**
   * @param anchor the date relative time expressions ("last night") resolve against; null leaves
   *     them unresolved
   * @param depth chooses, from a sentence's tokens, how deep it is analysed; called once per
   *     sentence, in text order
   */
  AnalyzedText analyze(String text, LocalDate anchor, Function<AnalyzedSentence, Depth> depth);

  /** Names the backend and its settings, for the extractor version. */
  String version();
}
