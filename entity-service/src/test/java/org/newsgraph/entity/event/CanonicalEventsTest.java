package org.newsgraph.entity.event;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsgraph.entity.event.EventScenario.article;
import static org.newsgraph.entity.event.EventScenario.day;
import static org.newsgraph.entity.event.EventScenario.month;
import static org.newsgraph.entity.event.EventScenario.published;
import static org.newsgraph.entity.event.EventScenario.sentence;
import static org.newsgraph.entity.event.EventScenario.year;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.newsgraph.entity.TestArticles;
import org.newsgraph.entity.actor.DatabaseActorDirectory;
import org.newsgraph.entity.event.EventScenario.Article;
import org.newsgraph.entity.extraction.Factuality;
import org.newsgraph.entity.extraction.Place;
import org.newsgraph.entity.extraction.Place.Precision;
import org.newsgraph.entity.extraction.Qualifier;

/**
 * Canonical events against the real database, with event mentions built by hand. Their dates lie in
 * the 2030s so that they never meet the events of the seed articles other tests store.
 */
@QuarkusTest
class CanonicalEventsTest {

  private static final AtomicInteger RUN = new AtomicInteger();

  @Inject CanonicalEvents events;
  @Inject DatabaseActorDirectory directory;

  /**
   * Actors private to one test: ids and names carry a suffix so that tests never share events and
   * the extractor never confuses them with the registry's actors.
   */
  private record Cast(
      String isk, String is, String russia, String taliban, String ukraine, String suffix) {}

  private Cast cast() throws Exception {
    String s = "-t" + RUN.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
    Cast cast = new Cast("isk" + s, "is" + s, "russia" + s, "taliban" + s, "ukraine" + s, s);
    TestArticles.update(
        "INSERT INTO entity.actor (id, name, type, country, origin) VALUES"
            + " (?, ?, 'ARMED_GROUP', NULL, 'CURATED'), (?, ?, 'STATE', 'RUS', 'CURATED'),"
            + " (?, ?, 'ARMED_GROUP', 'AFG', 'CURATED'), (?, ?, 'STATE', 'UKR', 'CURATED')",
        cast.is(),
        "Islamic State" + s,
        cast.russia(),
        "Russia" + s,
        cast.taliban(),
        "Taliban" + s,
        cast.ukraine(),
        "Ukraine" + s);
    TestArticles.update(
        "INSERT INTO entity.actor (id, name, type, parent_id, origin)"
            + " VALUES (?, ?, 'ARMED_GROUP', ?, 'CURATED')",
        cast.isk(),
        "Islamic State Khorasan" + s,
        cast.is());
    TestArticles.update("UPDATE entity.actor_revision SET revision = revision + 1");
    directory.refreshIfChanged();
    return cast;
  }

  private long store(Article article, LocalDate publishedAt) throws Exception {
    long id = TestArticles.insert(article.text(), publishedAt, "en", 0.99);
    // stored by hand here, not by a worker
    TestArticles.update("UPDATE ingest.outbox SET status = 'DONE' WHERE article_id = ?", id);
    replace(id, article, publishedAt);
    return id;
  }

  private List<UUID> replace(long id, Article article, LocalDate publishedAt) {
    Map<String, String> identity = new HashMap<>();
    article
        .events()
        .forEach(
            e -> {
              e.sources().forEach(r -> identity.put(r.actorId(), r.actorId()));
              e.targets().forEach(r -> identity.put(r.actorId(), r.actorId()));
            });
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                events.replaceArticle(
                    id, article.text(), publishedAt, article.events(), "test-1", identity));
  }

  private static Map<String, Object> event(UUID id) throws Exception {
    return TestArticles.row("SELECT * FROM entity.event WHERE id = ?", id);
  }

  private static UUID eventOf(long articleId) throws Exception {
    return (UUID)
        TestArticles.row(
                "SELECT event_id FROM entity.event_mention WHERE article_id = ?", articleId)
            .get("event_id");
  }

  @Test
  void oneAttackReportedWithDifferentFiguresIsOneEventWithEveryReport() throws Exception {
    Cast c = cast();
    long a1 =
        store(
            article(
                sentence(
                        "Gunmen of IS-K attacked Crocus City Hall in Krasnogorsk"
                            + c.suffix()
                            + " and 143 lives were lost.",
                        "attacked",
                        "18",
                        List.of(c.isk()),
                        List.of(c.russia()),
                        day("2031-03-22"),
                        "RUS")
                    .killed(143, Qualifier.EXACT)),
            LocalDate.parse("2031-03-23"));
    long a2 =
        store(
            article(
                sentence(
                        "The attack on the Crocus City Hall concert"
                            + c.suffix()
                            + " killed over 140 people.",
                        "attack",
                        "18",
                        List.of(c.is()),
                        List.of(c.russia()),
                        published("2031-03-24"),
                        "RUS")
                    .killed(140, Qualifier.OVER)),
            LocalDate.parse("2031-03-24"));
    long a3 =
        store(
            article(
                sentence(
                        "Islamic State claimed the massacre at Crocus City Hall"
                            + c.suffix()
                            + " that caused the deaths of 145 people.",
                        "massacre",
                        "20",
                        List.of(c.is()),
                        List.of(),
                        month("2031-03-01"),
                        null)
                    .killed(145, Qualifier.EXACT)),
            LocalDate.parse("2031-04-02"));

    UUID id = eventOf(a1);
    assertEquals(id, eventOf(a2));
    assertEquals(id, eventOf(a3));
    Map<String, Object> event = event(id);
    assertEquals(140, event.get("fatalities_min"));
    assertEquals(145, event.get("fatalities_max"));
    assertEquals(3, event.get("article_count"));
    assertEquals(3, event.get("source_count"));
    assertEquals("18", event.get("type"));
    assertEquals("2031-03-22", event.get("event_date").toString());
    assertEquals("DAY", event.get("date_precision"));
    assertEquals("RUS", event.get("country").toString().strip());
    assertEquals(
        "Islamic State Khorasan" + c.suffix() + " attacks Russia" + c.suffix(), event.get("label"));
    assertTrue(
        event.get("first_reported_at").toString().startsWith("2031-03-23"),
        event.get("first_reported_at").toString());
    assertTrue((Float) event.get("confidence") > 0.9f);
    List<Map<String, Object>> reports =
        TestArticles.rows(
            "SELECT article_id, fatalities, fatalities_qualifier FROM entity.event_mention WHERE event_id = ? ORDER BY article_id",
            id);
    assertEquals(List.of(143, 140, 145), reports.stream().map(r -> r.get("fatalities")).toList());
    assertEquals(
        List.of("EXACT", "OVER", "EXACT"),
        reports.stream().map(r -> r.get("fatalities_qualifier")).toList());
    assertEquals(
        Set.of("SOURCE:" + c.is(), "SOURCE:" + c.isk(), "TARGET:" + c.russia()),
        TestArticles.rows("SELECT actor_id, role FROM entity.event_actor WHERE event_id = ?", id)
            .stream()
            .map(r -> r.get("role") + ":" + r.get("actor_id"))
            .collect(Collectors.toSet()));
  }

  /** The article with its one event placed at {@code place}. */
  private static Article placed(Article article, Place place) {
    return new Article(article.text(), List.of(article.events().get(0).withPlace(place)));
  }

  @Test
  void theEventLiesWhereItsReportsAgreeAtTheFinestPrecisionTheyGive() throws Exception {
    Cast c = cast();
    Place.Geo city =
        new Place.Geo(55.8317, 37.3295, "Moscow Oblast", "RU.47", 542374L, Precision.CITY);
    Place.Geo country = new Place.Geo(56.7751, 51.931, null, null, null, Precision.COUNTRY);
    List<Long> articles = new ArrayList<>();
    String[] places = {"Russia", "Krasnogorsk", "Russia"};
    for (int i = 0; i < places.length; i++) {
      Article report =
          article(
              sentence(
                  "Report "
                      + i
                      + ": gunmen of IS-K attacked a concert hall"
                      + c.suffix()
                      + " in "
                      + places[i]
                      + ".",
                  "attacked",
                  "18",
                  List.of(c.isk()),
                  List.of(c.russia()),
                  day("2031-03-22"),
                  "RUS"));
      Place.Geo geo = places[i].equals("Russia") ? country : city;
      articles.add(
          store(
              // a report placed only by its country names no town that could differ
              placed(
                  report,
                  new Place(places[i].equals("Russia") ? null : places[i], "RUS", null, geo)),
              LocalDate.parse("2031-03-2" + (3 + i))));
    }
    UUID id = eventOf(articles.get(0));
    assertEquals(id, eventOf(articles.get(1)));
    assertEquals(id, eventOf(articles.get(2)));
    Map<String, Object> event = event(id);
    assertEquals("Krasnogorsk", event.get("place"));
    assertEquals("RUS", event.get("country").toString().strip());
    assertEquals(55.8317, (Double) event.get("lat"), 1e-9);
    assertEquals(37.3295, (Double) event.get("lon"), 1e-9);
    assertEquals("Moscow Oblast", event.get("admin1"));
    assertEquals("RU.47", event.get("admin1_code"));
    assertEquals(542374L, event.get("geonames_id"));
    assertEquals("CITY", event.get("place_precision"));
    Map<String, Object> report =
        TestArticles.row(
            "SELECT lat, place_precision FROM entity.event_mention WHERE article_id = ?",
            articles.get(0));
    assertEquals(56.7751, (Double) report.get("lat"), 1e-9);
    assertEquals("COUNTRY", report.get("place_precision"));

    // the city's report is withdrawn: the event falls back to what the others say
    replace(articles.get(1), new Article("", List.of()), LocalDate.parse("2031-03-24"));
    event = event(id);
    assertNull(event.get("place"));
    assertEquals("RUS", event.get("country").toString().strip());
    assertEquals("COUNTRY", event.get("place_precision"));
    assertNull(event.get("geonames_id"));
    assertNull(event.get("admin1"));
  }

  @Test
  void possibleAndAssertedAreNeverMerged() throws Exception {
    Cast c = cast();
    long possible =
        store(
            article(
                sentence(
                        "Russia"
                            + c.suffix()
                            + " may remove the Taliban from its list of terrorist groups.",
                        "remove",
                        "05",
                        List.of(c.russia()),
                        List.of(c.taliban()),
                        published("2031-05-17"),
                        null)
                    .factuality(Factuality.POSSIBLE)),
            LocalDate.parse("2031-05-17"));
    long asserted =
        store(
            article(
                sentence(
                    "Russia"
                        + c.suffix()
                        + " removed the Taliban from its list of terrorist groups.",
                    "removed",
                    "05",
                    List.of(c.russia()),
                    List.of(c.taliban()),
                    published("2031-05-17"),
                    null)),
            LocalDate.parse("2031-05-17"));
    assertNotEquals(eventOf(possible), eventOf(asserted));
    assertEquals("POSSIBLE", event(eventOf(possible)).get("factuality"));
  }

  @Test
  void theSameActorsAYearApartAreTwoEvents() throws Exception {
    Cast c = cast();
    long y2024 =
        store(
            article(
                sentence(
                    "Russia" + c.suffix() + " lifted its ban on the Taliban on 17 April.",
                    "lifted",
                    "05",
                    List.of(c.russia()),
                    List.of(c.taliban()),
                    day("2031-04-17"),
                    null)),
            LocalDate.parse("2031-04-18"));
    long y2025 =
        store(
            article(
                sentence(
                    "Russia"
                        + c.suffix()
                        + " lifted its ban on the Taliban on 17 April, a year later.",
                    "lifted",
                    "05",
                    List.of(c.russia()),
                    List.of(c.taliban()),
                    day("2032-04-17"),
                    null)),
            LocalDate.parse("2032-04-18"));
    long year2024 =
        store(
            article(
                sentence(
                    "Russia"
                        + c.suffix()
                        + " lifted the ban on the Taliban in 2031, officials said.",
                    "lifted",
                    "05",
                    List.of(c.russia()),
                    List.of(c.taliban()),
                    year(2031),
                    null)),
            LocalDate.parse("2032-06-01"));
    assertNotEquals(eventOf(y2024), eventOf(y2025));
    assertEquals(eventOf(y2024), eventOf(year2024));
  }

  @Test
  void backgroundMentionsJoinTheirOwnHistoricalEvents() throws Exception {
    Cast c = cast();
    Article first =
        article(
            sentence(
                "Russia" + c.suffix() + " lifted its ban on the Taliban.",
                "lifted",
                "05",
                List.of(c.russia()),
                List.of(c.taliban()),
                published("2032-04-17"),
                null),
            sentence(
                    "Russia" + c.suffix() + " had banned the Taliban since 2003.",
                    "banned",
                    "16",
                    List.of(c.russia()),
                    List.of(c.taliban()),
                    year(2003),
                    null)
                .asBackground());
    long a1 = store(first, LocalDate.parse("2032-04-17"));
    long a2 =
        store(
            article(
                sentence(
                        "The Taliban were banned by Russia" + c.suffix() + " in 2003.",
                        "banned",
                        "16",
                        List.of(c.russia()),
                        List.of(c.taliban()),
                        year(2003),
                        null)
                    .asBackground()),
            LocalDate.parse("2032-04-20"));
    List<Map<String, Object>> mentions =
        TestArticles.rows(
            "SELECT event_id, historical FROM entity.event_mention WHERE article_id = ? ORDER BY trigger_start",
            a1);
    assertNotEquals(mentions.get(0).get("event_id"), mentions.get(1).get("event_id"));
    assertEquals(mentions.get(1).get("event_id"), eventOf(a2));
    assertEquals("2003-01-01", event(eventOf(a2)).get("event_date").toString());
  }

  @Test
  void syndicatedCopiesCountAsOneSource() throws Exception {
    Cast c = cast();
    Article original =
        article(
            sentence(
                "Islamic State" + c.suffix() + " attacked a checkpoint in Russia.",
                "attacked",
                "18",
                List.of(c.is()),
                List.of(c.russia()),
                day("2031-06-01"),
                "RUS"));
    long a1 = store(original, LocalDate.parse("2031-06-02"));
    Article copy =
        article(
            sentence(
                "Islamic State"
                    + c.suffix()
                    + " attacked a checkpoint in Russia, agencies reported.",
                "attacked",
                "18",
                List.of(c.is()),
                List.of(c.russia()),
                day("2031-06-01"),
                "RUS"));
    long a2 = TestArticles.insert(copy.text(), LocalDate.parse("2031-06-02"), "en", 0.99, a1);
    replace(a2, copy, LocalDate.parse("2031-06-02"));
    Map<String, Object> event = event(eventOf(a1));
    assertEquals(2, event.get("article_count"));
    assertEquals(1, event.get("source_count"));
  }

  /** A, B and C report one happening (C names the actors of both), D another month. */
  private List<Article> chain(Cast c) {
    return chain(c, 0);
  }

  /** The chain, the given number of years later. */
  private List<Article> chain(Cast c, int years) {
    return List.of(
        article(
            sentence(
                "Islamic State Khorasan"
                    + c.suffix()
                    + " claimed the bombing."
                    + " Year "
                    + (2031 + years),
                "bombing",
                "18",
                List.of(c.isk()),
                List.of(),
                day(LocalDate.parse("2031-08-10").plusYears(years).toString()),
                "AFG")),
        article(
            sentence(
                "The Taliban" + c.suffix() + " were attacked in Kabul." + " Year " + (2031 + years),
                "attacked",
                "18",
                List.of(),
                List.of(c.taliban()),
                day(LocalDate.parse("2031-08-11").plusYears(years).toString()),
                "AFG")),
        article(
            sentence(
                "IS-K" + c.suffix() + " attacked the Taliban in Kabul." + " Year " + (2031 + years),
                "attacked",
                "18",
                List.of(c.isk()),
                List.of(c.taliban()),
                day(LocalDate.parse("2031-08-10").plusYears(years).toString()),
                "AFG")),
        article(
            sentence(
                "IS-K"
                    + c.suffix()
                    + " attacked the Taliban again in Kabul."
                    + " Year "
                    + (2031 + years),
                "attacked",
                "18",
                List.of(c.isk()),
                List.of(c.taliban()),
                day(LocalDate.parse("2031-09-20").plusYears(years).toString()),
                "AFG")));
  }

  private Set<Set<Integer>> partition(List<Long> ids) throws Exception {
    Map<Object, Set<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      groups.computeIfAbsent(eventOf(ids.get(i)), k -> new TreeSet<>()).add(i);
    }
    return new HashSet<>(groups.values());
  }

  /** Every order of 0..n-1. */
  private static List<int[]> permutations(int n) {
    List<int[]> all = new ArrayList<>();
    permute(new int[n], new boolean[n], 0, all);
    return all;
  }

  private static void permute(int[] order, boolean[] used, int at, List<int[]> all) {
    if (at == order.length) {
      all.add(order.clone());
      return;
    }
    for (int i = 0; i < order.length; i++) {
      if (!used[i]) {
        used[i] = true;
        order[at] = i;
        permute(order, used, at + 1, all);
        used[i] = false;
      }
    }
  }

  /** Stores the articles in the order given; returns their ids by index. */
  private List<Long> storeInOrder(List<Article> articles, List<LocalDate> published, int[] order)
      throws Exception {
    Long[] ids = new Long[articles.size()];
    for (int i : order) {
      ids[i] = store(articles.get(i), published.get(i));
    }
    return List.of(ids);
  }

  /** Digits only, so that no test's marker becomes a content word two sentences share. */
  private static String ref(Cast c) {
    return " Ref " + Math.abs((long) c.suffix().hashCode()) + ".";
  }

  @Test
  void anyInsertionOrderGivesTheSamePartition() throws Exception {
    // the bridging report (2) arrives first, in between and last among the 24 orders
    List<int[]> orders = permutations(4);
    Set<Set<Integer>> expected = Set.of(Set.of(0, 1, 2), Set.of(3));
    Cast c = cast();
    for (int k = 0; k < orders.size(); k++) {
      int[] order = orders.get(k);
      // each order two years after the previous one, so that the orders never meet
      List<Article> articles = chain(c, 2 * k);
      Long[] ids = new Long[articles.size()];
      for (int i : order) {
        ids[i] = store(articles.get(i), LocalDate.parse("2031-09-21").plusYears(2 * k));
      }
      assertEquals(expected, partition(List.of(ids)), "order " + Arrays.toString(order));
    }
  }

  @Test
  void anUndatedReportOfAGroupActiveInTwoAttacksYearsApartJoinsOneAndBridgesNothing()
      throws Exception {
    Set<Integer> joined = new HashSet<>();
    for (int[] order : permutations(3)) {
      Cast c = cast();
      List<Article> articles =
          List.of(
              article(
                  sentence(
                          "Islamic State fighters bombed the central market of Kabul, killing dozens."
                              + ref(c),
                          "bombed",
                          "18",
                          List.of(c.isk()),
                          List.of(),
                          day("2031-03-10"),
                          "AFG")
                      .at("Kabul")),
              article(
                  sentence(
                          "Islamic State fighters bombed the central market of Kabul again, killing"
                              + " dozens."
                              + ref(c),
                          "bombed",
                          "18",
                          List.of(c.isk()),
                          List.of(),
                          day("2034-05-02"),
                          "AFG")
                      .at("Kabul")),
              // no date, no place, no publication date: it could be either attack
              article(
                  sentence(
                      "Islamic State fighters bombed the central market, killing dozens, the group"
                          + " claimed."
                          + ref(c),
                      "bombed",
                      "18",
                      List.of(c.isk()),
                      List.of(),
                      EventScenario.undated(),
                      null)));
      List<LocalDate> published =
          Arrays.asList(LocalDate.parse("2031-03-11"), LocalDate.parse("2034-05-03"), null);
      List<Long> ids = storeInOrder(articles, published, order);
      String where = "order " + Arrays.toString(order);
      assertNotEquals(eventOf(ids.get(0)), eventOf(ids.get(1)), where);
      UUID undated = eventOf(ids.get(2));
      assertTrue(undated.equals(eventOf(ids.get(0))) || undated.equals(eventOf(ids.get(1))), where);
      joined.add(undated.equals(eventOf(ids.get(0))) ? 0 : 1);
      assertEquals("2031-03-10", event(eventOf(ids.get(0))).get("event_date").toString(), where);
      assertEquals("2034-05-02", event(eventOf(ids.get(1))).get("event_date").toString(), where);
      assertEquals(
          2,
          TestArticles.rows(
                  "SELECT DISTINCT event_id FROM entity.event_mention WHERE article_id = ANY (?)",
                  (Object) ids.toArray(Long[]::new))
              .size(),
          where);
    }
    assertEquals(1, joined.size(), "the undated report joins the same attack in every order");
  }

  @Test
  void twoAttacksOfOneGroupOnOneDayInTwoTownsAreTwoEvents() throws Exception {
    for (int[] order : permutations(3)) {
      Cast c = cast();
      List<Article> articles =
          List.of(
              article(
                  sentence(
                          "Islamic State gunmen stormed a wedding hall in Kabul." + ref(c),
                          "stormed",
                          "18",
                          List.of(c.isk()),
                          List.of(),
                          day("2031-07-01"),
                          "AFG")
                      .at("Kabul")),
              article(
                  sentence(
                          "Islamic State gunmen stormed a mosque in Herat during prayers." + ref(c),
                          "stormed",
                          "18",
                          List.of(c.isk()),
                          List.of(),
                          day("2031-07-01"),
                          "AFG")
                      .at("Herat")),
              article(
                  sentence(
                          "Gunmen of the Islamic State attacked the wedding hall in Kabul city,"
                              + " police said."
                              + ref(c),
                          "attacked",
                          "18",
                          List.of(c.isk()),
                          List.of(),
                          published("2031-07-02"),
                          "AFG")
                      .at("Kabul city")));
      LocalDate day = LocalDate.parse("2031-07-02");
      List<Long> ids = storeInOrder(articles, List.of(day, day, day), order);
      String where = "order " + Arrays.toString(order);
      assertNotEquals(eventOf(ids.get(0)), eventOf(ids.get(1)), where);
      assertEquals(eventOf(ids.get(0)), eventOf(ids.get(2)), where);
      assertTrue(event(eventOf(ids.get(0))).get("place").toString().startsWith("Kabul"), where);
    }
  }

  @Test
  void theSameTownAttackedInTwoYearsIsTwoEventsAndEachReportJoinsItsOwn() throws Exception {
    Cast c = cast();
    List<Article> articles = new ArrayList<>();
    List<LocalDate> published = new ArrayList<>();
    for (String date : List.of("2031-04-04", "2034-04-04")) {
      articles.add(
          article(
              sentence(
                      "A car bomb exploded outside the governor's office in Kandahar, "
                          + date
                          + "."
                          + ref(c),
                      "exploded",
                      "18",
                      List.of(),
                      List.of(),
                      day(date),
                      "AFG")
                  .at("Kandahar")));
      published.add(LocalDate.parse(date).plusDays(1));
      // dated only by its publication date, a day after each attack
      articles.add(
          article(
              sentence(
                      "The car bomb outside the governor's office in Kandahar killed six, "
                          + date
                          + "."
                          + ref(c),
                      "bomb",
                      "18",
                      List.of(),
                      List.of(),
                      published(LocalDate.parse(date).plusDays(1).toString()),
                      "AFG")
                  .at("Kandahar")));
      published.add(LocalDate.parse(date).plusDays(1));
    }
    List<Long> ids = storeInOrder(articles, published, new int[] {3, 0, 2, 1});
    assertEquals(eventOf(ids.get(0)), eventOf(ids.get(1)));
    assertEquals(eventOf(ids.get(2)), eventOf(ids.get(3)));
    assertNotEquals(eventOf(ids.get(0)), eventOf(ids.get(2)));
    assertEquals("2031-04-04", event(eventOf(ids.get(0))).get("event_date").toString());
    assertEquals("2034-04-04", event(eventOf(ids.get(2))).get("event_date").toString());
  }

  @Test
  void aBackgroundKillingBesideANewOneStaysItsOwnEvent() throws Exception {
    Cast c = cast();
    Article news =
        article(
            sentence(
                "Taliban fighters killed a police chief in Kandahar on Monday." + ref(c),
                "killed",
                "18",
                List.of(c.taliban()),
                List.of(),
                day("2031-06-02"),
                "AFG"),
            sentence(
                    "The killing recalled the 2028 killing of a governor in Kandahar." + ref(c),
                    "killing",
                    "18",
                    List.of(),
                    List.of(),
                    year(2028),
                    "AFG")
                .asBackground());
    Article followUp =
        article(
            sentence(
                "Taliban fighters killed the police chief of Kandahar, officials confirmed."
                    + ref(c),
                "killed",
                "18",
                List.of(c.taliban()),
                List.of(),
                published("2031-06-03"),
                "AFG"));
    Article history =
        article(
            sentence(
                    "The governor of Kandahar was killed in 2028 in a bombing." + ref(c),
                    "killed",
                    "18",
                    List.of(),
                    List.of(),
                    year(2028),
                    "AFG")
                .asBackground());
    long a1 = store(news, LocalDate.parse("2031-06-03"));
    long a2 = store(followUp, LocalDate.parse("2031-06-03"));
    long a3 = store(history, LocalDate.parse("2031-06-04"));
    List<Map<String, Object>> mentions =
        TestArticles.rows(
            "SELECT event_id FROM entity.event_mention WHERE article_id = ? ORDER BY trigger_start",
            a1);
    UUID current = (UUID) mentions.get(0).get("event_id");
    UUID background = (UUID) mentions.get(1).get("event_id");
    assertNotEquals(current, background);
    assertEquals(current, eventOf(a2));
    assertEquals(background, eventOf(a3));
    assertEquals("2031-06-02", event(current).get("event_date").toString());
    assertEquals("2028-01-01", event(background).get("event_date").toString());
  }

  @Test
  void aClashReportedFromBothSidesIsOneEventInTwoCountries() throws Exception {
    for (int[] order : permutations(3)) {
      Cast c = cast();
      List<Article> articles =
          List.of(
              article(
                  sentence(
                          "Russian troops attacked Ukrainian border posts near Kharkiv." + ref(c),
                          "attacked",
                          "19",
                          List.of(c.russia()),
                          List.of(c.ukraine()),
                          day("2031-10-05"),
                          "UKR")
                      .at("Kharkiv")),
              article(
                  sentence(
                          "Ukrainian forces shelled the border village of Tyotkino, Moscow said."
                              + ref(c),
                          "shelled",
                          "19",
                          List.of(c.ukraine()),
                          List.of(c.russia()),
                          day("2031-10-05"),
                          "RUS")
                      .at("Tyotkino")),
              // the same day, the same group of types, another country and no state named
              article(
                  sentence(
                          "Islamic State gunmen attacked a border post in Nangarhar." + ref(c),
                          "attacked",
                          "19",
                          List.of(c.isk()),
                          List.of(),
                          day("2031-10-05"),
                          "AFG")
                      .at("Nangarhar")));
      LocalDate day = LocalDate.parse("2031-10-06");
      List<Long> ids = storeInOrder(articles, List.of(day, day, day), order);
      String where = "order " + Arrays.toString(order);
      assertEquals(eventOf(ids.get(0)), eventOf(ids.get(1)), where);
      assertNotEquals(eventOf(ids.get(0)), eventOf(ids.get(2)), where);
    }
  }

  @Test
  void theDateWithMostEvidenceWinsAndAnUndatedReportShowsIt() throws Exception {
    Cast c = cast();
    List<Article> articles = new ArrayList<>();
    List<LocalDate> published = new ArrayList<>();
    // three reports dated only by their publication date, one by its own words
    for (int i = 0; i < 3; i++) {
      articles.add(
          article(
              sentence(
                  "Taliban fighters ambushed a convoy of Islamic State fighters, report "
                      + i
                      + "."
                      + ref(c),
                  "ambushed",
                  "19",
                  List.of(c.taliban()),
                  List.of(c.isk()),
                  published("2031-11-20"),
                  "AFG")));
      published.add(LocalDate.parse("2031-11-20"));
    }
    articles.add(
        article(
            sentence(
                "Taliban fighters ambushed a convoy of Islamic State fighters on 17 November."
                    + ref(c),
                "ambushed",
                "19",
                List.of(c.taliban()),
                List.of(c.isk()),
                day("2031-11-17"),
                "AFG")));
    published.add(LocalDate.parse("2031-11-20"));
    // an article without a date of its own or of publication
    articles.add(
        article(
            sentence(
                "Taliban fighters ambushed a convoy of Islamic State fighters, the Taliban said."
                    + ref(c),
                "ambushed",
                "19",
                List.of(c.taliban()),
                List.of(c.isk()),
                EventScenario.undated(),
                null)));
    published.add(null);
    List<Long> ids = storeInOrder(articles, published, new int[] {4, 0, 1, 3, 2});
    UUID id = eventOf(ids.get(0));
    for (long article : ids) {
      assertEquals(id, eventOf(article));
    }
    assertEquals("2031-11-17", event(id).get("event_date").toString());
    assertEquals("DAY", event(id).get("date_precision"));

    // two reports in their own words say the 18th, one the 17th: the 18th has more evidence
    Article eighteenth =
        article(
            sentence(
                "Taliban fighters ambushed a convoy of Islamic State fighters on 18 November,"
                    + " witnesses said."
                    + ref(c),
                "ambushed",
                "19",
                List.of(c.taliban()),
                List.of(c.isk()),
                day("2031-11-18"),
                "AFG"));
    store(eighteenth, LocalDate.parse("2031-11-20"));
    store(
        article(
            sentence(
                "On 18 November Taliban fighters ambushed a convoy of Islamic State fighters."
                    + ref(c),
                "ambushed",
                "19",
                List.of(c.taliban()),
                List.of(c.isk()),
                day("2031-11-18"),
                "AFG")),
        LocalDate.parse("2031-11-21"));
    assertEquals("2031-11-18", event(eventOf(ids.get(0))).get("event_date").toString());
  }

  @Test
  void mergingTwoNamesForOneGroupJoinsTheirEvents() throws Exception {
    Cast c = cast();
    String alias = "isk-alias" + c.suffix();
    TestArticles.update(
        "INSERT INTO entity.actor (id, name, type, origin) VALUES (?, ?, 'ARMED_GROUP',"
            + " 'PROVISIONAL')",
        alias,
        "Wilayat Khurasan" + c.suffix());
    long named =
        store(
            article(
                sentence(
                        "Islamic State Khorasan bombed a checkpoint in Jalalabad." + ref(c),
                        "bombed",
                        "18",
                        List.of(c.isk()),
                        List.of(),
                        day("2031-12-01"),
                        "AFG")
                    .at("Jalalabad")),
            LocalDate.parse("2031-12-02"));
    long aliased =
        store(
            article(
                sentence(
                        "Wilayat Khurasan claimed the blast at a Jalalabad checkpoint." + ref(c),
                        "blast",
                        "18",
                        List.of(alias),
                        List.of(),
                        day("2031-12-01"),
                        "AFG")
                    .at("Jalalabad")),
            LocalDate.parse("2031-12-02"));
    UUID first = eventOf(named);
    UUID second = eventOf(aliased);
    assertNotEquals(first, second, "two unrelated names: two events");
    given()
        .header("Authorization", "Bearer test-key")
        .contentType("application/json")
        .body("{\"into\": \"" + c.isk() + "\"}")
        .post("/actors/{id}/merge", alias)
        .then()
        .statusCode(200);
    assertEquals(eventOf(named), eventOf(aliased));
    UUID survivor = eventOf(named);
    assertTrue(Set.of(first, second).contains(survivor));
    UUID absorbed = survivor.equals(first) ? second : first;
    assertEquals(survivor, event(absorbed).get("merged_into"));
    assertEquals(2, event(survivor).get("article_count"));
  }

  @Test
  void aMentionThatLinksTwoEventsMergesThemAndTheAbsorbedIdPointsToTheSurvivor() throws Exception {
    Cast c = cast();
    List<Article> articles = chain(c);
    long a = store(articles.get(0), LocalDate.parse("2031-08-12"));
    long b = store(articles.get(1), LocalDate.parse("2031-08-12"));
    UUID first = eventOf(a);
    UUID second = eventOf(b);
    assertNotEquals(first, second);
    long bridge = store(articles.get(2), LocalDate.parse("2031-08-12"));
    assertEquals(first, eventOf(bridge));
    assertEquals(first, eventOf(b));
    assertEquals(first, event(second).get("merged_into"));
    assertEquals(3, event(first).get("article_count"));
  }

  @Test
  void reprocessingEveryArticleKeepsTheEventsAndTheirIds() throws Exception {
    Cast c = cast();
    List<Article> articles = new ArrayList<>(chain(c));
    articles.add(
        article(
            sentence(
                "Russia" + c.suffix() + " condemned the attack in Kabul.",
                "condemned",
                "11",
                List.of(c.russia()),
                List.of(c.isk()),
                day("2031-08-11"),
                null)));
    List<Long> ids = new ArrayList<>();
    for (Article article : articles) {
      ids.add(store(article, LocalDate.parse("2031-09-21")));
    }
    Map<Long, UUID> before = new HashMap<>();
    for (long id : ids) {
      before.put(id, eventOf(id));
    }
    Set<Set<Integer>> partition = partition(ids);
    // reprocess in another order than the first run
    for (int i = ids.size() - 1; i >= 0; i--) {
      replace(ids.get(i), articles.get(i), LocalDate.parse("2031-09-21"));
    }
    for (int i = 0; i < ids.size(); i += 2) {
      replace(ids.get(i), articles.get(i), LocalDate.parse("2031-09-21"));
    }
    for (long id : ids) {
      assertEquals(before.get(id), eventOf(id), "article " + id);
    }
    assertEquals(partition, partition(ids));
    Set<UUID> live = Set.copyOf(before.values());
    for (UUID id : live) {
      assertNull(event(id).get("merged_into"));
    }
    assertEquals(3, event(before.get(ids.get(0))).get("article_count"));
  }

  @Test
  void reprocessingThatRemovesTheLinkSplitsTheEventAndKeepsTheOldIdOnOnePart() throws Exception {
    Cast c = cast();
    List<Article> articles = chain(c);
    List<Long> ids = new ArrayList<>();
    for (Article article : articles.subList(0, 3)) {
      ids.add(store(article, LocalDate.parse("2031-08-12")));
    }
    UUID joint = eventOf(ids.get(0));
    // the bridge article, re-extracted, no longer names the Islamic State Khorasan
    Article changed =
        article(
            sentence(
                "IS-K" + c.suffix() + " attacked the Taliban in Kabul.",
                "attacked",
                "18",
                List.of(),
                List.of(c.taliban()),
                day("2031-08-10"),
                "AFG"));
    replace(ids.get(2), changed, LocalDate.parse("2031-08-12"));
    assertEquals(eventOf(ids.get(1)), eventOf(ids.get(2)));
    assertNotEquals(eventOf(ids.get(0)), eventOf(ids.get(1)));
    assertTrue(Set.of(eventOf(ids.get(0)), eventOf(ids.get(1))).contains(joint));
  }

  @Test
  void anEventLeftWithoutMentionsIsDeleted() throws Exception {
    Cast c = cast();
    Article article =
        article(
            sentence(
                "Russia" + c.suffix() + " threatened the Taliban.",
                "threatened",
                "13",
                List.of(c.russia()),
                List.of(c.taliban()),
                day("2031-02-02"),
                null));
    long id = store(article, LocalDate.parse("2031-02-03"));
    UUID event = eventOf(id);
    replace(id, article(), LocalDate.parse("2031-02-03"));
    assertTrue(TestArticles.rows("SELECT id FROM entity.event WHERE id = ?", event).isEmpty());
    assertTrue(
        TestArticles.rows("SELECT id FROM entity.event_mention WHERE article_id = ?", id)
            .isEmpty());
  }
}
