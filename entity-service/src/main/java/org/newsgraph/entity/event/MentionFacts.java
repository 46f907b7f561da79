package org.newsgraph.entity.event;

import java.time.LocalDate;
import java.util.Set;
import org.newsgraph.entity.extraction.DatePrecision;
import org.newsgraph.entity.extraction.Factuality;
import org.newsgraph.entity.extraction.Place;

/**
 * What the grouping of event mentions looks at in one mention.
 *
 * @param dateFromText false when the date fell back to the publication date
 * @param publishedAt the article's publication date, or null
 * @param place the place name the sentence gives, or null
 * @param geo where the place lies, when it was resolved (only its point and precision), or null
 * @param actors the mention's source and target actors (current ids)
 * @param sources the mention's source actors, a subset of actors
 * @param context content words of the trigger's sentence
 */
public record MentionFacts(
    long id,
    long articleId,
    int triggerStart,
    String type,
    Factuality factuality,
    boolean historical,
    LocalDate date,
    DatePrecision precision,
    boolean dateFromText,
    LocalDate publishedAt,
    String place,
    String country,
    Place.Geo geo,
    Set<String> actors,
    Set<String> sources,
    Set<String> context) {

  public MentionFacts {
    actors = Set.copyOf(actors);
    sources = Set.copyOf(sources);
    context = Set.copyOf(context);
  }
}
