package org.newsgraph.entity.extraction;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.newsgraph.entity.nlp.AnalyzedSentence;
import org.newsgraph.entity.nlp.AnalyzedText;
import org.newsgraph.entity.nlp.TimeExpression;

/** When an event happened: its own time expression, else the publication date. */
final class EventDating {

  private final Set<String> timeLimits;

  private static final Pattern YEAR = Pattern.compile("\\b\\d{4}\\b");

  EventDating(Set<String> timeLimits) {
    this.timeLimits = Set.copyOf(timeLimits);
  }

  /**
   * Each time expression of a sentence belongs to the trigger closest to it: in "referred to the
   * Taliban as allies, despite the group being banned since 2003" the year dates the ban only.
   */
  Map<TimeExpression, Integer> timeOwners(AnalyzedSentence s, List<TriggerLexicon.Match> found) {
    Map<TimeExpression, Integer> owner = new java.util.HashMap<>();
    Map<TimeExpression, Integer> best = new java.util.HashMap<>();
    for (TriggerLexicon.Match trigger : found) {
      int[] distance = ParsePaths.distances(s, trigger.head());
      for (TimeExpression time : s.times()) {
        int d = ParsePaths.distance(distance, time.firstToken(), time.lastToken());
        if (d < best.getOrDefault(time, Integer.MAX_VALUE)) {
          best.put(time, d);
          owner.put(time, trigger.head());
        }
      }
    }
    return owner;
  }

  /** The trigger's own time expression, if it names a date; else the publication date. */
  EventDate date(
      AnalyzedSentence s,
      int head,
      LocalDate publishedAt,
      LocalDate anchor,
      Map<TimeExpression, Integer> owner) {
    int[] distance = ParsePaths.distances(s, head);
    EventDate best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (TimeExpression time : s.times()) {
      EventDate date = EventDates.of(time);
      if (date == null || owner.getOrDefault(time, head) != head || isLimit(s, time)) {
        continue;
      }
      int d = ParsePaths.distance(distance, time.firstToken(), time.lastToken());
      if (d < bestDistance && d <= (s.parsed() ? 4 : 12)) {
        best = pastWeekday(date, time, anchor);
        if (publishedAt == null && !YEAR.matcher(time.text()).find()) {
          // "on Saturday" in an undated text counts from a date the text names, which may be
          // another story's ("took office on Jan. 20, 2021"): a guess, no better than a
          // publication date, so other reports' own dates outweigh it
          best = new EventDate(best.date(), best.precision(), false, best.span());
        }
        bestDistance = d;
      }
    }
    if (best != null) {
      return best;
    }
    return publishedAt == null
        ? EventDate.UNKNOWN
        : new EventDate(publishedAt, DatePrecision.DAY, false, null);
  }

  /** A deadline or an end, not a date of the act: "suspend talks until 2028", "by 2030". */
  boolean isLimit(AnalyzedSentence s, TimeExpression time) {
    int before = time.firstToken() - 1;
    return before >= 0 && timeLimits.contains(lower(s.tokens().get(before).word()));
  }

  /** SUTime resolves a bare weekday ("on Tuesday") to the coming one; news reports the past one. */
  EventDate pastWeekday(EventDate date, TimeExpression time, LocalDate anchor) {
    if (anchor == null || date.precision() != DatePrecision.DAY || !date.date().isAfter(anchor)) {
      return date;
    }
    String words = lower(time.text());
    boolean weekday =
        java.util.Arrays.stream(java.time.DayOfWeek.values())
            .anyMatch(d -> words.contains(lower(d.name())));
    return weekday
        ? new EventDate(date.date().minusDays(7), date.precision(), true, date.span())
        : date;
  }

  LocalDate latestDate(AnalyzedText text) {
    LocalDate latest = null;
    for (AnalyzedSentence s : text.sentences()) {
      for (TimeExpression time : s.times()) {
        EventDate date = EventDates.of(time);
        if (date != null && (latest == null || date.date().isAfter(latest))) {
          latest = date.date();
        }
      }
    }
    return latest;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
