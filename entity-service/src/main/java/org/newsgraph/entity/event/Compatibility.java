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
  private final ActorTree actors;

  public Compatibility(EventConfig config, ActorTree actors) {
    this(config.dayTolerance(), config.publicationWindow(), config.minContextOverlap(), actors);
  }

  public Compatibility(
      int dayTolerance, int publicationWindow, int minContextOverlap, ActorTree actors) {
    this.dayTolerance = dayTolerance;
    this.publicationWindow = publicationWindow;
    this.minContextOverlap = minContextOverlap;
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
        || !countriesAgree(List.of(a), List.of(b))) {
      return false;
    }
    int shared = sharedContext(a, b);
    // with no date and no publication date to go by, only the words can tell the years apart
    if ((interval(a) == null || interval(b) == null) && shared < minContextOverlap + 1) {
      return false;
    }
    if (townsDiffer(List.of(a), List.of(b))) {
      return false;
    }
    if (!a.actors().isEmpty() && !b.actors().isEmpty()) {
      if (intersects(a.actors(), b.actors())) {
        return true;
      }
      // related only through a parent: the words around the triggers or the place must agree
      boolean related =
          intersects(a.actors(), actors.withAncestors(b.actors()))
              || intersects(b.actors(), actors.withAncestors(a.actors()));
      return related && (shared >= minContextOverlap || sameKnownCountry(a, b));
    }
    // a mention that names no actor merges only on place and words, and needs more words when the
    // place of one of them is unknown
    if (sameKnownCountry(a, b)
        || (a.place() != null && b.place() != null && samePlace(a.place(), b.place()))) {
      return shared >= minContextOverlap;
    }
    return shared >= minContextOverlap + 1;
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

  private boolean countriesAgree(Collection<MentionFacts> x, Collection<MentionFacts> y) {
    Set<String> countries = new HashSet<>();
    Set<String> named = new HashSet<>();
    for (Collection<MentionFacts> group : List.of(x, y)) {
      for (MentionFacts m : group) {
        if (m.country() != null) {
          countries.add(m.country());
        }
        for (String actor : m.actors()) {
          String state = actors.states().get(actor);
          if (state != null) {
            named.add(state);
          }
        }
      }
    }
    return countries.size() <= 1 || (countries.size() == 2 && named.containsAll(countries));
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
  private static boolean townsDiffer(Collection<MentionFacts> x, Collection<MentionFacts> y) {
    return townMissing(x, y) || townMissing(y, x);
  }

  /** Whether a town of x has, in its country, only other towns in y. */
  private static boolean townMissing(Collection<MentionFacts> x, Collection<MentionFacts> y) {
    for (MentionFacts a : x) {
      if (a.place() == null || a.country() == null) {
        continue;
      }
      boolean inCountry = false;
      boolean matched = false;
      for (MentionFacts b : y) {
        if (b.place() != null && a.country().equals(b.country())) {
          inCountry = true;
          matched |= samePlace(a.place(), b.place());
        }
      }
      if (inCountry && !matched) {
        return true;
      }
    }
    return false;
  }

  /** "Rostov" and "Rostov-on-Don", "Kabul" and "Kabul province" name one place. */
  private static boolean samePlace(String a, String b) {
    String x = a.toLowerCase(Locale.ROOT);
    String y = b.toLowerCase(Locale.ROOT);
    return x.contains(y) || y.contains(x);
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

  private static boolean intersects(Set<String> a, Set<String> b) {
    for (String x : a) {
      if (b.contains(x)) {
        return true;
      }
    }
    return false;
  }
}
