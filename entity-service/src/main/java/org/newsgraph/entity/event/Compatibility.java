package org.newsgraph.entity.event;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.newsgraph.entity.extraction.DatePrecision;

/**
 * Whether two event mentions may report the same happening. The relation is symmetric, so the
 * canonical events — the connected components of the mentions under it — do not depend on the order
 * in which the mentions arrived.
 */
public final class Compatibility {

  private static final Set<String> VIOLENCE = Set.of("18", "19", "20");

  private final int dayTolerance;
  private final int publicationWindow;
  private final int minContextOverlap;

  /** parent id of each actor that has one */
  private final Map<String, String> parents;

  public Compatibility(EventConfig config, Map<String, String> parents) {
    this(config.dayTolerance(), config.publicationWindow(), config.minContextOverlap(), parents);
  }

  public Compatibility(
      int dayTolerance, int publicationWindow, int minContextOverlap, Map<String, String> parents) {
    this.dayTolerance = dayTolerance;
    this.publicationWindow = publicationWindow;
    this.minContextOverlap = minContextOverlap;
    this.parents = Map.copyOf(parents);
  }

  /** The CAMEO roots a mention of this root may merge with. */
  public static Set<String> compatibleTypes(String type) {
    return VIOLENCE.contains(type) ? VIOLENCE : Set.of(type);
  }

  public boolean compatible(MentionFacts a, MentionFacts b) {
    if (a.historical() != b.historical()
        || a.factuality() != b.factuality()
        || !compatibleTypes(a.type()).contains(b.type())
        || !datesCompatible(a, b)
        || (a.country() != null && b.country() != null && !a.country().equals(b.country()))) {
      return false;
    }
    int shared = sharedContext(a, b);
    // with no date and no publication date to go by, only the words can tell the years apart
    if ((interval(a) == null || interval(b) == null) && shared < minContextOverlap + 1) {
      return false;
    }
    if (!a.actors().isEmpty() && !b.actors().isEmpty()) {
      if (intersects(a.actors(), b.actors())) {
        return true;
      }
      // related only through a parent: the words around the triggers or the place must agree
      boolean related =
          intersects(a.actors(), withAncestors(b.actors()))
              || intersects(b.actors(), withAncestors(a.actors()));
      return related && (shared >= minContextOverlap || sameKnownCountry(a, b));
    }
    // a mention that names no actor merges only on place and words, and needs more words when the
    // place of one of them is unknown
    if (sameKnownCountry(a, b) || samePlace(a, b)) {
      return shared >= minContextOverlap;
    }
    return shared >= minContextOverlap + 1;
  }

  private static boolean samePlace(MentionFacts a, MentionFacts b) {
    return a.place() != null && b.place() != null && a.place().equalsIgnoreCase(b.place());
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

  private static boolean isTextDay(MentionFacts m) {
    return m.dateFromText() && m.precision() == DatePrecision.DAY && m.date() != null;
  }

  /** The days the mention's date allows, inclusive; null when it allows any. */
  private LocalDate[] interval(MentionFacts m) {
    if (m.date() != null && m.dateFromText()) {
      return switch (m.precision()) {
        case DAY -> new LocalDate[] {m.date(), m.date()};
        case MONTH ->
            new LocalDate[] {
              m.date().withDayOfMonth(1), m.date().withDayOfMonth(1).plusMonths(1).minusDays(1)
            };
        case YEAR ->
            new LocalDate[] {
              m.date().withDayOfYear(1), m.date().withDayOfYear(1).plusYears(1).minusDays(1)
            };
        case UNKNOWN -> fallback(m.date());
      };
    }
    LocalDate anchor = m.date() != null ? m.date() : m.publishedAt();
    // a background mention without its own date could be from any time
    return anchor == null || m.historical() ? null : fallback(anchor);
  }

  private LocalDate[] fallback(LocalDate published) {
    return new LocalDate[] {published.minusDays(publicationWindow), published};
  }

  private static int sharedContext(MentionFacts a, MentionFacts b) {
    Set<String> shared = new HashSet<>(a.context());
    shared.retainAll(b.context());
    return shared.size();
  }

  private static boolean sameKnownCountry(MentionFacts a, MentionFacts b) {
    return a.country() != null && Objects.equals(a.country(), b.country());
  }

  private Set<String> withAncestors(Set<String> actors) {
    Set<String> all = new HashSet<>();
    for (String actor : actors) {
      String current = actor;
      // bounded walk: a cycle in curated data must not hang the worker
      for (int depth = 0; current != null && depth < 10; depth++) {
        all.add(current);
        current = parents.get(current);
      }
    }
    return all;
  }

  private static boolean intersects(Set<String> a, Set<String> b) {
    for (String x : a) {
      if (b.contains(x)) {
        return true;
      }
    }
    return false;
  }

  /** The chain of parents above an actor, nearest first. */
  Set<String> ancestors(String actor) {
    Set<String> all = withAncestors(Set.of(actor));
    all.remove(actor);
    return all;
  }
}
