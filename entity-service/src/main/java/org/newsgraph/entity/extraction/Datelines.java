package org.newsgraph.entity.extraction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wire datelines ("TBILISI, 6 December 2024 — Georgian police detained ...") end in a dash that the
 * parser reads as part of the first sentence, which then has a city for its subject and loses its
 * real one. The dash is made a full stop before analysis, so that the dateline is a sentence of its
 * own; the text keeps its length, so every offset still points into the stored text.
 */
final class Datelines {

  /**
   * A paragraph opening with a place in capitals followed by a comma or a parenthesis (an agency),
   * then a few more words without sentence punctuation, then a dash between spaces.
   */
  private static final Pattern DATELINE =
      Pattern.compile(
          "(?m)^[ \\t]*\\p{Lu}[\\p{Lu}\\p{M}'’.-]+(?: \\p{Lu}[\\p{Lu}\\p{M}'’.-]+)*(?:,|\\s\\()"
              + "[^\\n.!?]{0,60}?\\s([–—-]{1,2})\\s");

  private Datelines() {}

  /** The text with each dateline's closing dash replaced by full stops of the same length. */
  static String endSentences(String text) {
    Matcher m = DATELINE.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text);
    do {
      for (int i = m.start(1); i < m.end(1); i++) {
        out.setCharAt(i, '.');
      }
    } while (m.find());
    return out.toString();
  }
}
