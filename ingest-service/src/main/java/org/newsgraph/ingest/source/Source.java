package org.newsgraph.ingest.source;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A feed or sitemap this service polls, with the state of its polling. The poll itself updates the
 * row with SQL ({@link SourceQueue}); this entity serves the API.
 */
@Entity
@Table(name = "source")
public class Source extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String url;

  @Column(name = "url_key")
  public String urlKey;

  public String name;

  @Column(name = "interval_millis")
  public long intervalMillis;

  public String language;
  public String country;
  public boolean paused;

  /** RSS, ATOM or SITEMAP as of the last poll that read it; null before. */
  public String format;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "next_poll_at")
  public Instant nextPollAt;

  @Column(name = "lease_owner")
  public String leaseOwner;

  @Column(name = "lease_until")
  public Instant leaseUntil;

  public String etag;

  @Column(name = "last_modified")
  public String lastModified;

  @Column(name = "last_polled_at")
  public Instant lastPolledAt;

  @Column(name = "last_success_at")
  public Instant lastSuccessAt;

  @Column(name = "last_new_article_at")
  public Instant lastNewArticleAt;

  @Column(name = "last_error")
  public String lastError;

  @Column(name = "last_error_at")
  public Instant lastErrorAt;

  @Column(name = "consecutive_failures")
  public int consecutiveFailures;

  public long polls;
  public long failures;
  public long articles;

  @Column(name = "page_failures")
  public long pageFailures;
}
