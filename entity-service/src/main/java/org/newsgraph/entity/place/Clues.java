package org.newsgraph.entity.place;

import java.util.Map;
import java.util.Set;

/**
 * What the text says around a place name, the evidence that tells one "Tripoli" from another.
 *
 * @param qualifier the words after a comma that place the name ("Butler, Pennsylvania"), or null
 * @param division true when the text calls the name a division ("Helmand province")
 * @param attachedCountry the country the extractor placed the name in from its context (a state
 *     named with it), or null
 * @param sentenceCountries countries of the actors and countries the sentence names
 * @param actorCountries countries of the event's actors
 * @param articleCountries each country the article names (by its actors, countries and places
 *     resolved without doubt), with its share of all such mentions
 * @param articleDivisions first-level divisions of the places the article names without doubt
 */
public record Clues(
    String qualifier,
    boolean division,
    String attachedCountry,
    Set<String> sentenceCountries,
    Set<String> actorCountries,
    Map<String, Double> articleCountries,
    Set<String> articleDivisions) {

  public Clues {
    sentenceCountries = Set.copyOf(sentenceCountries);
    actorCountries = Set.copyOf(actorCountries);
    articleCountries = Map.copyOf(articleCountries);
    articleDivisions = Set.copyOf(articleDivisions);
  }

  /** No evidence: the name alone decides. */
  public static Clues none() {
    return new Clues(null, false, null, Set.of(), Set.of(), Map.of(), Set.of());
  }
}
