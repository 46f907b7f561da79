package org.newsgraph.entity.actor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;
import org.newsgraph.entity.extraction.KnownActor;

/**
 * Loads the shipped registry into entity.actor and entity.actor_alias when its checksum differs
 * from the one last loaded. Registry rows follow the file; CURATED and PROVISIONAL rows are never
 * touched, and registry actors that left the file stay (mentions may still point at them).
 */
@ApplicationScoped
@Transactional
public class RegistrySync {

  private static final Logger LOG = Logger.getLogger(RegistrySync.class);
  private static final String REGISTRY = "shipped";
  private static final long LOCK = 0x6e67_7265_6769L; // "ngregi": one sync at a time, any replica

  private final EntityManager em;

  public RegistrySync(EntityManager em) {
    this.em = em;
  }

  /**
   * @return true when the database was updated, false when it already held this checksum
   */
  public boolean sync(String checksum, List<KnownActor> actors) {
    em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
        .setParameter(1, LOCK)
        .getSingleResult();
    List<?> stored =
        em.createNativeQuery("SELECT checksum FROM entity.registry_sync WHERE registry = ?1")
            .setParameter(1, REGISTRY)
            .getResultList();
    if (!stored.isEmpty() && checksum.equals(stored.get(0))) {
      return false;
    }
    for (KnownActor actor : actors) {
      em.createNativeQuery(
              """
              INSERT INTO entity.actor (id, name, type, country, origin) VALUES (?1, ?2, ?3, ?4, 'REGISTRY')
              ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type,
                country = excluded.country, updated_at = now()
              WHERE actor.origin = 'REGISTRY'""")
          .setParameter(1, actor.id())
          .setParameter(2, actor.name())
          .setParameter(3, actor.type())
          .setParameter(4, actor.country())
          .executeUpdate();
    }
    // parents in a second pass: a parent may come later in the file than its child
    for (KnownActor actor : actors) {
      em.createNativeQuery(
              """
              UPDATE entity.actor SET parent_id = (SELECT coalesce(p.merged_into, p.id) FROM entity.actor p
                                            WHERE p.id = ?2)
              WHERE id = ?1 AND origin = 'REGISTRY'
                AND parent_id IS DISTINCT FROM (SELECT coalesce(p.merged_into, p.id) FROM entity.actor p
                                                WHERE p.id = ?2)""")
          .setParameter(1, actor.id())
          .setParameter(2, actor.parentId())
          .executeUpdate();
    }
    // registry names are replaced wholesale; a registry actor merged away by a curator gives its
    // names to the actor that absorbed it
    em.createNativeQuery("DELETE FROM entity.actor_alias WHERE origin = 'REGISTRY'")
        .executeUpdate();
    for (KnownActor actor : actors) {
      insertNames(actor, "ALIAS", actor.aliases());
      insertNames(actor, "DEMONYM", actor.demonyms());
      insertNames(actor, "METONYM", actor.metonyms());
    }
    em.createNativeQuery(
            """
            INSERT INTO entity.registry_sync (registry, checksum, actors) VALUES (?1, ?2, ?3)
            ON CONFLICT (registry) DO UPDATE SET checksum = excluded.checksum,
              actors = excluded.actors, synced_at = now()""")
        .setParameter(1, REGISTRY)
        .setParameter(2, checksum)
        .setParameter(3, actors.size())
        .executeUpdate();
    em.createNativeQuery("UPDATE entity.actor_revision SET revision = revision + 1 WHERE id = 1")
        .executeUpdate();
    LOG.infof("Loaded %d registry actors (checksum %s)", actors.size(), checksum);
    return true;
  }

  private void insertNames(KnownActor actor, String kind, List<String> names) {
    for (String name : names) {
      em.createNativeQuery(
              """
              INSERT INTO entity.actor_alias (actor_id, alias, alias_key, origin, kind)
              SELECT coalesce(merged_into, id), ?2, ?3, 'REGISTRY', ?4 FROM entity.actor WHERE id = ?1
              ON CONFLICT DO NOTHING""")
          .setParameter(1, actor.id())
          .setParameter(2, name)
          .setParameter(3, AliasKey.of(name))
          .setParameter(4, kind)
          .executeUpdate();
    }
  }
}
