package org.newsgraph.query.event;

import java.time.LocalDate;

/**
 * One article's report of an event: the sentence cut from the stored article text, and the trigger
 * as character offsets into that same stored text.
 */
public record EventMention(
    long articleId, String url, LocalDate publishedAt, String sentence, Span trigger) {

  /** Character offsets [start, end) into the article text. */
  public record Span(int start, int end) {}
}
