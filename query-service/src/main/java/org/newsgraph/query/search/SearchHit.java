package org.newsgraph.query.search;

import java.time.LocalDate;
import java.util.List;
import org.newsgraph.query.actor.ActorRef;

/**
 * An article matching a full-text query; the snippet marks matched words with {@code <mark>} and is
 * not HTML-escaped (it is plain article text).
 */
public record SearchHit(
    long articleId,
    String url,
    String title,
    String source,
    LocalDate publishedAt,
    String snippet,
    List<ActorRef> actors) {}
