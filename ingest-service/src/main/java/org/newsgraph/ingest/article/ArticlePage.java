package org.newsgraph.ingest.article;

import java.util.List;

/** One page of the article list; {@code nextCursor} is null on the last page. */
public record ArticlePage(List<ArticleView> items, String nextCursor) {}
