package org.newsgraph.entity.extraction;

import java.util.Set;

/**
 * Missiles or rockets fired or tested at no one, killing no one and landing in no named country,
 * are a show of force (CAMEO 15), not fighting: "Iran fired three ballistic missiles into the sea".
 */
final class ShowOfForce implements EventStage {

  private static final Set<String> LAUNCH = Set.of("fire", "launch", "test");
  private static final Set<String> MISSILES = Set.of("missile", "rocket");

  @Override
  public LabelledEvent apply(LabelledEvent labelled, ActorIndex actors) {
    ExtractedEvent event = labelled.event();
    boolean fighting = event.type().equals("18") || event.type().equals("19");
    boolean atNoOne =
        event.targets().isEmpty()
            && event.fatalities() == null
            && event.injuries() == null
            && (event.place() == null || event.place().country() == null);
    if (fighting && atNoOne && labelled.triggeredBy(LAUNCH) && labelled.triggeredBy(MISSILES)) {
      return labelled.withType("15");
    }
    return labelled;
  }
}
