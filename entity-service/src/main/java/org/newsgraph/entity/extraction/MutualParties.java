package org.newsgraph.entity.extraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * "Armenia and Azerbaijan exchanged prisoners", "talks between India and Pakistan": the coordinated
 * parties of a mutual act act on each other. The first party named is the source and the parties of
 * another side are its targets; co-parties of one side (a leader and his state, a group and its
 * chief) stay sources together.
 */
final class MutualParties implements EventStage {

  private final Set<String> mutualLemmas;

  /**
   * @param mutualLemmas trigger lemmas of acts that need two sides (rules/&lt;lang&gt;/mutual.txt)
   */
  MutualParties(Set<String> mutualLemmas) {
    this.mutualLemmas = Set.copyOf(mutualLemmas);
  }

  @Override
  public LabelledEvent apply(LabelledEvent labelled, ActorIndex actors) {
    ExtractedEvent event = labelled.event();
    if (!labelled.triggeredBy(mutualLemmas)
        || event.sources().size() < 2
        || !event.targets().isEmpty()) {
      return labelled;
    }
    List<ActorRef> named = new ArrayList<>(event.sources());
    named.sort(Comparator.comparingInt(ref -> ref.span().start()));
    String side = side(named.get(0).actorId(), actors);
    List<ActorRef> sources = new ArrayList<>();
    List<ActorRef> targets = new ArrayList<>();
    for (ActorRef ref : named) {
      (Objects.equals(side(ref.actorId(), actors), side) ? sources : targets).add(ref);
    }
    return targets.isEmpty() ? labelled : labelled.withRoles(sources, targets);
  }

  /** The side an actor is on: its country when known, else the actor itself. */
  private static String side(String actorId, ActorIndex actors) {
    String country = actors.countryOf(actorId);
    return country != null ? country : actorId;
  }
}
