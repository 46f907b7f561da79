package org.newsgraph.query.neighbourhood;

import java.time.LocalDate;
import java.util.List;
import org.newsgraph.query.actor.ActorRef;
import org.newsgraph.query.dyad.Dyad;
import org.newsgraph.query.network.Network;

/**
 * What an actor's page draws besides its profile: its events per month and QuadClass, its dyads
 * with the actors it most often shares events with, and the network among them.
 */
public record Neighbourhood(
    ActorRef actor, List<QuadMonth> months, List<DyadSeries> dyads, Network network) {

  /** The actor's events (either side) of one QuadClass (1-4) in the month starting on period. */
  public record QuadMonth(LocalDate period, int quadClass, long events) {}

  /** Another actor, the events both take part in, and their monthly series (as in GET /dyads). */
  public record DyadSeries(ActorRef actor, long events, List<Dyad.Month> series) {}
}
