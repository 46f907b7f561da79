package org.newsgraph.entity.nlp;

import org.newsgraph.entity.extraction.Span;

/**
 * One token of an analysed sentence.
 *
 * @param index position in its sentence, from 0
 * @param ner the named-entity tag, "O" when none
 */
public record Token(int index, String word, String lemma, String tag, String ner, Span span) {

  public boolean isVerb() {
    return tag.startsWith("VB") || tag.equals("MD");
  }

  public boolean isNoun() {
    return tag.startsWith("NN");
  }
}
