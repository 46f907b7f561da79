package org.newsgraph.entity.extraction.lexical;

import org.newsgraph.entity.extraction.Span;

/**
 * One word of a sentence, with the forms the rules compare.
 *
 * @param index position among the words of its sentence, from 0
 * @param fold lower case, Latin accents removed, typographic apostrophes folded
 * @param stem the fold reduced by the language's stemmer
 * @param capitalized the first letter is upper case in the text
 * @param breakBefore a clause boundary (";", ":", a dash, a bracket, a quote) precedes the word
 * @param commaBefore a comma precedes the word
 */
record Word(
    int index,
    String text,
    String fold,
    String stem,
    Span span,
    boolean capitalized,
    boolean breakBefore,
    boolean commaBefore) {

  boolean isNumber() {
    return !text.isEmpty() && Character.isDigit(text.codePointAt(0));
  }

  /** Two letters or more, all capitals: an acronym ("EFE", "ТАСС"); no uncased script has one. */
  boolean isAcronym() {
    long letters = text.codePoints().filter(Character::isLetter).count();
    return letters >= 2
        && text.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
  }
}
