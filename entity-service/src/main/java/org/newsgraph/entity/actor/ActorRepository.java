package org.newsgraph.entity.actor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and writes entity.actor and entity.actor_alias. */
@ApplicationScoped
public class ActorRepository {

  private final EntityManager em;

  public ActorRepository(EntityManager em) {
    this.em = em;
  }

  public Optional<Actor> find(String id) {
    return Optional.ofNullable(em.find(Actor.class, id));
  }

  /** The actor an id answers for: itself, or the actor it was merged into. */
  public Optional<Actor> findCurrent(String id) {
    return find(id)
        .map(actor -> actor.mergedInto == null ? actor : em.find(Actor.class, actor.mergedInto));
  }

  public List<ActorAlias> aliases(String actorId) {
    return em.createQuery(
            "from ActorAlias where actorId = :id order by kind, alias", ActorAlias.class)
        .setParameter("id", actorId)
        .getResultList();
  }

  public List<String> mergedIds(String actorId) {
    return em.createQuery("select id from Actor where mergedInto = :id order by id", String.class)
        .setParameter("id", actorId)
        .getResultList();
  }

  public void persist(Actor actor) {
    em.persist(actor);
  }

  /** Adds an alias unless the actor already has it; true when it was added. */
  public boolean addAlias(
      String actorId, String alias, String language, String kind, String origin) {
    int added =
        em.createNativeQuery(
                """
                INSERT INTO entity.actor_alias (actor_id, alias, alias_key, language, origin, kind)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING""")
            .setParameter(1, actorId)
            .setParameter(2, alias)
            .setParameter(3, AliasKey.of(alias))
            .setParameter(4, language)
            .setParameter(5, origin)
            .setParameter(6, kind)
            .executeUpdate();
    return added > 0;
  }

  /**
   * Merges one actor into another: every mention, event role and alias of {@code from} moves to
   * {@code into}, and {@code from} (and whatever was merged into it) answers as {@code into}.
   */
  public void merge(String from, String into) {
    run("UPDATE entity.actor SET merged_into = ?2, updated_at = now() WHERE id = ?1", from, into);
    run(
        "UPDATE entity.actor SET merged_into = ?2, updated_at = now() WHERE merged_into = ?1",
        from,
        into);
    run(
        "UPDATE entity.actor SET parent_id = ?2, updated_at = now() WHERE parent_id = ?1",
        from,
        into);
    run(
        """
        INSERT INTO entity.actor_alias (actor_id, alias, alias_key, language, origin, kind)
        SELECT ?2, alias, alias_key, language, origin, kind FROM entity.actor_alias WHERE actor_id = ?1
        ON CONFLICT DO NOTHING""",
        from,
        into);
    run("DELETE FROM entity.actor_alias WHERE actor_id = ?1", from);
    run("UPDATE entity.mention SET actor_id = ?2 WHERE actor_id = ?1", from, into);
    run(
        """
        DELETE FROM entity.event_mention_actor old WHERE old.actor_id = ?1 AND EXISTS (
          SELECT 1 FROM entity.event_mention_actor kept WHERE kept.event_mention_id = old.event_mention_id
            AND kept.role = old.role AND kept.start_offset = old.start_offset
            AND kept.actor_id = ?2)""",
        from,
        into);
    run("UPDATE entity.event_mention_actor SET actor_id = ?2 WHERE actor_id = ?1", from, into);
    run(
        """
        INSERT INTO entity.event_actor (event_id, actor_id, role)
        SELECT event_id, ?2, role FROM entity.event_actor WHERE actor_id = ?1 ON CONFLICT DO NOTHING""",
        from,
        into);
    run("DELETE FROM entity.event_actor WHERE actor_id = ?1", from);
  }

  /** Marks a change that every replica's actor directory must pick up once it commits. */
  public void bumpRevision() {
    em.createNativeQuery("UPDATE entity.actor_revision SET revision = revision + 1 WHERE id = 1")
        .executeUpdate();
  }

  private void run(String sql, String... values) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < values.length; i++) {
      query.setParameter(i + 1, values[i]);
    }
    query.executeUpdate();
  }

  /**
   * Creates the provisional actors an extraction found (those that exist already stay as they are),
   * on the extraction's own JDBC connection.
   */
  public static void insertProvisional(
      Connection connection, Collection<org.newsgraph.entity.extraction.ProvisionalActor> actors)
      throws SQLException {
    if (actors.isEmpty()) {
      return;
    }
    int inserted = 0;
    try (PreparedStatement actor =
            connection.prepareStatement(
                """
                INSERT INTO entity.actor (id, name, type, country, origin)
                VALUES (?, ?, ?, ?, 'PROVISIONAL') ON CONFLICT (id) DO NOTHING""");
        PreparedStatement alias =
            connection.prepareStatement(
                """
                INSERT INTO entity.actor_alias (actor_id, alias, alias_key, origin, kind)
                VALUES (?, ?, ?, 'PROVISIONAL', 'ALIAS') ON CONFLICT DO NOTHING""")) {
      for (var provisional : actors) {
        actor.setString(1, provisional.id());
        actor.setString(2, provisional.name());
        actor.setString(3, provisional.type());
        actor.setString(4, provisional.country());
        int added = actor.executeUpdate();
        if (added > 0) {
          alias.setString(1, provisional.id());
          alias.setString(2, provisional.name());
          alias.setString(3, AliasKey.of(provisional.name()));
          alias.executeUpdate();
          inserted++;
        }
      }
    }
    if (inserted > 0) {
      try (var bump = connection.createStatement()) {
        bump.executeUpdate("UPDATE entity.actor_revision SET revision = revision + 1 WHERE id = 1");
      }
    }
  }

  /** Maps actor ids to the ids that answer for them now (merged ids to their target). */
  public static Map<String, String> resolve(Connection connection, Collection<String> ids)
      throws SQLException {
    Map<String, String> current = new HashMap<>();
    if (ids.isEmpty()) {
      return current;
    }
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT id, coalesce(merged_into, id) FROM entity.actor WHERE id = ANY (?)")) {
      statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
      try (var rows = statement.executeQuery()) {
        while (rows.next()) {
          current.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    return current;
  }
}
