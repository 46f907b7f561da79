package org.newsgraph.entity.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.newsgraph.entity.extraction.DatePrecision;
import org.newsgraph.entity.extraction.Factuality;
import org.newsgraph.entity.extraction.Place;

/** The pairwise relation behind canonical events, without a database. */
class CompatibilityTest {

  private static final AtomicLong ARTICLES = new AtomicLong();

  private final Compatibility compatibility =
      new Compatibility(
          2,
          7,
          1,
          30,
          new ActorTree(Map.of("isk", "is", "ministry", "state"), Map.of("state", "RUS")));

  /** Each mention comes from an article of its own. */
  private static MentionFacts mention(
      String type, LocalDate date, DatePrecision precision, boolean fromText, Set<String> actors) {
    long id = ARTICLES.incrementAndGet();
    return new MentionFacts(
        id,
        id,
        0,
        type,
        Factuality.ASSERTED,
        false,
        date,
        precision,
        fromText,
        LocalDate.of(2024, 3, 25),
        null,
        "RUS",
        null,
        actors,
        actors,
        Set.of("concert", "hall"));
  }

  @Test
  void isSymmetricOverRandomMentions() {
    Random random = new Random(42);
    String[] types = {"18", "19", "20", "05", "11"};
    String[] actors = {"isk", "is", "state", "ministry", "other"};
    String[] words = {"concert", "hall", "border", "talks", "ban"};
    List<MentionFacts> mentions = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      DatePrecision precision = DatePrecision.values()[random.nextInt(4)];
      LocalDate date =
          precision == DatePrecision.UNKNOWN && random.nextBoolean()
              ? null
              : LocalDate.of(2024, 1, 1).plusDays(random.nextInt(500));
      Set<String> named =
          Set.of(actors[random.nextInt(actors.length)]).stream()
              .filter(a -> random.nextInt(4) > 0)
              .collect(java.util.stream.Collectors.toSet());
      mentions.add(
          new MentionFacts(
              i,
              i / 3,
              0,
              types[random.nextInt(types.length)],
              Factuality.values()[random.nextInt(2)],
              random.nextInt(10) == 0,
              date,
              precision,
              random.nextBoolean(),
              random.nextBoolean() ? null : LocalDate.of(2024, 1, 1).plusDays(random.nextInt(500)),
              random.nextBoolean() ? "Moscow" : null,
              random.nextBoolean() ? null : random.nextBoolean() ? "RUS" : "AFG",
              null,
              named,
              named,
              new java.util.HashSet<>(
                  List.of(
                      words[random.nextInt(words.length)], words[random.nextInt(words.length)]))));
    }
    int compatible = 0;
    for (MentionFacts a : mentions) {
      for (MentionFacts b : mentions) {
        assertEquals(compatibility.compatible(a, b), compatibility.compatible(b, a), a + " / " + b);
        compatible += compatibility.compatible(a, b) ? 1 : 0;
      }
    }
    assertTrue(compatible > mentions.size(), "the relation is not trivially empty");
  }

  @Test
  void datesAreComparedAtTheirPrecision() {
    Set<String> actors = Set.of("isk");
    MentionFacts day = mention("18", LocalDate.of(2024, 3, 22), DatePrecision.DAY, true, actors);
    assertTrue(
        compatibility.compatible(
            day, mention("18", LocalDate.of(2024, 3, 24), DatePrecision.DAY, true, actors)));
    assertFalse(
        compatibility.compatible(
            day, mention("18", LocalDate.of(2024, 3, 26), DatePrecision.DAY, true, actors)));
    assertTrue(
        compatibility.compatible(
            day, mention("18", LocalDate.of(2024, 3, 1), DatePrecision.MONTH, true, actors)));
    assertFalse(
        compatibility.compatible(
            day, mention("18", LocalDate.of(2024, 4, 1), DatePrecision.MONTH, true, actors)));
    assertTrue(
        compatibility.compatible(
            day, mention("18", LocalDate.of(2024, 1, 1), DatePrecision.YEAR, true, actors)));
    assertFalse(
        compatibility.compatible(
            mention("18", LocalDate.of(2024, 1, 1), DatePrecision.YEAR, true, actors),
            mention("18", LocalDate.of(2025, 1, 1), DatePrecision.YEAR, true, actors)));
    // the publication date stands for "within the week before"
    assertTrue(
        compatibility.compatible(
            day, mention("18", LocalDate.of(2024, 3, 25), DatePrecision.DAY, false, actors)));
    assertFalse(
        compatibility.compatible(
            day, mention("18", LocalDate.of(2024, 4, 5), DatePrecision.DAY, false, actors)));
  }

  @Test
  void typesActorsAndParents() {
    LocalDate date = LocalDate.of(2024, 3, 22);
    MentionFacts isk = mention("18", date, DatePrecision.DAY, true, Set.of("isk"));
    assertTrue(
        compatibility.compatible(isk, mention("20", date, DatePrecision.DAY, true, Set.of("is"))));
    assertFalse(
        compatibility.compatible(isk, mention("11", date, DatePrecision.DAY, true, Set.of("isk"))));
    assertFalse(
        compatibility.compatible(
            isk, mention("18", date, DatePrecision.DAY, true, Set.of("other"))));
    // siblings under one parent are not the same actor
    assertFalse(
        compatibility.compatible(
            mention("18", date, DatePrecision.DAY, true, Set.of("ministry")),
            mention("18", date, DatePrecision.DAY, true, Set.of("other-ministry"))));
  }

  private static MentionFacts report(
      LocalDate date, String place, Place.Geo geo, Set<String> actors, String... words) {
    long id = ARTICLES.incrementAndGet();
    return new MentionFacts(
        id,
        id,
        0,
        "19",
        Factuality.ASSERTED,
        false,
        date,
        date == null ? DatePrecision.UNKNOWN : DatePrecision.DAY,
        date != null,
        null,
        place,
        place == null ? null : "SYR",
        geo,
        actors,
        actors,
        Set.of(words));
  }

  private static Place.Geo point(double lat, double lon, Place.Precision precision) {
    return new Place.Geo(lat, lon, null, null, null, precision);
  }

  @Test
  void placesAreOneWhenTheirPointsAreNear() {
    LocalDate day = LocalDate.of(2031, 12, 8);
    Set<String> rebels = Set.of("rebels");
    MentionFacts city =
        report(day, "Damascus", point(33.51, 36.29, Place.Precision.CITY), rebels, "capital");
    // a square of the city, the city in another language, the country: one place
    assertTrue(
        compatibility.compatible(
            city,
            report(
                day, "Umayyad Square", point(33.513, 36.292, Place.Precision.SITE), rebels, "x")));
    assertTrue(
        compatibility.compatible(
            city, report(day, "Damasco", point(33.51, 36.29, Place.Precision.CITY), rebels, "x")));
    assertTrue(
        compatibility.compatible(
            city, report(day, "Syria", point(35.0, 38.5, Place.Precision.COUNTRY), rebels, "x")));
    // another town of the country, resolved or not
    assertFalse(
        compatibility.compatible(
            city, report(day, "Aleppo", point(36.2, 37.16, Place.Precision.CITY), rebels, "x")));
    assertFalse(
        compatibility.compatible(
            report(day, "Homs", null, rebels, "x"), report(day, "Hama", null, rebels, "x")));
  }

  @Test
  void anUndatedReportThatSharesOnlyAStateNeedsTheStorysWords() {
    LocalDate day = LocalDate.of(2031, 12, 8);
    MentionFacts dated =
        report(day, null, null, Set.of("state", "militia"), "forces", "city", "bridge");
    assertFalse(
        compatibility.compatible(
            dated, report(null, null, null, Set.of("state"), "forces", "city")));
    assertTrue(
        compatibility.compatible(
            dated, report(null, null, null, Set.of("state"), "forces", "city", "bridge")));
    // a shared actor that is not a state is evidence of its own
    assertTrue(
        compatibility.compatible(
            dated, report(null, null, null, Set.of("militia"), "forces", "city")));
    // so is a dated report
    assertTrue(compatibility.compatible(dated, report(day, null, null, Set.of("state"), "forces")));
  }
}
