package org.newsgraph.ingest.source;

import java.util.List;

/** A feed or sitemap as read: its format and its entries in the order it lists them. */
record FeedDocument(Format format, List<FeedEntry> entries) {

  enum Format {
    RSS,
    ATOM,
    SITEMAP
  }
}
