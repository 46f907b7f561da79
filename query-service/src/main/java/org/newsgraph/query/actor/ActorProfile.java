package org.newsgraph.query.actor;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.util.List;
import org.newsgraph.query.event.Event;

/**
 * An actor with its monthly mentions, the actors it most often shares events with, and its latest
 * events.
 */
public record ActorProfile(
    @JsonUnwrapped Actor actor,
    List<MonthlyMentions> timeline,
    List<Related> related,
    List<Event> recentEvents) {

  /** Mentions in the month starting on {@code period}. */
  public record MonthlyMentions(LocalDate period, long mentions) {}

  /** Another actor and the number of events both take part in. */
  public record Related(ActorRef actor, long count) {}
}
