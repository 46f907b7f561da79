package org.newsgraph.entity.extraction;

import java.util.Set;

/**
 * A person's rally ("the senator's rally in Springfield") is a campaign event, not a protest (CAMEO
 * 14 is dissent): a rally whose only named parties are people is no event.
 */
final class CampaignRally implements EventStage {

  private static final Set<String> RALLY = Set.of("rally");

  @Override
  public LabelledEvent apply(LabelledEvent labelled, ActorIndex actors) {
    ExtractedEvent event = labelled.event();
    if (!event.type().equals("14") || !labelled.triggeredBy(RALLY) || event.sources().isEmpty()) {
      return labelled;
    }
    boolean people =
        event.sources().stream()
            .allMatch(
                ref ->
                    actors.actor(ref.actorId()) != null
                        && "PERSON".equals(actors.actor(ref.actorId()).type()));
    return people ? null : labelled;
  }
}
