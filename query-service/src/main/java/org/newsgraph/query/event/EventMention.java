package org.newsgraph.query.event;

import java.time.LocalDate;
import java.util.List;

/**
 * One article's report of an event: the sentence cut from the stored article text, and the trigger,
 * the actors and the figures as character offsets into that same stored text ({@code sentenceStart}
 * is where the sentence begins in it).
 */
public record EventMention(
    long articleId,
    String url,
    String title,
    String source,
    LocalDate publishedAt,
    String sentence,
    int sentenceStart,
    Span trigger,
    List<ActorSpan> actors,
    List<Figure> figures) {

  /** Character offsets [start, end) into the article text. */
  public record Span(int start, int end) {}

  /** An actor as this report names it, on its side of the event (SOURCE or TARGET). */
  public record ActorSpan(String id, String name, String role, int start, int end) {}

  /**
   * A casualty figure of this report ({@code kind} FATALITIES or INJURIES); start and end are null
   * when the extraction kept no offsets for it.
   */
  public record Figure(String kind, int value, String qualifier, Integer start, Integer end) {}
}
