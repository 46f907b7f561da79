package org.newsgraph.entity.extraction;

import java.util.List;

/**
 * The actors the extractor resolves names against: the shipped registry plus what curators and
 * earlier extractions added.
 */
public interface ActorDirectory {

  /** Every active (not merged-away) actor, each with all its names. */
  List<KnownActor> actors();

  /** Grows whenever an actor or alias is added, so that matchers know when to rebuild. */
  long revision();
}
