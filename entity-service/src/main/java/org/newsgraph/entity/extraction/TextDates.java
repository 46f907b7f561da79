package org.newsgraph.entity.extraction;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date an undated article was written about, read from its own words. More than half of real
 * feeds carry no publication date; without an anchor "on Wednesday" resolves to nothing. What can
 * still anchor it: a full date the text names ("March 3, 2025", "8 May 2021", "03.03.2025"), or a
 * weekday with a day and a month ("Monday, March 3"), whose year is the latest one, not after
 * today, on which that day fell on that weekday.
 */
public final class TextDates {

  private static final Map<String, Integer> MONTHS = new HashMap<>();
  private static final Map<String, DayOfWeek> WEEKDAYS = new HashMap<>();

  static {
    for (int m = 1; m <= 12; m++) {
      java.time.Month month = java.time.Month.of(m);
      MONTHS.put(lower(month.getDisplayName(TextStyle.FULL, Locale.ENGLISH)), m);
      MONTHS.put(lower(month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)), m);
    }
    MONTHS.put("sept", 9);
    for (DayOfWeek day : DayOfWeek.values()) {
      WEEKDAYS.put(lower(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH)), day);
    }
  }

  private static final String MONTH =
      "(January|February|March|April|May|June|July|August|September|October|November|December"
          + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";
  private static final String WEEKDAY =
      "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile("\\b" + MONTH + " (\\d{1,2}),? (\\d{4})\\b");
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile("\\b(\\d{1,2}) " + MONTH + ",? (\\d{4})\\b");
  private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
  private static final Pattern DOTTED = Pattern.compile("\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b");
  private static final Pattern WEEKDAY_MONTH_DAY =
      Pattern.compile("\\b" + WEEKDAY + ",? (?:\\(?)" + MONTH + " (\\d{1,2})\\b(?!,? \\d{4})");
  private static final Pattern WEEKDAY_DAY_MONTH =
      Pattern.compile("\\b" + WEEKDAY + ",? (?:\\(?)(\\d{1,2}) " + MONTH + "\\b(?!,? \\d{4})");

  /** How far back a weekday with a day and month may fix the year. */
  private static final int YEARS_BACK = 15;

  private TextDates() {}

  /** The latest date the text names outright, not after {@code today}; null when it names none. */
  static LocalDate anchor(String text, LocalDate today) {
    LocalDate latest = null;
    Matcher m = MONTH_DAY_YEAR.matcher(text);
    while (m.find()) {
      latest = later(latest, date(m.group(3), MONTHS.get(lower(m.group(1))), m.group(2)), today);
    }
    m = DAY_MONTH_YEAR.matcher(text);
    while (m.find()) {
      latest = later(latest, date(m.group(3), MONTHS.get(lower(m.group(2))), m.group(1)), today);
    }
    m = ISO.matcher(text);
    while (m.find()) {
      latest = later(latest, date(m.group(1), Integer.parseInt(m.group(2)), m.group(3)), today);
    }
    m = DOTTED.matcher(text);
    while (m.find()) {
      latest = later(latest, date(m.group(3), Integer.parseInt(m.group(2)), m.group(1)), today);
    }
    m = WEEKDAY_MONTH_DAY.matcher(text);
    while (m.find()) {
      latest =
          later(
              latest, yearOf(m.group(1), MONTHS.get(lower(m.group(2))), m.group(3), today), today);
    }
    m = WEEKDAY_DAY_MONTH.matcher(text);
    while (m.find()) {
      latest =
          later(
              latest, yearOf(m.group(1), MONTHS.get(lower(m.group(3))), m.group(2), today), today);
    }
    return latest;
  }

  private static LocalDate yearOf(String weekday, Integer month, String day, LocalDate today) {
    return month == null
        ? null
        : latestOnWeekday(WEEKDAYS.get(lower(weekday)), month, Integer.parseInt(day), today);
  }

  /**
   * The latest day, back from today and at most {@value #YEARS_BACK} years, on which the day and
   * month fell on the weekday; null when none did. The lexical path reads other languages' weekdays
   * with it too.
   */
  public static LocalDate latestOnWeekday(DayOfWeek weekday, int month, int day, LocalDate today) {
    for (int year = today.getYear(); year > today.getYear() - YEARS_BACK; year--) {
      LocalDate candidate = date(String.valueOf(year), month, String.valueOf(day));
      if (candidate != null && !candidate.isAfter(today) && candidate.getDayOfWeek() == weekday) {
        return candidate;
      }
    }
    return null;
  }

  private static LocalDate date(String year, Integer month, String day) {
    if (month == null) {
      return null;
    }
    try {
      return LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static LocalDate later(LocalDate latest, LocalDate candidate, LocalDate today) {
    if (candidate == null || candidate.isAfter(today) || candidate.getYear() < 1900) {
      return latest;
    }
    return latest == null || candidate.isAfter(latest) ? candidate : latest;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
