package org.newsgraph.entity.extraction;

import java.util.List;

/**
 * Coercion that names no target (martial law, a curfew, a crackdown: CAMEO 17) imposed by a state's
 * leader or one of its bodies falls on that state's people, so the state is the target: "President
 * Macron imposed a curfew" targets France.
 */
final class OwnPopulation implements EventStage {

  @Override
  public LabelledEvent apply(LabelledEvent labelled, ActorIndex actors) {
    ExtractedEvent event = labelled.event();
    if (!event.type().equals("17") || !event.targets().isEmpty() || event.sources().isEmpty()) {
      return labelled;
    }
    ActorRef source = event.sources().get(0);
    KnownActor state = actors.state(actors.countryOf(source.actorId()));
    if (state == null
        || event.sources().stream().anyMatch(ref -> ref.actorId().equals(state.id()))) {
      return labelled;
    }
    return labelled.withRoles(event.sources(), List.of(new ActorRef(state.id(), source.span())));
  }
}
