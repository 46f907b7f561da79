package org.newsgraph.ingest.source;

import java.util.List;

/** One page of the source list, newest first; {@code nextCursor} is null on the last page. */
public record SourcePage(List<SourceView> items, String nextCursor) {}
