package org.newsgraph.entity.actor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of entity.actor: a registry, curated or provisional actor. */
@Entity
@Table(name = "actor")
public class Actor {

  @Id public String id;

  @Column(nullable = false)
  public String name;

  @Column(nullable = false)
  public String type;

  @JdbcTypeCode(SqlTypes.CHAR)
  @Column(length = 3)
  public String country;

  @Column(name = "parent_id")
  public String parentId;

  @Column(nullable = false)
  public String origin;

  @Column(name = "merged_into")
  public String mergedInto;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;
}
