package org.newsgraph.entity.extraction;

import java.time.LocalDate;

/**
 * When an event happened.
 *
 * @param date the first day of the period the precision names; null when UNKNOWN
 * @param fromText true when the event's own time expression gave it, false when it fell back to the
 *     publication date
 * @param span the time expression, or null when none
 */
public record EventDate(LocalDate date, DatePrecision precision, boolean fromText, Span span) {

  public static final EventDate UNKNOWN = new EventDate(null, DatePrecision.UNKNOWN, false, null);
}
