package org.newsgraph.entity.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.newsgraph.entity.extraction.DatePrecision;
import org.newsgraph.entity.extraction.Factuality;

/** The grouping of mentions into events, without a database. */
class EventGroupingTest {

  private final Compatibility compatibility =
      new Compatibility(
          2, 14, 1, 30, new ActorTree(Map.of("isk", "is"), Map.of("rus", "RUS", "ukr", "UKR")));
  private final EventGrouping grouping = new EventGrouping(compatibility);

  private static MentionFacts mention(
      long id, LocalDate date, String country, String place, Set<String> sources, String... words) {
    return new MentionFacts(
        id,
        id,
        0,
        "18",
        Factuality.ASSERTED,
        false,
        date,
        date == null ? DatePrecision.UNKNOWN : DatePrecision.DAY,
        date != null,
        null,
        place,
        country,
        null,
        sources,
        sources,
        new HashSet<>(List.of(words)));
  }

  /** The same report, told in another article. */
  private static MentionFacts inArticle(long article, MentionFacts m) {
    return new MentionFacts(
        m.id(),
        article,
        m.triggerStart(),
        m.type(),
        m.factuality(),
        m.historical(),
        m.date(),
        m.precision(),
        m.dateFromText(),
        m.publishedAt(),
        m.place(),
        m.country(),
        m.geo(),
        m.actors(),
        m.sources(),
        m.context());
  }

  /** The same report, its actors all targets. */
  private static MentionFacts targetOnly(MentionFacts m) {
    return new MentionFacts(
        m.id(),
        m.articleId(),
        m.triggerStart(),
        m.type(),
        m.factuality(),
        m.historical(),
        m.date(),
        m.precision(),
        m.dateFromText(),
        m.publishedAt(),
        m.place(),
        m.country(),
        m.geo(),
        m.actors(),
        Set.of(),
        m.context());
  }

  private Set<Set<Long>> partition(List<MentionFacts> mentions) {
    return grouping.group(mentions).stream()
        .map(group -> group.stream().map(MentionFacts::id).collect(Collectors.toSet()))
        .collect(Collectors.toSet());
  }

  /** Random reports of a few happenings, some undated or unplaced, shuffled many times. */
  @Test
  void theEventsDependOnlyOnTheSetOfReports() {
    Random random = new Random(11);
    String[] actors = {"isk", "is", "rus", "ukr", "taliban"};
    String[] countries = {"AFG", "RUS", "UKR", null};
    String[] places = {"Kabul", "Herat", null};
    String[] words = {"market", "bomb", "convoy", "border", "police"};
    List<MentionFacts> mentions = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      LocalDate date =
          random.nextInt(5) == 0 ? null : LocalDate.of(2031, 3, 1).plusDays(random.nextInt(40));
      // four reports to an article, which links them unless dates or places tell them apart
      mentions.add(
          inArticle(
              i / 4,
              mention(
                  i,
                  date,
                  countries[random.nextInt(countries.length)],
                  places[random.nextInt(places.length)],
                  Set.of(actors[random.nextInt(actors.length)]),
                  words[random.nextInt(words.length)],
                  words[random.nextInt(words.length)])));
    }
    Set<Set<Long>> expected = partition(mentions);
    assertTrue(expected.size() > 1 && expected.size() < mentions.size(), expected.toString());
    for (int round = 0; round < 30; round++) {
      List<MentionFacts> shuffled = new ArrayList<>(mentions);
      Collections.shuffle(shuffled, random);
      assertEquals(expected, partition(shuffled), "round " + round);
    }
  }

  /** However the reports chain, no event holds two dated reports the tolerance cannot join. */
  @Test
  void noEventSpansMoreThanItsReportsAllow() {
    List<MentionFacts> mentions = new ArrayList<>();
    // the same group every other day for two months: a chain of pairwise compatible reports
    for (int i = 0; i < 30; i++) {
      mentions.add(
          mention(
              i, LocalDate.of(2031, 5, 1).plusDays(2L * i), "AFG", null, Set.of("isk"), "bomb"));
    }
    mentions.add(mention(100, null, null, null, Set.of("isk"), "bomb", "market"));
    for (List<MentionFacts> group : grouping.group(mentions)) {
      Set<LocalDate> dates = new HashSet<>();
      group.stream().map(MentionFacts::date).filter(d -> d != null).forEach(dates::add);
      if (!dates.isEmpty()) {
        long span = ChronoUnit.DAYS.between(Collections.min(dates), Collections.max(dates));
        assertTrue(span <= 2, "an event spans " + span + " days: " + group);
      }
    }
  }

  @Test
  void anUnplacedReportJoinsOneEventAndNeverBridgesTwo() {
    LocalDate day = LocalDate.of(2031, 7, 1);
    MentionFacts kabul = mention(1, day, "AFG", "Kabul", Set.of("isk"), "wedding", "hall");
    MentionFacts herat = mention(2, day, "AFG", "Herat", Set.of("isk"), "mosque", "prayers");
    // no place, no country: compatible with both
    MentionFacts vague = mention(3, day, null, null, Set.of("isk"), "wedding", "mosque");
    Set<Set<Long>> groups = partition(List.of(kabul, herat, vague));
    assertEquals(2, groups.size(), groups.toString());
    assertTrue(
        groups.contains(Set.of(1L, 3L)) || groups.contains(Set.of(2L, 3L)), groups.toString());
  }

  @Test
  void twoNamedStatesMakeOneEventOfTwoCountries() {
    LocalDate day = LocalDate.of(2031, 10, 5);
    MentionFacts fromKyiv =
        mention(1, day, "UKR", "Kharkiv", Set.of("rus", "ukr"), "border", "posts");
    MentionFacts fromMoscow =
        mention(2, day, "RUS", "Tyotkino", Set.of("ukr", "rus"), "border", "village");
    MentionFacts elsewhere = mention(3, day, "AFG", "Nangarhar", Set.of("isk"), "border", "post");
    assertEquals(
        Set.of(Set.of(1L, 2L), Set.of(3L)), partition(List.of(fromKyiv, fromMoscow, elsewhere)));
  }

  /**
   * An article that tells one happening in several sentences, naming different actors or none and
   * sharing no words, is one event; two acts of two actors it tells on one day stay two.
   */
  @Test
  void oneArticleTellsOneHappeningInManyWords() {
    LocalDate day = LocalDate.of(2031, 6, 6);
    MentionFacts blownUp =
        inArticle(7, mention(1, day, "UKR", "Nova Kakhovka", Set.of("rus"), "blew", "dam"));
    MentionFacts destroyed = inArticle(7, mention(2, day, null, null, Set.of(), "flooding"));
    // "the ruin of the dam's turbines": the dam's operator as the target, no date
    MentionFacts ruin =
        targetOnly(inArticle(7, mention(3, null, null, null, Set.of("dam-operator"), "turbines")));
    // in another article: the same day, the same country, other actors and words
    MentionFacts shelling =
        inArticle(8, mention(4, day, "UKR", "Nova Kakhovka", Set.of("ukr"), "shelling"));
    assertEquals(
        Set.of(Set.of(1L, 2L, 3L), Set.of(4L)),
        partition(List.of(blownUp, destroyed, ruin, shelling)));

    MentionFacts raid =
        inArticle(9, mention(5, day, "AFG", "Kabul", Set.of("isk"), "raid", "checkpoint"));
    MentionFacts ambush =
        inArticle(9, mention(6, day, "AFG", "Kabul", Set.of("taliban"), "ambush", "convoy"));
    assertEquals(Set.of(Set.of(5L), Set.of(6L)), partition(List.of(raid, ambush)));
  }

  /**
   * Two unplaced reports of two attackers that both fit a report of the victim join it one at a
   * time: the second attacker does not fit the event the first one made, whatever the order.
   */
  @Test
  void twoAttackersNeverJoinOneReportOfTheirTargetTogether() {
    LocalDate day = LocalDate.of(2031, 8, 9);
    MentionFacts target = mention(1, day, "AFG", "Kabul", Set.of(), "checkpoint", "station");
    MentionFacts byIsk = mention(2, day, null, null, Set.of("isk"), "checkpoint", "station");
    MentionFacts byTaliban =
        mention(3, day, null, null, Set.of("taliban"), "checkpoint", "station");
    List<MentionFacts> all = new ArrayList<>(List.of(target, byIsk, byTaliban));
    Set<Set<Long>> expected = partition(all);
    assertEquals(2, expected.size(), expected.toString());
    for (int round = 0; round < 6; round++) {
      Collections.shuffle(all, new Random(round));
      assertEquals(expected, partition(all));
    }
  }
}
