package org.newsgraph.entity.extraction.lexical;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsgraph.entity.extraction.Span;

/**
 * Splits a text into sentences and words without a model: words are runs of letters (a hyphen
 * between letters separates two words of one phrase), numbers keep their inner separators ("12,5",
 * "06.06.2023", "29/07"), and a sentence ends at a full stop, question or exclamation mark before a
 * capital, a digit or a letter of an uncased script, or at a line break after a short heading or a
 * closing punctuation mark. Hard-wrapped lines do not end sentences.
 */
final class Tokenizer {

  private static final Pattern TOKEN =
      Pattern.compile(
          "[\\p{L}\\p{M}][\\p{L}\\p{M}\\p{Nd}'’]*|\\p{Nd}+(?:[.,/]\\p{Nd}+)*|\\n|[^\\s\\p{L}\\p{Nd}]");
  private static final Pattern ELIDED = Pattern.compile("^(\\p{L}{1,7})['’](\\p{L}.*)$");
  private static final Set<String> CLAUSE_BREAKS =
      Set.of(";", ":", "(", ")", "[", "]", "«", "»", "\"", "“", "”", "„", "—", "–");
  private static final Set<String> TERMINALS = Set.of(".", "!", "?", "…", "。", "؟");

  /** A line shorter than this without closing punctuation is a heading when a capital follows. */
  private static final int HEADING = 40;

  private final Set<String> elisions;
  private final Stemmer stemmer;

  Tokenizer(Set<String> elisions, Stemmer stemmer) {
    this.elisions = Set.copyOf(elisions);
    this.stemmer = stemmer;
  }

  /** Lower case, Latin accents removed, "ё" as "е", typographic apostrophes folded. */
  static String fold(String word) {
    String lower = word.toLowerCase(Locale.ROOT).replace('’', '\'').replace('ё', 'е');
    StringBuilder out = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); ) {
      int c = lower.codePointAt(i);
      i += Character.charCount(c);
      if (c > 127 && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
        String bare = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD);
        bare.codePoints()
            .filter(b -> Character.getType(b) != Character.NON_SPACING_MARK)
            .forEach(out::appendCodePoint);
      } else {
        out.appendCodePoint(c);
      }
    }
    return out.toString();
  }

  List<Sentence> sentences(String text) {
    List<Sentence> sentences = new ArrayList<>();
    List<Word> words = new ArrayList<>();
    boolean pendingBreak = false;
    boolean pendingComma = false;
    boolean terminal = false;
    int lineStart = 0;
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      String token = m.group();
      if (token.equals("\n")) {
        if (!words.isEmpty() && endsLine(text, lineStart, m.start(), terminal)) {
          terminal = true;
        }
        lineStart = m.end();
        continue;
      }
      boolean wordToken = Character.isLetterOrDigit(token.codePointAt(0));
      if (!wordToken) {
        if (TERMINALS.contains(token)) {
          terminal = !words.isEmpty() && !initial(words.get(words.size() - 1));
        } else if (CLAUSE_BREAKS.contains(token)
            || (token.equals("-") && spaced(text, m.start()))) {
          pendingBreak = true;
        } else if (token.equals(",") || token.equals("،")) {
          pendingComma = true;
        }
        continue;
      }
      if (terminal && startsSentence(token, words)) {
        sentences.add(sentence(sentences.size(), words));
        words = new ArrayList<>();
        pendingBreak = false;
        pendingComma = false;
      }
      terminal = false;
      Matcher elided = ELIDED.matcher(token);
      if (elided.matches() && elisions.contains(fold(elided.group(1)))) {
        int split = m.start() + elided.group(1).length() + 1;
        add(words, token.substring(0, split - m.start()), m.start(), pendingBreak, pendingComma);
        add(words, elided.group(2), split, false, false);
      } else {
        add(words, token, m.start(), pendingBreak, pendingComma);
      }
      pendingBreak = false;
      pendingComma = false;
    }
    if (!words.isEmpty()) {
      sentences.add(sentence(sentences.size(), words));
    }
    return sentences;
  }

  private void add(List<Word> words, String text, int start, boolean breakBefore, boolean comma) {
    String fold = fold(text);
    words.add(
        new Word(
            words.size(),
            text,
            fold,
            stemmer.stem(text),
            new Span(start, start + text.length()),
            Character.isUpperCase(text.codePointAt(0)),
            breakBefore,
            comma));
  }

  private static Sentence sentence(int index, List<Word> words) {
    List<Word> renumbered = new ArrayList<>(words.size());
    for (Word w : words) {
      renumbered.add(
          new Word(
              renumbered.size(),
              w.text(),
              w.fold(),
              w.stem(),
              w.span(),
              w.capitalized(),
              w.breakBefore() && !renumbered.isEmpty(),
              w.commaBefore() && !renumbered.isEmpty()));
    }
    Span span = new Span(words.get(0).span().start(), words.get(words.size() - 1).span().end());
    return new Sentence(index, span, renumbered);
  }

  /** "J." in "Thomas J. Smith" or a day number before a German month ("3. Januar"). */
  private static boolean initial(Word last) {
    return (last.text().length() == 1 && last.capitalized())
        || (last.isNumber() && last.text().length() <= 2);
  }

  private static boolean startsSentence(String token, List<Word> words) {
    if (words.isEmpty()) {
      return false;
    }
    int c = token.codePointAt(0);
    boolean uncased =
        Character.isLetter(c) && !Character.isUpperCase(c) && !Character.isLowerCase(c);
    Word last = words.get(words.size() - 1);
    // "am 3. Januar" stays one sentence, "in 2023. Der" does not
    if (last.isNumber() && last.text().length() <= 2 && Character.isUpperCase(c)) {
      return false;
    }
    return Character.isUpperCase(c) || Character.isDigit(c) || uncased;
  }

  /** Whether a line break ends the sentence: after closing punctuation or a short heading. */
  private static boolean endsLine(String text, int lineStart, int lineEnd, boolean terminal) {
    String line = text.substring(lineStart, lineEnd).strip();
    int nextStart = lineEnd + 1;
    while (nextStart < text.length() && Character.isWhitespace(text.charAt(nextStart))) {
      nextStart++;
    }
    if (nextStart >= text.length()) {
      return true;
    }
    int next = text.codePointAt(nextStart);
    if (Character.isLowerCase(next)) {
      // a hard-wrapped sentence, even when a cleaner put blank lines between its lines
      return false;
    }
    if (line.isEmpty()) {
      return true;
    }
    int lastChar = line.codePointBefore(line.length());
    return terminal || !Character.isLetter(lastChar) && lastChar != ',' || line.length() < HEADING;
  }

  private static boolean spaced(String text, int at) {
    return at > 0
        && at + 1 < text.length()
        && Character.isWhitespace(text.charAt(at - 1))
        && Character.isWhitespace(text.charAt(at + 1));
  }
}
