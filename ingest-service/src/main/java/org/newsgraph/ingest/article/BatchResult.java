package org.newsgraph.ingest.article;

import java.util.List;
import org.newsgraph.ingest.outbox.OutboxStatus;

/** The answer to a batch: counts, and one result per item in the order received. */
public record BatchResult(int accepted, int duplicates, int rejected, List<Item> results) {

  /**
   * @param code the HTTP status the item would have had alone: 201, 200 (duplicate), 400, 413
   * @param status the article's extraction status; null when rejected
   * @param error why the item was rejected, or null
   */
  public record Item(
      int index, Long id, int code, OutboxStatus status, Long duplicateOf, String error) {}
}
