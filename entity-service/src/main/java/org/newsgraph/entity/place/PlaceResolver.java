package org.newsgraph.entity.place;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.entity.place.GeoPlace.Kind;

/**
 * Resolves a place name to one gazetteer entry with the evidence Mordecai weighs: how well the name
 * matches, how big and important the place is, the country of the sentence and of the article, the
 * other places the article names and the countries of the event's actors. Every candidate gets a
 * score, a sum of weights (below); the best one wins when it is clear of the runner-up in another
 * country or far away. Otherwise the resolver abstains: it falls back to the country when every
 * close candidate lies in one, and gives nothing when they do not. Thread-safe.
 */
public final class PlaceResolver {

  /** A resolved name and how far its score is ahead of the nearest different reading. */
  public record Resolved(GeoPlace place, double margin) {

    /** Clear enough to count as evidence for the other names of the article. */
    public boolean certain() {
      return margin >= 1.5;
    }
  }

  // Priors: a country's name nearly always means the country; a division's name less often than
  // the city of the same name ("Idlib", "Donetsk"), unless the text says "province".
  private static final double COUNTRY_PRIOR = 6.0;
  private static final double SEA_PRIOR = 5.0;
  private static final double ADMIN1_PRIOR = 1.0;
  private static final double ADMIN2_PRIOR = 0.5;
  private static final double DIVISION_POPULATION = 0.3;
  private static final double CITY_POPULATION = 0.5;
  private static final double QUARTER_PENALTY = 1.0;

  // Evidence
  private static final double QUALIFIED = 6.0;
  private static final double ATTACHED_COUNTRY = 3.0;
  private static final double SENTENCE_COUNTRY = 2.5;
  private static final double ARTICLE_COUNTRY = 3.0;
  private static final double ARTICLE_DIVISION = 1.5;
  private static final double ACTOR_COUNTRY = 1.0;
  private static final double DIVISION_NAMED = 3.0;
  private static final double CITY_WHEN_DIVISION_NAMED = -1.0;

  /** Below this nothing is taken: a village of a thousand people with no evidence for it. */
  private static final double MINIMUM = 2.0;

  /** Readings closer than this are too close to call. */
  private static final double MARGIN = 0.5;

  /** Two entries closer than this are one place for the purpose of ambiguity (city and seat). */
  private static final double SAME_PLACE_KM = 100;

  /** A qualifier that is a city places a name within this distance of it. */
  private static final double NEAR_KM = 150;

  private final Gazetteer gazetteer;

  public PlaceResolver(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  public Gazetteer gazetteer() {
    return gazetteer;
  }

  /**
   * @param extraCountries further names of countries (normalised with {@link Gazetteer#key}) to ISO
   *     alpha-3 codes: the actor registry's names of states
   */
  public Optional<Resolved> resolve(String name, Clues clues, Map<String, String> extraCountries) {
    String head = name;
    String qualifier = clues.qualifier();
    int comma = name.indexOf(',');
    if (comma > 0) {
      head = name.substring(0, comma);
      qualifier = name.substring(comma + 1).strip();
    }
    boolean division =
        clues.division() || !Gazetteer.withoutDivisionWords(Gazetteer.key(head)).equals(key(head));
    List<GeoPlace> candidates = candidates(head, extraCountries);
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    List<GeoPlace> qualifiers =
        qualifier == null || qualifier.isBlank()
            ? List.of()
            : candidates(qualifier, extraCountries);

    Map<GeoPlace, Double> scores = new LinkedHashMap<>();
    for (GeoPlace candidate : candidates) {
      scores.put(candidate, score(candidate, clues, division, qualifiers, candidates, head));
    }
    List<GeoPlace> ranked = new ArrayList<>(scores.keySet());
    ranked.sort(Comparator.comparingDouble((GeoPlace c) -> -scores.get(c)));
    GeoPlace best = ranked.get(0);
    double bestScore = scores.get(best);
    GeoPlace rival = null;
    for (GeoPlace other : ranked.subList(1, ranked.size())) {
      if (different(best, other)) {
        rival = other;
        break;
      }
    }
    double margin = rival == null ? bestScore : bestScore - scores.get(rival);
    if (bestScore >= MINIMUM && margin >= MARGIN) {
      return Optional.of(new Resolved(best, margin));
    }
    return countryOf(ranked, scores, bestScore).map(country -> new Resolved(country, 0));
  }

  /** The country every reading close to the best one lies in, if they share one. */
  private Optional<GeoPlace> countryOf(
      List<GeoPlace> ranked, Map<GeoPlace, Double> scores, double bestScore) {
    Set<String> countries = new HashSet<>();
    for (GeoPlace c : ranked) {
      if (bestScore - scores.get(c) < MARGIN) {
        countries.add(c.country());
      }
    }
    if (countries.size() != 1 || countries.contains(null)) {
      return Optional.empty();
    }
    return Optional.ofNullable(gazetteer.country(countries.iterator().next()));
  }

  private List<GeoPlace> candidates(String name, Map<String, String> extraCountries) {
    List<GeoPlace> out = new ArrayList<>(gazetteer.named(name));
    for (GeoPlace bare : gazetteer.namedWithoutDivisionWords(name)) {
      if (!out.contains(bare) && bare.kind() != Kind.COUNTRY) {
        out.add(bare);
      }
    }
    GeoPlace registered = gazetteer.country(extraCountries.get(key(name)));
    if (registered != null && !out.contains(registered)) {
      out.add(registered);
    }
    return out;
  }

  private double score(
      GeoPlace c,
      Clues clues,
      boolean division,
      List<GeoPlace> qualifiers,
      List<GeoPlace> candidates,
      String head) {
    double score = prior(c);
    if (c.kind() == Kind.CITY || c.kind() == Kind.QUARTER) {
      // a name that is only an alternate spelling of the place ("Rostov" for Rostov-on-Don)
      score += key(c.name()).equals(key(head)) ? 0 : -0.5;
    }
    if (qualifies(qualifiers, c)) {
      score += QUALIFIED;
    }
    if (c.country() != null) {
      boolean attachedByName =
          candidates.stream()
              .anyMatch(
                  o -> o.kind() == Kind.COUNTRY && o.country().equals(clues.attachedCountry()));
      if (!attachedByName && c.country().equals(clues.attachedCountry())) {
        score += ATTACHED_COUNTRY;
      }
      if (clues.sentenceCountries().contains(c.country())) {
        score += SENTENCE_COUNTRY;
      }
      if (clues.actorCountries().contains(c.country())) {
        score += ACTOR_COUNTRY;
      }
      score += ARTICLE_COUNTRY * clues.articleCountries().getOrDefault(c.country(), 0.0);
      if (c.admin1Code() != null && clues.articleDivisions().contains(c.admin1Code())) {
        score += ARTICLE_DIVISION;
      }
    }
    if (division) {
      boolean isDivision = c.kind() == Kind.ADMIN1 || c.kind() == Kind.ADMIN2;
      score += isDivision ? DIVISION_NAMED : CITY_WHEN_DIVISION_NAMED;
    }
    return score;
  }

  private static double prior(GeoPlace c) {
    double size = Math.log10(c.population() + 10.0);
    return switch (c.kind()) {
      case COUNTRY -> COUNTRY_PRIOR;
      case SEA -> SEA_PRIOR;
      case ADMIN1 -> ADMIN1_PRIOR + DIVISION_POPULATION * size;
      case ADMIN2 -> ADMIN2_PRIOR + DIVISION_POPULATION * size;
      case CITY, QUARTER ->
          CITY_POPULATION * size
              + switch (c.feature()) {
                case "PPLC" -> 1.5;
                case "PPLA" -> 0.8;
                case "PPLA2" -> 0.3;
                default -> 0;
              }
              - (c.kind() == Kind.QUARTER ? QUARTER_PENALTY : 0);
    };
  }

  /** Whether "X, Q" places candidate X in Q: Q is its division or country, or a city near it. */
  private static boolean qualifies(List<GeoPlace> qualifiers, GeoPlace c) {
    for (GeoPlace q : qualifiers) {
      boolean in =
          switch (q.kind()) {
            case COUNTRY -> q.country().equals(c.country());
            case ADMIN1 -> q.code().equals(c.admin1Code()) || q.code().equals(c.code());
            case ADMIN2 -> q.admin1Code().equals(c.admin1Code()) && c.kilometresTo(q) < NEAR_KM;
            case CITY, QUARTER -> c != q && c.kilometresTo(q) < NEAR_KM;
            case SEA -> false;
          };
      if (in) {
        return true;
      }
    }
    return false;
  }

  private static boolean different(GeoPlace a, GeoPlace b) {
    if (a.country() == null || b.country() == null) {
      return a.kilometresTo(b) >= SAME_PLACE_KM;
    }
    return !a.country().equals(b.country()) || a.kilometresTo(b) >= SAME_PLACE_KM;
  }

  private static String key(String name) {
    return Gazetteer.key(name);
  }
}
