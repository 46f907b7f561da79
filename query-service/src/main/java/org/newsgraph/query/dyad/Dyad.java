package org.newsgraph.query.dyad;

import java.time.LocalDate;
import java.util.List;
import org.newsgraph.query.actor.ActorRef;
import org.newsgraph.query.event.Event;

/**
 * Everything between two actors, in both directions: a page of their events (newest first) and the
 * monthly series.
 */
public record Dyad(
    ActorRef a, ActorRef b, List<Event> events, String nextCursor, List<Month> series) {

  /** Events in the month starting on {@code period}, and their mean Goldstein value. */
  public record Month(LocalDate period, long events, double goldstein) {}
}
