package org.newsgraph.entity.extraction.lexical;

import java.util.List;
import org.newsgraph.entity.extraction.Span;

/** A sentence as the lexical path sees it: its span in the text and its words in order. */
record Sentence(int index, Span span, List<Word> words) {

  Sentence {
    words = List.copyOf(words);
  }
}
