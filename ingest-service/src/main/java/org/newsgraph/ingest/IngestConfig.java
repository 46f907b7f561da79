package org.newsgraph.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.OptionalInt;

/** Every setting of the ingest service, under {@code newsgraph.ingest}. */
@ConfigMapping(prefix = "newsgraph.ingest")
public interface IngestConfig {

  /**
   * Largest accepted article in bytes: the body of a single POST, one NDJSON line, or one string in
   * a JSON array batch. Larger ones are refused with 413.
   */
  @WithDefault("2097152")
  int maxArticleBytes();

  /**
   * Most characters of text an article may hold once cleaned (an HTML page is measured by its
   * article text, not its markup); longer ones are refused with 413. Extraction must finish what
   * ingest accepts within entity-service's per-article time budget: this many characters take about
   * half a minute.
   */
  @WithDefault("200000")
  int maxTextChars();

  /** Most items one POST /articles/batch may hold; the items after it are rejected. */
  @WithDefault("10000")
  int maxBatchItems();

  /**
   * New articles of a batch stored per transaction (with their outbox rows). A chunk that fails in
   * the database is stored again one article at a time, so only the failing item is rejected.
   */
  @WithDefault("250")
  int batchChunkSize();

  /**
   * Characters of article content (text or HTML) a batch may hold in memory at once: read ahead,
   * being prepared, waiting in a chunk and being stored; bounds a batch's memory whatever the size
   * of its items.
   */
  @WithDefault("16000000")
  long batchBufferChars();

  /**
   * Threads that prepare batch items (cleaning, language, fingerprints) while others read and store
   * them; shared by all batches. Default: one per processor.
   */
  OptionalInt preparationThreads();

  /** Languages the detector chooses among (ISO 639-1); fewer languages, less memory. */
  @WithDefault("en,fr,de,es,pt,it,nl,ru,uk,pl,tr,ar,fa,ur,hi,zh,ja,ko,id,sw")
  List<String> languages();

  /**
   * Estimated Jaccard similarity of word shingles at or above which an article is stored as a
   * near-duplicate of an earlier one.
   */
  @WithDefault("0.8")
  double nearDuplicateSimilarity();

  /**
   * Most distinct {@code source} tag values on the ingest metrics; later sources count as "other".
   */
  @WithDefault("50")
  int metricSources();
}
