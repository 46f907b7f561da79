package org.newsgraph.entity.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text into pieces of at most about {@code max} characters for analysis: at the last line
 * end before the limit; a longer line at its last sentence end ({@code ". "}), else at its last
 * space, else at the limit itself. The pieces cover the text exactly, in order.
 */
final class TextPieces {

  /** A piece and where it starts in the whole text. */
  record Piece(int start, String text) {}

  private TextPieces() {}

  static List<Piece> of(String text, int max) {
    List<Piece> pieces = new ArrayList<>();
    int start = 0;
    while (text.length() - start > max) {
      int end = cut(text, start, start + max);
      pieces.add(new Piece(start, text.substring(start, end)));
      start = end;
    }
    pieces.add(new Piece(start, text.substring(start)));
    return pieces;
  }

  /** Where the piece from {@code start} ends, at most at {@code limit}; always after start. */
  private static int cut(String text, int start, int limit) {
    int line = text.lastIndexOf('\n', limit - 1);
    if (line >= start) {
      return line + 1;
    }
    int sentence = text.lastIndexOf(". ", limit - 2);
    if (sentence > start) {
      return sentence + 2;
    }
    int space = text.lastIndexOf(' ', limit - 1);
    if (space > start) {
      return space + 1;
    }
    // never between the two halves of a surrogate pair
    return Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
  }
}
