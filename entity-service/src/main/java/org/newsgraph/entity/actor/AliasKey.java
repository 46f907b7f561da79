package org.newsgraph.entity.actor;

import org.newsgraph.entity.registry.RegistryFile;

/** The keys under which actor names and ids are stored. */
public final class AliasKey {

  private AliasKey() {}

  /** The normalised name stored in actor_alias.alias_key: the registry's own normalisation. */
  public static String of(String name) {
    return RegistryFile.nameKey(name);
  }

  /** A readable slug id for a name: "Islamic State Khorasan" → "islamic-state-khorasan". */
  public static String slug(String name) {
    return of(name).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
  }
}
