package org.newsgraph.entity.extraction.lexical;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsgraph.entity.extraction.DatePrecision;
import org.newsgraph.entity.extraction.EventDate;
import org.newsgraph.entity.extraction.Span;
import org.newsgraph.entity.extraction.TextDates;

/**
 * Date expressions of one sentence in any language whose month and weekday names the JDK knows: "el
 * 17 de septiembre", "17 апреля", "le 3 janvier 2024", "am 3. Januar", "06.06.2023", "(29/07)",
 * "2019년 4월", "13일", "este domingo", "hier". A day and month without a year take the year that puts
 * them on or before the anchor, else the latest year the text names; a weekday is the last such day
 * on or before the anchor. The anchor is the publication date, else, for an undated text, the
 * latest date the text names outright: a full date, or a weekday with its day and month
 * ("segunda-feira (29/07)"), whose year is the latest in which that day fell on that weekday, as
 * {@link TextDates} finds it for English. Days counted from such an anchor ("ayer", "am Samstag")
 * are as weak as a publication date.
 */
final class DateFinder {

  /** A date expression over words first..last. */
  record Found(EventDate date, int first, int last) {}

  private static final Pattern NUMERIC =
      Pattern.compile("^(\\d{1,2})[./](\\d{1,2})(?:[./](\\d{4}))?$");

  /** How far past the anchor a yearless date may fall (a report dated a little early). */
  private static final int AHEAD_DAYS = 7;

  private final LanguageRules rules;
  private final LocalDate anchor;
  private final boolean anchorFromText;
  private final Integer textYear;
  private final LocalDate today;

  private DateFinder(
      LanguageRules rules,
      LocalDate anchor,
      boolean anchorFromText,
      Integer textYear,
      LocalDate today) {
    this.rules = rules;
    this.anchor = anchor;
    this.anchorFromText = anchorFromText;
    this.textYear = textYear;
    this.today = today;
  }

  /**
   * @param publishedAt the publication date, or null
   * @param today the day of the extraction: no date the text names outright lies after it
   */
  static DateFinder of(
      LanguageRules rules, List<Sentence> sentences, LocalDate publishedAt, LocalDate today) {
    Integer textYear = latestYear(sentences);
    if (publishedAt != null) {
      return new DateFinder(rules, publishedAt, false, textYear, today);
    }
    DateFinder outright = new DateFinder(rules, null, false, null, today);
    LocalDate latest = null;
    for (Sentence sentence : sentences) {
      for (Found found : outright.find(sentence.words())) {
        LocalDate date = found.date().date();
        if (found.date().precision() == DatePrecision.DAY
            && !date.isAfter(today)
            && (latest == null || date.isAfter(latest))) {
          latest = date;
        }
      }
    }
    return new DateFinder(rules, latest, latest != null, textYear, today);
  }

  /** The latest plausible year (1900–2100) among the numbers of the text, or null. */
  static Integer latestYear(List<Sentence> sentences) {
    Integer latest = null;
    for (Sentence sentence : sentences) {
      for (Word word : sentence.words()) {
        if (word.text().matches("(19|20)\\d\\d")) {
          int year = Integer.parseInt(word.text());
          latest = latest == null ? year : Math.max(latest, year);
        }
      }
    }
    return latest;
  }

  List<Found> find(List<Word> words) {
    List<Found> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      Found found = at(words, i);
      if (found != null) {
        out.add(found);
        i = found.last();
      }
    }
    return out;
  }

  private Found at(List<Word> words, int i) {
    Found dayMonth = dayMonth(words, i);
    if (dayMonth != null) {
      return dayMonth;
    }
    LanguageRules.Phrase weekday = rules.match("weekday", words, i);
    if (weekday != null) {
      int last = i + weekday.folds().size() - 1;
      DayOfWeek day = DayOfWeek.of(Integer.parseInt(weekday.value()));
      Found after = last + 1 < words.size() ? weekdayDate(day, words, last + 1) : null;
      if (after != null) {
        return new Found(after.date(), i, after.last());
      }
      if (anchor != null) {
        return counted(anchor.with(TemporalAdjusters.previousOrSame(day)), words, i, last);
      }
      return null;
    }
    LanguageRules.Phrase relative = rules.match("relative-day", words, i);
    if (relative != null && anchor != null) {
      int last = i + relative.folds().size() - 1;
      return counted(anchor.plusDays(Integer.parseInt(relative.value())), words, i, last);
    }
    Matcher numeric = NUMERIC.matcher(words.get(i).text());
    if (numeric.matches()) {
      Integer year = numeric.group(3) == null ? null : Integer.parseInt(numeric.group(3));
      return day(
          year,
          Integer.parseInt(numeric.group(2)),
          Integer.parseInt(numeric.group(1)),
          words,
          i,
          i);
    }
    return units(words, i);
  }

  /**
   * The day and month after a weekday ("lunes 3 de marzo", "segunda-feira (29/07)"): without a year
   * and without an anchor, the year is the latest in which that day was that weekday.
   */
  private Found weekdayDate(DayOfWeek weekday, List<Word> words, int at) {
    Matcher numeric = NUMERIC.matcher(words.get(at).text());
    Integer day = null;
    Integer month = null;
    int last = at;
    if (numeric.matches() && numeric.group(3) == null) {
      day = Integer.parseInt(numeric.group(1));
      month = Integer.parseInt(numeric.group(2));
    } else if (dayNumber(words.get(at)) != null) {
      int j = skip("date-of", words, at + 1);
      LanguageRules.Phrase named = j < words.size() ? rules.match("month", words, j) : null;
      int end = named == null ? -1 : j + named.folds().size() - 1;
      int y = skip("date-of", words, end + 1);
      if (named != null && (y >= words.size() || yearNumber(words.get(y)) == null)) {
        day = dayNumber(words.get(at));
        month = Integer.parseInt(named.value());
        last = end;
      }
    }
    if (day == null) {
      return dayMonth(words, at);
    }
    if (anchor != null) {
      return day(null, month, day, words, at, last);
    }
    LocalDate date = TextDates.latestOnWeekday(weekday, month, day, today);
    return date == null ? null : found(date, DatePrecision.DAY, words, at, last);
  }

  /** "17 de septiembre [de 2024]", "3. Januar", "September 17[, 2024]", "noviembre de 2023". */
  private Found dayMonth(List<Word> words, int i) {
    Integer day = dayNumber(words.get(i));
    if (day != null) {
      int j = skip("date-of", words, i + 1);
      LanguageRules.Phrase month = j < words.size() ? rules.match("month", words, j) : null;
      if (month != null) {
        int last = j + month.folds().size() - 1;
        int y = skip("date-of", words, last + 1);
        Integer year = y < words.size() ? yearNumber(words.get(y)) : null;
        return day(year, Integer.parseInt(month.value()), day, words, i, year == null ? last : y);
      }
      return null;
    }
    LanguageRules.Phrase month = rules.match("month", words, i);
    if (month == null) {
      return null;
    }
    int last = i + month.folds().size() - 1;
    int next = last + 1;
    Integer after = next < words.size() ? dayNumber(words.get(next)) : null;
    if (after != null) {
      Integer year = next + 1 < words.size() ? yearNumber(words.get(next + 1)) : null;
      return day(
          year, Integer.parseInt(month.value()), after, words, i, year == null ? next : next + 1);
    }
    int y = skip("date-of", words, next);
    Integer year = y < words.size() ? yearNumber(words.get(y)) : null;
    if (year != null) {
      return found(
          LocalDate.of(year, Integer.parseInt(month.value()), 1), DatePrecision.MONTH, words, i, y);
    }
    return null;
  }

  /** Counting units after numbers, as in Korean or Chinese: "2019년 4월", "13일", "이달 2일". */
  private Found units(List<Word> words, int i) {
    Integer year = null;
    Integer month = null;
    Integer day = null;
    int j = i;
    int last = -1;
    while (j + 1 < words.size() && words.get(j).isNumber()) {
      String unit = unitOf(words.get(j + 1));
      if (unit == null) {
        break;
      }
      int value = Integer.parseInt(words.get(j).text());
      switch (unit) {
        case "year" -> year = value;
        case "month" -> month = value;
        default -> day = value;
      }
      last = j + 1;
      j += 2;
    }
    if (last < 0) {
      return null;
    }
    if (day != null) {
      if (month == null && anchor != null) {
        LocalDate inMonth =
            safeDate(year == null ? anchor.getYear() : year, anchor.getMonthValue(), day);
        if (inMonth != null && inMonth.isAfter(anchor.plusDays(AHEAD_DAYS))) {
          inMonth = inMonth.minusMonths(1);
        }
        return inMonth == null ? null : found(inMonth, DatePrecision.DAY, words, i, last);
      }
      return month == null ? null : day(year, month, day, words, i, last);
    }
    if (month != null && year != null) {
      LocalDate first = safeDate(year, month, 1);
      return first == null ? null : found(first, DatePrecision.MONTH, words, i, last);
    }
    if (year != null && month == null) {
      return found(LocalDate.of(year, 1, 1), DatePrecision.YEAR, words, i, last);
    }
    return null;
  }

  private String unitOf(Word word) {
    for (String unit : List.of("year", "month", "day")) {
      if (rules.startsWith(unit + "-unit", word)) {
        return unit;
      }
    }
    return null;
  }

  private int skip(String cls, List<Word> words, int at) {
    return at < words.size() && rules.is(cls, words.get(at)) ? at + 1 : at;
  }

  private static Integer dayNumber(Word word) {
    if (!word.text().matches("\\d{1,2}")) {
      return null;
    }
    int day = Integer.parseInt(word.text());
    return day >= 1 && day <= 31 ? day : null;
  }

  private static Integer yearNumber(Word word) {
    return word.text().matches("(19|20)\\d\\d") ? Integer.parseInt(word.text()) : null;
  }

  private Found day(Integer year, int month, int day, List<Word> words, int first, int last) {
    if (year != null) {
      LocalDate date = safeDate(year, month, day);
      return date == null ? null : found(date, DatePrecision.DAY, words, first, last);
    }
    LocalDate reference =
        anchor != null ? anchor : textYear == null ? null : LocalDate.of(textYear, 12, 31);
    if (reference == null) {
      return null;
    }
    LocalDate date = safeDate(reference.getYear(), month, day);
    if (date != null && anchor != null && date.isAfter(anchor.plusDays(AHEAD_DAYS))) {
      date = safeDate(reference.getYear() - 1, month, day);
    }
    return date == null ? null : found(date, DatePrecision.DAY, words, first, last);
  }

  private static LocalDate safeDate(int year, int month, int day) {
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** A day counted from the anchor: from a date the text names, it is no stronger than that. */
  private Found counted(LocalDate date, List<Word> words, int first, int last) {
    Found found = found(date, DatePrecision.DAY, words, first, last);
    if (!anchorFromText) {
      return found;
    }
    EventDate weak = new EventDate(date, DatePrecision.DAY, false, found.date().span());
    return new Found(weak, first, last);
  }

  private static Found found(
      LocalDate date, DatePrecision precision, List<Word> words, int first, int last) {
    Span span = new Span(words.get(first).span().start(), words.get(last).span().end());
    return new Found(new EventDate(date, precision, true, span), first, last);
  }
}
