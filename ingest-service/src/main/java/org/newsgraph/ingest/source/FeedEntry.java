package org.newsgraph.ingest.source;

import java.net.URI;
import java.time.LocalDate;

/**
 * One item of a feed or sitemap: the page to fetch and what the feed says about it.
 *
 * @param guid the feed's own id of the entry (RSS guid, Atom id), or null
 * @param title the entry's title, or null
 * @param publishedAt the publication day the feed gives, or null
 */
record FeedEntry(URI url, String guid, String title, LocalDate publishedAt) {}
