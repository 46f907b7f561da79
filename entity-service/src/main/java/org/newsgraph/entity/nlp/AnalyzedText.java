package org.newsgraph.entity.nlp;

import java.util.List;

/** A text as the linguistic backend saw it; all offsets refer to that exact text. */
public record AnalyzedText(String text, List<AnalyzedSentence> sentences) {

  public AnalyzedText {
    sentences = List.copyOf(sentences);
  }
}
