package org.newsgraph.entity.extraction;

/**
 * One stage of event extraction after role labelling. Each stage owns one concern (who the parties
 * of a mutual act are, what a show of force is, whose people an attack hits) and reads the event it
 * is given, never another stage's state, so that stages can be tested and reordered one at a time.
 */
interface EventStage {

  /** The event refined, or null when this stage finds it is no event. */
  LabelledEvent apply(LabelledEvent event, ActorIndex actors);
}
