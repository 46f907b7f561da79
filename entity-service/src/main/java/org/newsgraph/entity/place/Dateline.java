package org.newsgraph.entity.place;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsgraph.entity.extraction.Span;

/**
 * The place a wire story was filed from, as its dateline gives it: "KYIV, Ukraine (AP) —", "SEOUL,
 * Dec 3 (Reuters) -", "DAMASCUS, Syria, Dec. 8 (AFP) –", "NEW DELHI:", "Caracas (EFE).-", "МОСКВА,
 * 3 декабря. /ТАСС/.", "Kyiv, Ukraine (CNN) —", "MOSCOW/SEOUL -".
 *
 * @param span the whole dateline
 * @param names the places it names, in the text's spelling with capitals only at word starts
 *     ("Kyiv", "Gaza City"); more than one for a story filed from several places
 * @param nameSpans where each name is in the text
 * @param qualifier the region or country after the first place ("Ukraine"), or null
 */
record Dateline(Span span, List<String> names, List<Span> nameSpans, String qualifier) {

  /** A place in capitals ("KYIV", "GAZA CITY", "ROSTOV-ON-DON"). */
  private static final String CAPS =
      "\\p{Lu}[\\p{Lu}\\p{M}'’.-]+(?:[ ]\\p{Lu}[\\p{Lu}\\p{M}'’.-]+){0,3}";

  /** A place as a name is written ("Kyiv", "Rio de Janeiro" is not: only capitalised words). */
  private static final String TITLE =
      "\\p{Lu}[\\p{Ll}\\p{M}'’.-]+(?:[ -]\\p{Lu}[\\p{Ll}\\p{M}'’.-]+){0,2}";

  /**
   * At the start of a line: one place or several joined by "/", then maybe a comma with a region, a
   * country or a date, then maybe the agency in brackets or slashes, then a dash, a colon, or a
   * full stop after the agency.
   */
  private static final Pattern DATELINE =
      Pattern.compile(
          "(?m)^[ \\t]*(?:(?<caps>"
              + CAPS
              + "(?:\\s?/\\s?"
              + CAPS
              + ")*)|(?<title>"
              + TITLE
              + "(?:\\s?/\\s?"
              + TITLE
              + ")*))(?<rest>(?:,[^\\n()/:–—-]{1,40}?)?)\\.?\\s*"
              + "(?<agency>\\([^()\\n]{1,30}\\)|/[^/\\n]{1,20}/)?\\.?"
              + "(?<separator>\\s*(?:[–—]{1,2}|-{1,2}|:)\\s|(?<=[)/]\\.)\\s)");

  /** A dateline is where a story starts: within its first lines (a title and a caption, say). */
  private static final int WITHIN = 1500;

  private static final Pattern SLASH = Pattern.compile("\\s?/\\s?");

  /**
   * The lines of the text's first lines that open like a dateline, in order; the caller takes the
   * first whose place it knows ("BREAKING:" opens like one too). A place name written normally (not
   * in capitals) counts only when the agency follows it, as in "Kyiv, Ukraine (CNN) —"; otherwise
   * any short heading before a dash would be read as a place.
   */
  static List<Dateline> candidates(String text) {
    List<Dateline> out = new ArrayList<>();
    Matcher m = DATELINE.matcher(text);
    m.region(0, Math.min(text.length(), WITHIN));
    while (m.find()) {
      boolean capitals = m.group("caps") != null;
      boolean agency = m.group("agency") != null;
      if (!capitals && !agency) {
        continue;
      }
      String group = capitals ? "caps" : "title";
      List<String> names = new ArrayList<>();
      List<Span> spans = new ArrayList<>();
      int at = m.start(group);
      for (String part : SLASH.split(m.group(group))) {
        int start = text.indexOf(part, at);
        names.add(capitals ? titled(part) : part);
        spans.add(new Span(start, start + part.length()));
        at = start + part.length();
      }
      out.add(
          new Dateline(
              new Span(m.start(group), m.end()), names, spans, qualifier(m.group("rest"))));
    }
    return out;
  }

  /** The first comma-separated part without a digit: ", Syria, Dec. 8" gives "Syria". */
  private static String qualifier(String rest) {
    for (String part : rest.split(",")) {
      String p = part.strip();
      if (!p.isEmpty() && p.chars().noneMatch(Character::isDigit)) {
        return p;
      }
    }
    return null;
  }

  /** "GAZA CITY" as "Gaza City", "ROSTOV-ON-DON" as "Rostov-On-Don" (the gazetteer folds case). */
  private static String titled(String capitals) {
    StringBuilder out = new StringBuilder(capitals.length());
    boolean start = true;
    for (char c : capitals.toCharArray()) {
      out.append(start ? c : Character.toLowerCase(c));
      start = c == ' ' || c == '-';
    }
    return out.toString();
  }
}
