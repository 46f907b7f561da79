package org.newsgraph.entity.registry;

import java.util.List;
import org.newsgraph.entity.extraction.ActorDirectory;
import org.newsgraph.entity.extraction.KnownActor;

/**
 * A fixed set of actors, such as the shipped registry, for the NLP core and its tests; the service
 * serves the database-backed directory instead.
 */
public final class RegistryDirectory implements ActorDirectory {

  private final List<KnownActor> actors;

  public RegistryDirectory(List<KnownActor> actors) {
    this.actors = List.copyOf(actors);
  }

  /** The shipped registry. */
  public static RegistryDirectory shipped() {
    return new RegistryDirectory(RegistryFile.load().actors());
  }

  @Override
  public List<KnownActor> actors() {
    return actors;
  }

  /** Never changes: the actors are fixed at construction. */
  @Override
  public long revision() {
    return 0;
  }
}
