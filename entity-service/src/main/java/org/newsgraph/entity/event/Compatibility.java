package org.newsgraph.entity.event;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.newsgraph.entity.extraction.DatePrecision;
import org.newsgraph.entity.extraction.Place;

/**
 * Whether event mentions may report the same happening: {@link #compatible} for two mentions (a
 * symmetric relation, the links along which events may grow) and {@link #coherent} for the union of
 * two groups of mentions as a whole, which is what keeps links from chaining unrelated happenings.
 */
public final class Compatibility {

  private static final Set<String> VIOLENCE = Set.of("18", "19", "20");

  private final int dayTolerance;
  private final int publicationWindow;
  private final int minContextOverlap;
  private final double samePlaceKm;
  private final ActorTree actors;

  public Compatibility(EventConfig config, ActorTree actors) {
    this(
        config.dayTolerance(),
        config.publicationWindow(),
        config.minContextOverlap(),
        config.samePlaceKm(),
        actors);
  }

  public Compatibility(
      int dayTolerance,
      int publicationWindow,
      int minContextOverlap,
      double samePlaceKm,
      ActorTree actors) {
    this.dayTolerance = dayTolerance;
    this.publicationWindow = publicationWindow;
    this.minContextOverlap = minContextOverlap;
    this.samePlaceKm = samePlaceKm;
    this.actors = actors;
  }

  /** The CAMEO roots a mention of this root may merge with. */
  public static Set<String> compatibleTypes(String type) {
    return VIOLENCE.contains(type) ? VIOLENCE : Set.of(type);
  }

  /** The type group's name: the lowest root in it. */
  static String typeGroup(String type) {
    return compatibleTypes(type).stream().sorted().findFirst().orElseThrow();
  }

  public boolean compatible(MentionFacts a, MentionFacts b) {
    if (a.historical() != b.historical()
        || a.factuality() != b.factuality()
        || !compatibleTypes(a.type()).contains(b.type())
        || !datesCompatible(a, b)
        || !countriesAgree(List.of(a), List.of(b))
        || townsDiffer(List.of(a), List.of(b))) {
      return false;
    }
    // one article tells one happening in many words ("the dam was destroyed", "Russia blew it up",
    // "the destruction"): reports of one type group in it that no date or place tells apart are
    // linked whatever actors they name; coherence still keeps two actors' acts apart
    if (a.articleId() == b.articleId()) {
      return true;
    }
    int shared = sharedContext(a, b);
    boolean undated = interval(a) == null || interval(b) == null;
    // with no date and no publication date to go by, only the words can tell the years apart
    if (undated && shared < minContextOverlap + 1) {
      return false;
    }
    if (!a.actors().isEmpty() && !b.actors().isEmpty()) {
      if (intersects(a.actors(), b.actors())) {
        // a state is in every story of its country: an undated report that shares only states
        // with another needs the story's words as well
        return !undated
            || sharesNonState(a.actors(), b.actors())
            || shared >= minContextOverlap + 2;
      }
      // related only through a parent: the words around the triggers or the place must agree
      boolean related =
          intersects(a.actors(), actors.withAncestors(b.actors()))
              || intersects(b.actors(), actors.withAncestors(a.actors()));
      return related
          && (undated
              ? shared >= minContextOverlap + 2
              : shared >= minContextOverlap || sameKnownCountry(a, b));
    }
    // a mention that names no actor merges only on place and words, and needs more words when the
    // place of one of them is unknown, and more again when a date is
    if (sameKnownCountry(a, b) || (a.place() != null && b.place() != null && samePlace(a, b))) {
      return shared >= minContextOverlap;
    }
    return shared >= minContextOverlap + (undated ? 2 : 1);
  }

  /**
   * Whether two groups of mentions, each one event, can be one event together, judged on the whole:
   * their dated reports all within the tolerance of each other, one country (two when the event is
   * between the two states they are the countries of), places that agree or sentences that say more
   * than the type, and principal sources that each appear in the other group.
   */
  public boolean coherent(Collection<MentionFacts> x, Collection<MentionFacts> y) {
    for (MentionFacts a : x) {
      for (MentionFacts b : y) {
        if (!datesCompatible(a, b)) {
          return false;
        }
      }
    }
    if (!countriesAgree(x, y)) {
      return false;
    }
    if (townsDiffer(x, y)) {
      return false;
    }
    String sourceX = principalSource(x);
    String sourceY = principalSource(y);
    // two different actors each acting on their own (two attackers of one target) are two events
    return sourceX == null
        || sourceY == null
        || isAmong(sourceX, actorsOf(y))
        || isAmong(sourceY, actorsOf(x));
  }

  /** A mention with a date (its own or its article's) and a country; others only attach. */
  boolean anchored(MentionFacts m) {
    return interval(m) != null && m.country() != null;
  }

  /**
   * One country, or two when one report names the states of both: a clash on the border told from
   * either side. Two reports that each name one state ("Moscow blames Kyiv", a town in Russia) are
   * not evidence of an event between them.
   */
  private boolean countriesAgree(Collection<MentionFacts> x, Collection<MentionFacts> y) {
    Set<String> countries = new HashSet<>();
    for (Collection<MentionFacts> group : List.of(x, y)) {
      for (MentionFacts m : group) {
        if (m.country() != null) {
          countries.add(m.country());
        }
      }
    }
    if (countries.size() <= 1) {
      return true;
    }
    if (countries.size() > 2) {
      return false;
    }
    for (Collection<MentionFacts> group : List.of(x, y)) {
      for (MentionFacts m : group) {
        Set<String> named = new HashSet<>();
        for (String actor : m.actors()) {
          String state = actors.states().get(actor);
          if (state != null) {
            named.add(state);
          }
        }
        if (named.containsAll(countries)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The most reported source actor of a group (ties by id), or null. */
  static String principalSource(Collection<MentionFacts> group) {
    Map<String, Integer> counts = new HashMap<>();
    for (MentionFacts m : group) {
      m.sources().forEach(s -> counts.merge(s, 1, Integer::sum));
    }
    return counts.entrySet().stream()
        .min(
            Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue())
                .thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  private boolean isAmong(String actor, Set<String> group) {
    return actors.withAncestors(group).contains(actor)
        || intersects(actors.withAncestors(Set.of(actor)), group);
  }

  private static Set<String> actorsOf(Collection<MentionFacts> group) {
    Set<String> all = new HashSet<>();
    group.forEach(m -> all.addAll(m.actors()));
    return all;
  }

  /**
   * Whether the groups name different towns in one country ("Kabul" and "Herat"): two happenings,
   * however alike. Towns in two countries are the two sides of an event between two states.
   */
  private boolean townsDiffer(Collection<MentionFacts> x, Collection<MentionFacts> y) {
    return townMissing(x, y) || townMissing(y, x);
  }

  /** Whether a town of x has, in its country, only other towns in y. */
  private boolean townMissing(Collection<MentionFacts> x, Collection<MentionFacts> y) {
    for (MentionFacts a : x) {
      if (!isTown(a)) {
        continue;
      }
      boolean inCountry = false;
      boolean matched = false;
      for (MentionFacts b : y) {
        if (isTown(b) && a.country().equals(b.country())) {
          inCountry = true;
          matched |= samePlace(a, b);
        }
      }
      if (inCountry && !matched) {
        return true;
      }
    }
    return false;
  }

  /**
   * A place in a known country that may be a town: resolved to a city or a site in one, or not
   * resolved at all. A region or a country ("Yaracuy", "Venezuela") holds the towns in it.
   */
  private static boolean isTown(MentionFacts m) {
    return m.place() != null
        && m.country() != null
        && (m.geo() == null
            || m.geo().precision() == Place.Precision.CITY
            || m.geo().precision() == Place.Precision.SITE);
  }

  /**
   * Two resolved places are one when their points lie within {@code same-place-km} of each other
   * ("Damasco" and "Damascus", a square in the city and the city); otherwise one name contains the
   * other ("Rostov" and "Rostov-on-Don", "Kabul" and "Kabul province").
   */
  private boolean samePlace(MentionFacts a, MentionFacts b) {
    if (a.geo() != null && b.geo() != null) {
      return kilometres(a.geo(), b.geo()) <= samePlaceKm;
    }
    String x = a.place().toLowerCase(Locale.ROOT);
    String y = b.place().toLowerCase(Locale.ROOT);
    return x.contains(y) || y.contains(x);
  }

  /** Great-circle distance. */
  private static double kilometres(Place.Geo a, Place.Geo b) {
    double dLat = Math.toRadians(b.lat() - a.lat());
    double dLon = Math.toRadians(b.lon() - a.lon());
    double h =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(a.lat()))
                * Math.cos(Math.toRadians(b.lat()))
                * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  boolean datesCompatible(MentionFacts a, MentionFacts b) {
    LocalDate[] x = interval(a);
    LocalDate[] y = interval(b);
    if (x == null || y == null) {
      return true;
    }
    long gap = Math.max(ChronoUnit.DAYS.between(x[1], y[0]), ChronoUnit.DAYS.between(y[1], x[0]));
    int tolerance = isTextDay(a) && isTextDay(b) ? dayTolerance : 0;
    return gap <= tolerance;
  }

  /** Days beyond a mention's interval within which another mention's interval may still lie. */
  int dayTolerance() {
    return dayTolerance;
  }

  private static boolean isTextDay(MentionFacts m) {
    return m.dateFromText() && m.precision() == DatePrecision.DAY && m.date() != null;
  }

  /** The days the mention's date allows, inclusive; null when it allows any. */
  LocalDate[] interval(MentionFacts m) {
    return interval(m.date(), m.precision(), m.dateFromText(), m.publishedAt(), m.historical());
  }

  /** The days a date at its precision allows, inclusive; null when it allows any. */
  LocalDate[] interval(
      LocalDate date,
      DatePrecision precision,
      boolean fromText,
      LocalDate publishedAt,
      boolean historical) {
    if (date != null && fromText) {
      return switch (precision) {
        case DAY -> new LocalDate[] {date, date};
        case MONTH ->
            new LocalDate[] {
              date.withDayOfMonth(1), date.withDayOfMonth(1).plusMonths(1).minusDays(1)
            };
        case YEAR ->
            new LocalDate[] {
              date.withDayOfYear(1), date.withDayOfYear(1).plusYears(1).minusDays(1)
            };
        case UNKNOWN -> fallback(date);
      };
    }
    LocalDate anchor = date != null ? date : publishedAt;
    // a background mention without its own date could be from any time
    return anchor == null || historical ? null : fallback(anchor);
  }

  private LocalDate[] fallback(LocalDate published) {
    return new LocalDate[] {published.minusDays(publicationWindow), published};
  }

  static int sharedContext(MentionFacts a, MentionFacts b) {
    Set<String> shared = new HashSet<>(a.context());
    shared.retainAll(b.context());
    return shared.size();
  }

  private static boolean sameKnownCountry(MentionFacts a, MentionFacts b) {
    return a.country() != null && Objects.equals(a.country(), b.country());
  }

  /** Whether the actors share one that is not itself a state (a person, a group, a body). */
  private boolean sharesNonState(Set<String> a, Set<String> b) {
    for (String x : a) {
      if (b.contains(x) && !actors.isState(x)) {
        return true;
      }
    }
    return false;
  }

  private static boolean intersects(Set<String> a, Set<String> b) {
    for (String x : a) {
      if (b.contains(x)) {
        return true;
      }
    }
    return false;
  }
}
