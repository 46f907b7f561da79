package org.newsgraph.ingest.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An article's place in the extraction queue. Written here only once, when the article is stored;
 * entity-service claims and updates the rows afterwards.
 */
@Entity
@Table(name = "outbox")
public class OutboxEntry extends PanacheEntityBase {

  @Id
  @Column(name = "article_id")
  public Long articleId;

  @Enumerated(EnumType.STRING)
  public OutboxStatus status;

  public int attempts;

  @Column(name = "available_at")
  public Instant availableAt;

  @Column(name = "lease_owner")
  public String leaseOwner;

  @Column(name = "lease_until")
  public Instant leaseUntil;

  @Column(name = "last_error")
  public String lastError;

  @Column(name = "updated_at")
  public Instant updatedAt;

  /** A new entry for a just-stored article, claimable at once. */
  public static OutboxEntry queued(long articleId, Instant now) {
    OutboxEntry entry = new OutboxEntry();
    entry.articleId = articleId;
    entry.status = OutboxStatus.QUEUED;
    entry.availableAt = now;
    entry.updatedAt = now;
    return entry;
  }
}
