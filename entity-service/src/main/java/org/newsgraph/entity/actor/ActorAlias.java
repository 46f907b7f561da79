package org.newsgraph.entity.actor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A row of entity.actor_alias: one name, demonym or metonym of an actor. */
@Entity
@Table(name = "actor_alias")
@IdClass(ActorAlias.Key.class)
public class ActorAlias {

  @Id
  @Column(name = "actor_id")
  public String actorId;

  @Id public String kind;

  @Id public String alias;

  @Column(name = "alias_key", nullable = false)
  public String aliasKey;

  public String language;

  @Column(nullable = false)
  public String origin;

  /** The composite primary key. */
  public static class Key implements Serializable {
    public String actorId;
    public String kind;
    public String alias;

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(actorId, key.actorId)
          && Objects.equals(kind, key.kind)
          && Objects.equals(alias, key.alias);
    }

    @Override
    public int hashCode() {
      return Objects.hash(actorId, kind, alias);
    }
  }
}
