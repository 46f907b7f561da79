package org.newsgraph.ingest.cleaning;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads publication dates as they appear in metadata and in the top lines of articles. */
public final class Dates {

  private static final Pattern ISO_PREFIX =
      Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:[T ]([0-9:.]+)(?:Z|[+-][0-9:]+)?)?");

  /** The time of an ISO date-time: hours, minutes, optional seconds and fraction. */
  private static final Pattern ISO_TIME =
      Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)(?::([0-5]\\d|60)(?:\\.\\d{1,9})?)?");

  /** Earlier years are typing errors or placeholders (0000), not publication dates. */
  private static final int MIN_YEAR = 1000;

  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("january", 1),
          Map.entry("jan", 1),
          Map.entry("february", 2),
          Map.entry("feb", 2),
          Map.entry("march", 3),
          Map.entry("mar", 3),
          Map.entry("april", 4),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("june", 6),
          Map.entry("jun", 6),
          Map.entry("july", 7),
          Map.entry("jul", 7),
          Map.entry("august", 8),
          Map.entry("aug", 8),
          Map.entry("september", 9),
          Map.entry("sept", 9),
          Map.entry("sep", 9),
          Map.entry("october", 10),
          Map.entry("oct", 10),
          Map.entry("november", 11),
          Map.entry("nov", 11),
          Map.entry("december", 12),
          Map.entry("dec", 12));

  private static final String MONTH = "(\\p{L}{3,9})\\.?";
  private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
  private static final String YEAR = "(\\d{4})";

  /** "Published:", "Updated on", a weekday, and a trailing time are all allowed around a date. */
  private static final String LEAD =
      "(?:(?:published|posted|updated|last updated|date)(?:\\s+on)?\\s*:?\\s*)?"
          + "(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?";

  private static final String TRAIL =
      "(?:,?\\s+(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,5})?)?\\s*";

  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile(
          LEAD + DAY + "\\s+" + MONTH + ",?\\s+" + YEAR + TRAIL, Pattern.CASE_INSENSITIVE);
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile(
          LEAD + MONTH + "\\s+" + DAY + ",?\\s+" + YEAR + TRAIL, Pattern.CASE_INSENSITIVE);
  private static final Pattern ISO_LINE =
      Pattern.compile(LEAD + "(\\d{4})-(\\d{2})-(\\d{2})" + TRAIL, Pattern.CASE_INSENSITIVE);

  /** A place ("MOSCOW", "Kabul, Afghanistan") and a news agency ("(Reuters)") before a date. */
  private static final String PLACE =
      "(?:\\p{Lu}[\\p{L}.'’ -]{1,40}(?:,\\s*\\p{Lu}[\\p{L}.'’ -]{1,40})?\\s*)?";

  private static final String AGENCY = "(?:\\([^()]{1,40}\\)\\s*)?";
  private static final String DASH = "[–—:-]";

  /**
   * A wire dateline opening the first paragraph, ended by a dash or colon: "MOSCOW, 24 March 2024
   * –", "KABUL, Afghanistan, March 3, 2025 (AP) —", "Kabul (AP) — March 3, 2025:".
   */
  private static final Pattern DATELINE_DAY_MONTH_YEAR =
      Pattern.compile(
          PLACE
              + AGENCY
              + "(?:[,–—-]\\s*)?"
              + DAY
              + "\\s+"
              + MONTH
              + ",?\\s+"
              + YEAR
              + "\\s*"
              + AGENCY
              + DASH);

  private static final Pattern DATELINE_MONTH_DAY_YEAR =
      Pattern.compile(
          PLACE
              + AGENCY
              + "(?:[,–—-]\\s*)?"
              + MONTH
              + "\\s+"
              + DAY
              + ",?\\s+"
              + YEAR
              + "\\s*"
              + AGENCY
              + DASH);

  private Dates() {}

  /**
   * An ISO-8601 date or date-time as found in metadata ({@code 2024-03-24}, {@code
   * 2024-03-24T10:00:00+03:00}); the calendar date is taken as written, in the writer's zone.
   *
   * @return empty when the value is not ISO-shaped
   * @throws DateTimeException when it is ISO-shaped but names no real day (2024-02-30), no real
   *     time of day (T25:61:00) or a year before 1000
   */
  public static Optional<LocalDate> parseIso(String value) {
    if (value == null) {
      return Optional.empty();
    }
    Matcher m = ISO_PREFIX.matcher(value.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    if (m.group(4) != null && !ISO_TIME.matcher(m.group(4)).matches()) {
      throw new DateTimeException("no time of day: " + m.group(4));
    }
    return Optional.of(day(m.group(1), m.group(2), m.group(3)));
  }

  /** Like {@link #parseIso} but an impossible date is simply no date, as metadata in pages is. */
  public static Optional<LocalDate> parseIsoLeniently(String value) {
    try {
      return parseIso(value);
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * A whole line that is nothing but a date: "Saturday, 18 May 2024", "March 24, 2024", "Published:
   * 2024-03-24 10:32". A line naming an impossible day is not a date line.
   */
  public static Optional<LocalDate> parseDateLine(String line) {
    String text = line.strip();
    if (text.length() > 60) {
      return Optional.empty();
    }
    try {
      Matcher m = DAY_MONTH_YEAR.matcher(text);
      if (m.matches()) {
        return of(m.group(3), month(m.group(2)), m.group(1));
      }
      m = MONTH_DAY_YEAR.matcher(text);
      if (m.matches()) {
        return of(m.group(3), month(m.group(1)), m.group(2));
      }
      m = ISO_LINE.matcher(text);
      if (m.matches()) {
        return Optional.of(day(m.group(1), m.group(2), m.group(3)));
      }
    } catch (DateTimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * The date of a dateline at the start of a paragraph: "MOSCOW, 24 March 2024 – Gunmen ...". A
   * dateline without a year ("MOSCOW, March 24 (Reuters) -") gives no date: guessing the year would
   * date an archive by the day it was loaded.
   */
  public static Optional<LocalDate> parseDateline(String paragraph) {
    String start = paragraph.length() > 120 ? paragraph.substring(0, 120) : paragraph;
    try {
      Matcher m = DATELINE_DAY_MONTH_YEAR.matcher(start);
      if (m.lookingAt()) {
        return of(m.group(3), month(m.group(2)), m.group(1));
      }
      m = DATELINE_MONTH_DAY_YEAR.matcher(start);
      if (m.lookingAt()) {
        return of(m.group(3), month(m.group(1)), m.group(2));
      }
    } catch (DateTimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static Optional<LocalDate> of(String year, Integer month, String day) {
    if (month == null) {
      return Optional.empty();
    }
    return Optional.of(day(Integer.parseInt(year), month, Integer.parseInt(day)));
  }

  private static Integer month(String name) {
    return MONTHS.get(name.toLowerCase(Locale.ROOT));
  }

  /**
   * The day named by decimal year, month and day fields.
   *
   * @throws DateTimeException when there is no such day, or the year is before 1000
   */
  static LocalDate day(String year, String month, String day) {
    return day(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
  }

  private static LocalDate day(int year, int month, int day) {
    if (year < MIN_YEAR) {
      throw new DateTimeException("year " + year + " is before " + MIN_YEAR);
    }
    return LocalDate.of(year, month, day);
  }
}
