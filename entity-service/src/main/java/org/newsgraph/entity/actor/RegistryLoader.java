package org.newsgraph.entity.actor;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.newsgraph.entity.registry.RegistryFile;

/**
 * Brings the shipped registry into the database at startup, before the workers start (they need the
 * actor directory).
 */
@ApplicationScoped
public class RegistryLoader {

  private final RegistrySync sync;
  private final DatabaseActorDirectory directory;

  public RegistryLoader(RegistrySync sync, DatabaseActorDirectory directory) {
    this.sync = sync;
    this.directory = directory;
  }

  void load(@Observes @Priority(10) StartupEvent startup) {
    RegistryFile registry = RegistryFile.load();
    sync.sync(registry.checksum(), registry.actors());
    directory.refreshIfChanged();
  }
}
