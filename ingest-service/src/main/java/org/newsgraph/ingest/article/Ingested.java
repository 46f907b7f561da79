package org.newsgraph.ingest.article;

/** The outcome of one ingest: whether a new article was stored, and the receipt. */
public record Ingested(boolean created, ArticleReceipt receipt) {}
