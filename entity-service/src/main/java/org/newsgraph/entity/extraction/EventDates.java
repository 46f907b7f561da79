package org.newsgraph.entity.extraction;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsgraph.entity.nlp.TimeExpression;

/** Reads SUTime values that name a calendar day, month, year or decade. */
final class EventDates {

  private static final Pattern DATE =
      Pattern.compile("^(\\d{4})(?:-(\\d{2}))?(?:-(\\d{2}))?(?:T.*)?$");
  private static final Pattern DECADE = Pattern.compile("^(\\d{3})X$");

  private EventDates() {}

  /** The date the expression names, or null when it names none ("now", "two decades"). */
  static EventDate of(TimeExpression time) {
    if (!time.type().equals("DATE") && !time.type().equals("TIME")) {
      return null;
    }
    String value = time.value();
    if (value == null) {
      return null;
    }
    Matcher m = DATE.matcher(value);
    try {
      if (m.matches()) {
        int year = Integer.parseInt(m.group(1));
        if (m.group(3) != null) {
          return new EventDate(
              LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))),
              DatePrecision.DAY,
              true,
              time.span());
        }
        if (m.group(2) != null) {
          return new EventDate(
              LocalDate.of(year, Integer.parseInt(m.group(2)), 1),
              DatePrecision.MONTH,
              true,
              time.span());
        }
        return new EventDate(LocalDate.of(year, 1, 1), DatePrecision.YEAR, true, time.span());
      }
      Matcher decade = DECADE.matcher(value);
      if (decade.matches()) {
        return new EventDate(
            LocalDate.of(Integer.parseInt(decade.group(1)) * 10, 1, 1),
            DatePrecision.YEAR,
            true,
            time.span());
      }
    } catch (java.time.DateTimeException e) {
      return null;
    }
    return null;
  }

  /** The last day of the period a date names. */
  static LocalDate end(EventDate date) {
    return switch (date.precision()) {
      case DAY -> date.date();
      case MONTH -> date.date().plusMonths(1).minusDays(1);
      default -> date.date().plusYears(1).minusDays(1);
    };
  }
}
