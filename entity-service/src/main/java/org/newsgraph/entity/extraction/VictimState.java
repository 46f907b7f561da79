package org.newsgraph.entity.extraction;

import java.util.List;

/**
 * By CAMEO convention, the victims of violence that names no target are the people of the state
 * where it happened: a car bomb at a market in Mogadishu targets Somalia, rebels capturing Aleppo
 * take it from Syria. A state acting inside its own borders is not made its own target.
 */
final class VictimState implements EventStage {

  @Override
  public LabelledEvent apply(LabelledEvent labelled, ActorIndex actors) {
    ExtractedEvent event = labelled.event();
    Place place = event.place();
    boolean violent = event.type().compareTo("18") >= 0;
    if (!violent || !event.targets().isEmpty() || place == null || place.span() == null) {
      return labelled;
    }
    KnownActor state = actors.state(place.country());
    if (state == null
        || event.sources().stream().anyMatch(ref -> ref.actorId().equals(state.id()))) {
      return labelled;
    }
    return labelled.withRoles(event.sources(), List.of(new ActorRef(state.id(), place.span())));
  }
}
