package org.newsgraph.entity.nlp;

import org.newsgraph.entity.extraction.Span;

/**
 * One token of an analysed sentence.
 *
 * @param index position in its sentence, from 0
 * @param ner the coarse named-entity tag, "O" when none
 * @param normalized the normalised value of a number or time token, or null
 */
public record Token(
    int index, String word, String lemma, String tag, String ner, String normalized, Span span) {

  public boolean isVerb() {
    return tag.startsWith("VB") || tag.equals("MD");
  }

  public boolean isNoun() {
    return tag.startsWith("NN");
  }
}
