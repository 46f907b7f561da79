package org.newsgraph.ingest.cleaning;

import java.time.LocalDate;

/**
 * What a reader would call the article.
 *
 * @param headline the headline found above the body, or null
 * @param text the body: paragraphs separated by a blank line, page chrome removed
 * @param publishedAt the date the text itself gives (its {@code date} line or dateline), or null
 */
public record CleanedText(String headline, String text, LocalDate publishedAt) {}
