package org.newsgraph.entity.event;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.newsgraph.entity.extraction.ActorRef;
import org.newsgraph.entity.extraction.DatePrecision;
import org.newsgraph.entity.extraction.EventDate;
import org.newsgraph.entity.extraction.ExtractedEvent;
import org.newsgraph.entity.extraction.Factuality;
import org.newsgraph.entity.extraction.Figure;
import org.newsgraph.entity.extraction.Place;
import org.newsgraph.entity.extraction.Qualifier;
import org.newsgraph.entity.extraction.Span;

/** Builds event mentions with valid offsets into an article made of the sentences given. */
public final class EventScenario {

  /** One sentence of an article and the event mention it reports. */
  public record Sentence(
      String text,
      String trigger,
      String type,
      List<String> sources,
      List<String> targets,
      EventDate date,
      String country,
      String place,
      Integer fatalities,
      Qualifier qualifier,
      Factuality factuality,
      boolean historical) {

    public Sentence factuality(Factuality value) {
      return new Sentence(
          text,
          trigger,
          type,
          sources,
          targets,
          date,
          country,
          place,
          fatalities,
          qualifier,
          value,
          historical);
    }

    public Sentence asBackground() {
      return new Sentence(
          text,
          trigger,
          type,
          sources,
          targets,
          date,
          country,
          place,
          fatalities,
          qualifier,
          factuality,
          true);
    }

    public Sentence killed(int value, Qualifier how) {
      return new Sentence(
          text,
          trigger,
          type,
          sources,
          targets,
          date,
          country,
          place,
          value,
          how,
          factuality,
          historical);
    }

    /** The town the sentence names, in the country given. */
    public Sentence at(String town) {
      return new Sentence(
          text,
          trigger,
          type,
          sources,
          targets,
          date,
          country,
          town,
          fatalities,
          qualifier,
          factuality,
          historical);
    }
  }

  /** An article's text and its event mentions. */
  public record Article(String text, List<ExtractedEvent> events) {}

  private EventScenario() {}

  public static Sentence sentence(
      String text,
      String trigger,
      String type,
      List<String> sources,
      List<String> targets,
      EventDate date,
      String country) {
    return new Sentence(
        text,
        trigger,
        type,
        sources,
        targets,
        date,
        country,
        null,
        null,
        null,
        Factuality.ASSERTED,
        false);
  }

  public static EventDate day(String date) {
    return new EventDate(LocalDate.parse(date), DatePrecision.DAY, true, null);
  }

  public static EventDate month(String date) {
    return new EventDate(LocalDate.parse(date), DatePrecision.MONTH, true, null);
  }

  public static EventDate year(int year) {
    return new EventDate(LocalDate.of(year, 1, 1), DatePrecision.YEAR, true, null);
  }

  /** Neither the text nor the article gives a date. */
  public static EventDate undated() {
    return new EventDate(null, DatePrecision.UNKNOWN, false, null);
  }

  public static EventDate published(String date) {
    return new EventDate(LocalDate.parse(date), DatePrecision.DAY, false, null);
  }

  public static Article article(Sentence... sentences) {
    StringBuilder text = new StringBuilder();
    List<ExtractedEvent> events = new ArrayList<>();
    for (Sentence s : sentences) {
      if (text.length() > 0) {
        text.append(' ');
      }
      int start = text.length();
      text.append(s.text());
      Span sentence = new Span(start, text.length());
      int at = s.text().indexOf(s.trigger());
      if (at < 0) {
        throw new IllegalArgumentException("no trigger '" + s.trigger() + "' in " + s.text());
      }
      Span trigger = new Span(start + at, start + at + s.trigger().length());
      events.add(
          new ExtractedEvent(
              s.type(),
              trigger,
              s.trigger(),
              sentence,
              s.sources().stream().map(id -> new ActorRef(id, sentence)).toList(),
              s.targets().stream().map(id -> new ActorRef(id, sentence)).toList(),
              s.date(),
              s.country() == null
                  ? null
                  : new Place(
                      s.place() == null ? s.country() + "-place" : s.place(), s.country(), null),
              s.fatalities() == null ? null : new Figure(s.fatalities(), s.qualifier(), trigger),
              null,
              s.factuality(),
              s.historical(),
              0.6));
    }
    return new Article(text.toString(), events);
  }
}
