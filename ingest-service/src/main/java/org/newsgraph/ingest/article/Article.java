package org.newsgraph.ingest.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored article. Its text never changes once stored: extraction offsets refer to it. */
@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String url;

  @Column(name = "url_key")
  public String urlKey;

  public String source;
  public String title;
  public String text;

  @Column(name = "text_hash")
  public byte[] textHash;

  @Column(name = "raw_content")
  public String rawContent;

  @Column(name = "raw_content_type")
  public String rawContentType;

  @Column(name = "published_at")
  public LocalDate publishedAt;

  /** METADATA (given by the client or the page's metadata) or TEXT; null when undated. */
  @Column(name = "published_at_origin")
  public String publishedAtOrigin;

  public String language;

  @Column(name = "language_confidence")
  public Float languageConfidence;

  @JdbcTypeCode(SqlTypes.JSON)
  public Map<String, Double> languages;

  @JdbcTypeCode(SqlTypes.ARRAY)
  public int[] minhash;

  @Column(name = "minhash_bands")
  @JdbcTypeCode(SqlTypes.ARRAY)
  public long[] minhashBands;

  @Column(name = "near_duplicate_of")
  public Long nearDuplicateOf;

  @Column(name = "ingested_at")
  public Instant ingestedAt;
}
