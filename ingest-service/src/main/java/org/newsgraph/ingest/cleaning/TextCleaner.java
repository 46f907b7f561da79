package org.newsgraph.ingest.cleaning;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsgraph.common.problem.ProblemException;

/**
 * Turns a page's text into the article's text: the lines above the headline (site taglines, image
 * file names, the page's own date) and the lines after the body (related links, author blurbs,
 * share prompts) are page chrome and go; Unicode is NFC and white space is single spaces within
 * paragraphs and one blank line between them. Pure function: the result is what gets stored, and
 * extraction offsets refer to it.
 */
public final class TextCleaner {

  /** The seeds' first line: " date 2024-03-23", often followed by the body on the same line. */
  private static final Pattern DATE_LINE =
      Pattern.compile(
          "\\A[ \\t\\u00A0]*date[ \\t]+(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ \\t]*\\R|[ \\t]+|\\z)");

  private static final Pattern IMAGE_FILE =
      Pattern.compile(
          "\\S+\\.(?:jpe?g|png|gif|webp|avif|svg)|\\S*-\\d{2,4}x\\d{2,4}|\\S{12,}",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern BYLINE =
      Pattern.compile("(?:by|written by|author:?)\\s+\\S.{0,80}", Pattern.CASE_INSENSITIVE);
  private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?…\"”’')»]$");

  private static final Pattern RELATED_HEADING =
      Pattern.compile(
          "(?:related(?:\\s+(?:sources|articles|stories|posts|news|links|reading|coverage))?"
              + "|read\\s+(?:more|also|next)|see\\s+also|more\\s+(?:on\\s+this|stories|news)"
              + "|you\\s+may\\s+also\\s+like|recommended(?:\\s+for\\s+you)?|further\\s+reading)"
              + "\\s*:?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern TAIL_CHROME =
      Pattern.compile(
          "(?:this\\s+(?:article|story|report|piece)\\s+(?:is|was|has\\s+been)\\s+"
              + "(?:written|produced|contributed|edited|prepared)"
              + "|(?:written|reported)\\s+by\\s"
              + "|about\\s+the\\s+author"
              + "|share\\s+(?:this|on|via)|tweet\\s+this|follow\\s+us|subscribe\\s+(?:to|now)"
              + "|sign\\s+up\\s+for|click\\s+here|copyright\\s|all\\s+rights\\s+reserved"
              + "|source\\s+\\d+\\s*(?:[•·|,]\\s*source\\s+\\d+\\s*)*$"
              + "|\\(reporting\\s+by\\s).*",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern LEADING_SYMBOLS = Pattern.compile("^[^\\p{L}\\p{N}(]+");

  /** A headline is short; a paragraph of the body is longer or ends like a sentence. */
  private static final int BODY_MIN_WORDS = 12;

  private static final int MAX_HEAD_PARAGRAPHS = 8;
  private static final int MAX_SYMBOL_RUN = 12;
  private static final int MAX_TAIL_PARAGRAPHS = 8;

  private TextCleaner() {}

  /**
   * @throws ProblemException when the text's {@code date} line names an impossible day
   */
  public static CleanedText clean(String raw) {
    String text = Unicode.nfc(raw).replace("\r\n", "\n").replace('\r', '\n');
    LocalDate dateLine = null;
    Matcher date = DATE_LINE.matcher(text);
    if (date.find()) {
      try {
        dateLine = Dates.day(date.group(1), date.group(2), date.group(3));
      } catch (DateTimeException e) {
        throw ProblemException.invalid(
            "text",
            "its date line names a day that does not exist: "
                + date.group(1)
                + "-"
                + date.group(2)
                + "-"
                + date.group(3));
      }
      text = text.substring(date.end());
    }
    List<String> paragraphs = paragraphs(withoutNoise(text));
    Head head = head(paragraphs);
    List<String> body = paragraphs.subList(head.size(), paragraphs.size());
    body = withoutTailChrome(body);
    LocalDate publishedAt = dateLine != null ? dateLine : head.date();
    if (publishedAt == null && !body.isEmpty()) {
      publishedAt = Dates.parseDateline(body.get(0)).orElse(null);
    }
    return new CleanedText(head.headline(), String.join("\n\n", body), publishedAt);
  }

  private static List<String> paragraphs(String text) {
    // With blank lines between paragraphs, single line breaks are hard wraps; without any, every
    // line is a paragraph of its own unless it wraps into the next.
    List<String> blocks = splitAtBlankLines(text);
    if (blocks.size() == 1) {
      blocks = unwrapped(text.split("\n"));
    }
    List<String> paragraphs = new ArrayList<>(blocks.size());
    for (String block : blocks) {
      String paragraph = singleSpaced(block).strip();
      if (!paragraph.isEmpty()) {
        paragraphs.add(paragraph);
      }
    }
    return paragraphs;
  }

  /**
   * Lines of a text without blank lines, with each hard-wrapped sentence joined again: a line that
   * stops short of a sentence's end and is followed by a line that goes on in lower case is one
   * paragraph with it. Kept apart, the wrapped opening lines of a plain-text article read as short
   * lines above the body and went with the page chrome, and every wrapped line was a paragraph. A
   * heading ("Reactions") followed by a capitalised line stays a paragraph of its own.
   */
  private static List<String> unwrapped(String[] lines) {
    List<String> blocks = new ArrayList<>(lines.length);
    StringBuilder block = null;
    for (String line : lines) {
      if (block != null && !endsLikeASentence(block) && continuesInLowerCase(line)) {
        block.append('\n').append(line);
      } else {
        if (block != null) {
          blocks.add(block.toString());
        }
        block = new StringBuilder(line);
      }
    }
    if (block != null) {
      blocks.add(block.toString());
    }
    return blocks;
  }

  private static boolean endsLikeASentence(CharSequence line) {
    for (int i = line.length() - 1; i >= 0; i--) {
      char c = line.charAt(i);
      if (!isSpace(c)) {
        return ".!?…:;".indexOf(c) >= 0;
      }
    }
    return true;
  }

  private static boolean continuesInLowerCase(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isLetter(c)) {
        return Character.isLowerCase(c);
      }
      if (!isSpace(c) && "\"'«»“”„(".indexOf(c) < 0) {
        return false;
      }
    }
    return false;
  }

  /**
   * The text split at each blank line (a line break, spaces or tabs, a line break): what {@code
   * Pattern.compile("\\n[\\p{Z}\\t]*\\n").split(text)} gives, apart from empty blocks, without the
   * regular expression, whose scan for a line break showed in the ingest profile.
   */
  private static List<String> splitAtBlankLines(String text) {
    List<String> blocks = new ArrayList<>();
    int start = 0;
    int from = 0;
    int lineBreak;
    while ((lineBreak = text.indexOf('\n', from)) >= 0) {
      int next = lineBreak + 1;
      while (next < text.length() && isBlank(text.charAt(next))) {
        next++;
      }
      if (next < text.length() && text.charAt(next) == '\n') {
        blocks.add(text.substring(start, lineBreak));
        start = next + 1;
        from = start;
      } else {
        from = lineBreak + 1;
      }
    }
    blocks.add(text.substring(start));
    return blocks;
  }

  /** A character of a blank line's inside: a Unicode separator or a tab. */
  private static boolean isBlank(char c) {
    return c == '\t' || isSeparator(c);
  }

  private static boolean isSeparator(char c) {
    return switch (Character.getType(c)) {
      case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR ->
          true;
      default -> false;
    };
  }

  /**
   * Without controls other than line breaks and tabs, and without invisible characters that carry
   * nothing (ZWNJ/ZWJ stay: they spell words). A loop rather than a regular expression: it runs
   * over every article's whole text.
   */
  /**
   * Without invisible characters, and with every run of one repeated symbol or punctuation mark cut
   * to {@value #MAX_SYMBOL_RUN}: a page of 40,000 {@code &amp;} held an extraction worker in the
   * tokenizer for twenty minutes, and a rule of twelve dashes reads as well as one of sixty.
   */
  private static String withoutNoise(String text) {
    StringBuilder kept = null;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      run = i > 0 && c == text.charAt(i - 1) ? run + 1 : 1;
      boolean invisible =
          (Character.getType(c) == Character.CONTROL && c != '\n' && c != '\t')
              || c == '\u200B'
              || c == '\u2060'
              || c == '\uFEFF'
              || c == '\u00AD';
      boolean repeated = run > MAX_SYMBOL_RUN && isSymbol(c);
      boolean dropped = invisible || repeated;
      if (dropped && kept == null) {
        kept = new StringBuilder(text.length()).append(text, 0, i);
      } else if (!dropped && kept != null) {
        kept.append(c);
      }
    }
    return kept == null ? text : kept.toString();
  }

  private static boolean isSymbol(char c) {
    return !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && !Character.isSurrogate(c);
  }

  /** Every run of spaces (any Unicode separator), tabs, line and form feeds as one space. */
  private static String singleSpaced(String block) {
    StringBuilder spaced = new StringBuilder(block.length());
    boolean inRun = false;
    for (int i = 0; i < block.length(); i++) {
      char c = block.charAt(i);
      if (isSpace(c)) {
        if (!inRun) {
          spaced.append(' ');
          inRun = true;
        }
      } else {
        spaced.append(c);
        inRun = false;
      }
    }
    return spaced.toString();
  }

  private static boolean isSpace(char c) {
    return switch (Character.getType(c)) {
      case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR ->
          true;
      default -> c == '\t' || c == '\n' || c == '\u000B' || c == '\f';
    };
  }

  /**
   * The short paragraphs above the first body paragraph: taglines, image names, dates, bylines and,
   * closest to the body, the headline. The date that counts is the one nearest the body; a date
   * above the headline belongs to the page, not the article.
   */
  private static Head head(List<String> paragraphs) {
    int limit = Math.min(paragraphs.size(), MAX_HEAD_PARAGRAPHS + 1);
    int first = -1;
    for (int i = 0; i < limit; i++) {
      if (isBody(paragraphs.get(i))) {
        first = i;
        break;
      }
    }
    if (first <= 0) {
      return new Head(0, null, null);
    }
    String headline = null;
    int headlineAt = -1;
    LocalDate date = null;
    int dateAt = -1;
    for (int i = 0; i < first; i++) {
      String line = paragraphs.get(i);
      Optional<LocalDate> asDate = Dates.parseDateLine(line);
      if (asDate.isPresent()) {
        date = asDate.get();
        dateAt = i;
      } else if (!IMAGE_FILE.matcher(line).matches()
          && !BYLINE.matcher(line).matches()
          && !isChrome(line)) {
        headline = line;
        headlineAt = i;
      }
    }
    return new Head(first, headline, dateAt > headlineAt ? date : null);
  }

  private static boolean isBody(String paragraph) {
    int words = paragraph.split(" ").length;
    return words >= 2 * BODY_MIN_WORDS
        || (words >= BODY_MIN_WORDS && SENTENCE_END.matcher(paragraph).matches());
  }

  private static List<String> withoutTailChrome(List<String> body) {
    int end = body.size();
    for (int i = Math.max(1, end - MAX_TAIL_PARAGRAPHS); i < end; i++) {
      if (RELATED_HEADING.matcher(body.get(i)).matches()) {
        end = i;
        break;
      }
    }
    while (end > 1 && isChrome(body.get(end - 1))) {
      end--;
    }
    return body.subList(0, end);
  }

  private static boolean isChrome(String paragraph) {
    String text = LEADING_SYMBOLS.matcher(paragraph).replaceFirst("");
    return paragraph.split(" ").length <= 40 && TAIL_CHROME.matcher(text).lookingAt();
  }

  private record Head(int size, String headline, LocalDate date) {}
}
