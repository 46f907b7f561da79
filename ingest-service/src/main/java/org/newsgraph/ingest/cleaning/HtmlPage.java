package org.newsgraph.ingest.cleaning;

import java.time.LocalDate;

/**
 * What a web page says about its article.
 *
 * @param title from {@code og:title}, the readability headline or {@code <title>}; or null
 * @param text the main text, paragraphs separated by a blank line, not yet cleaned
 * @param canonicalUrl from {@code <link rel=canonical>} or {@code og:url}; or null
 * @param publishedAt from {@code <meta>}, JSON-LD {@code datePublished} or {@code <time>}; or null
 */
public record HtmlPage(String title, String text, String canonicalUrl, LocalDate publishedAt) {}
