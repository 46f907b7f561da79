package org.newsgraph.entity.processing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.newsgraph.entity.FaultInjectingExtractor;
import org.newsgraph.entity.TestArticles;
import org.newsgraph.entity.extraction.Extraction;
import org.newsgraph.entity.extraction.Extractor;

/** The outbox workers against the real database: leases, retries, crashes, concurrency. */
@QuarkusTest
class ExtractionWorkerTest {

  @Inject ExtractionWorker worker;
  @Inject OutboxQueue queue;
  @Inject ResultWriter writer;
  @Inject Extractor extractor;

  private static String owner() {
    return "test-" + UUID.randomUUID();
  }

  private void drain() {
    String owner = owner();
    while (worker.processNext(owner) > 0) {
      // until nothing is due
    }
  }

  private static Map<String, Object> outbox(long articleId) throws Exception {
    return TestArticles.row("SELECT * FROM ingest.outbox WHERE article_id = ?", articleId);
  }

  private static final AtomicInteger VARIANT = new AtomicInteger();

  /** A real report of an attack; the death toll differs from article to article. */
  private static long attackArticle() throws Exception {
    int killed = 100 + VARIANT.incrementAndGet();
    String text =
        "Gunmen from Islamic State Khorasan attacked the Crocus City Hall concert venue near"
            + " Moscow on 22 March 2024, killing "
            + killed
            + " people, Russian officials said.";
    return TestArticles.insert(text, LocalDate.parse("2024-05-02"), "en", 0.99);
  }

  private static Extraction empty(String version) {
    return new Extraction(version, "en", List.of(), List.of(), List.of());
  }

  private static long count(String table, long articleId) throws Exception {
    return (Long)
        TestArticles.row(
                "SELECT count(*) AS n FROM entity." + table + " WHERE article_id = ?", articleId)
            .get("n");
  }

  @Test
  void storesEveryResultWithTheStatusDone() throws Exception {
    long id = attackArticle();
    drain();
    Map<String, Object> row = outbox(id);
    assertEquals("DONE", row.get("status"));
    assertNull(row.get("lease_owner"));
    List<Map<String, Object>> stored =
        TestArticles.rows("SELECT text, actor_id FROM entity.mention WHERE article_id = ?", id);
    assertTrue(
        stored.stream().anyMatch(m -> "islamic-state-khorasan".equals(m.get("actor_id"))),
        "mentions: " + stored + " outbox " + row);
    Map<String, Object> attack =
        TestArticles.row(
            "SELECT event_id, type, fatalities FROM entity.event_mention WHERE article_id = ?"
                + " AND type IN ('18', '19', '20') ORDER BY trigger_start LIMIT 1",
            id);
    long mentions = count("mention", id);
    long events = count("event_mention", id);
    given()
        .get("/articles/{id}/annotations", id)
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("articleId", equalTo((int) id))
        .body("extractorVersion", equalTo(extractor.version()))
        .body("language", equalTo("en"))
        .body("mentions", hasSize((int) mentions))
        .body("mentions.actorId", hasItem("islamic-state-khorasan"))
        .body("events", hasSize((int) events))
        .body("events.eventId", hasItem(attack.get("event_id").toString()))
        .body("events.type", hasItem(attack.get("type")))
        .body("events[0].trigger.start", notNullValue())
        .body("events[0].sentence.end", notNullValue())
        .body("events[0].factuality", equalTo("ASSERTED"))
        // "near Moscow": the city, on the map
        .body("events.location.geonamesId", hasItem(524901))
        .body("events.location.precision", hasItem("CITY"));
  }

  @Test
  void runningAnArticleAgainLeavesNoDuplicates() throws Exception {
    long id = attackArticle();
    drain();
    long mentions = count("mention", id);
    long events = count("event_mention", id);
    List<Map<String, Object>> before =
        TestArticles.rows(
            "SELECT event_id FROM entity.event_mention WHERE article_id = ? ORDER BY trigger_start",
            id);
    for (int run = 0; run < 2; run++) {
      TestArticles.update("UPDATE ingest.outbox SET status = 'QUEUED' WHERE article_id = ?", id);
      drain();
    }
    assertEquals("DONE", outbox(id).get("status"));
    assertEquals(mentions, count("mention", id));
    assertEquals(events, count("event_mention", id));
    assertEquals(
        before,
        TestArticles.rows(
            "SELECT event_id FROM entity.event_mention WHERE article_id = ? ORDER BY trigger_start",
            id));
  }

  @Test
  void failuresAreRetriedWithBackoffThenFailedWithTheirError() throws Exception {
    String text = "An article the extractor chokes on. " + FaultInjectingExtractor.FAULT;
    long id = TestArticles.insert(text, LocalDate.parse("2024-05-02"), "en", 0.99);
    drain();
    Map<String, Object> row = outbox(id);
    assertEquals("QUEUED", row.get("status"));
    assertEquals(1, row.get("attempts"));
    assertTrue(row.get("last_error").toString().contains("injected fault"));
    java.time.Instant due = ((java.sql.Timestamp) row.get("available_at")).toInstant();
    assertTrue(due.isAfter(java.time.Instant.now().plusSeconds(20)), "backoff: due at " + due);
    drain();
    assertEquals(1, outbox(id).get("attempts"), "not retried before its backoff ran out");
    for (int attempt = 2; attempt <= 3; attempt++) {
      TestArticles.update("UPDATE ingest.outbox SET available_at = now() WHERE article_id = ?", id);
      drain();
      assertEquals(attempt, outbox(id).get("attempts"));
    }
    row = outbox(id);
    assertEquals("FAILED", row.get("status"));
    assertTrue(row.get("last_error").toString().contains("injected fault"));
    TestArticles.update("UPDATE ingest.outbox SET available_at = now() WHERE article_id = ?", id);
    drain();
    assertEquals(3, outbox(id).get("attempts"), "a FAILED article is not claimed again");
  }

  @Test
  void anExpiredLeaseIsReclaimedAndTheLostWorkerWritesNothing() throws Exception {
    drain();
    long id = attackArticle();
    String crashed = owner();
    List<OutboxQueue.Claim> claims = queue.claim(crashed, 10);
    assertEquals(List.of(id), claims.stream().map(OutboxQueue.Claim::articleId).toList());
    // the worker "dies": its lease runs out
    TestArticles.update(
        "UPDATE ingest.outbox SET lease_until = now() - interval '1 second' WHERE article_id = ?",
        id);
    drain();
    Map<String, Object> row = outbox(id);
    assertEquals("DONE", row.get("status"));
    assertEquals(1, row.get("attempts"), "the lost lease counts as an attempt");
    long mentions = count("mention", id);
    assertTrue(mentions > 0);
    // the first worker comes back to life and tries to write what it extracted
    OutboxQueue.Claim claim = claims.get(0);
    Extraction stale = new Extraction("stale", "en", List.of(), List.of(), List.of());
    assertThrows(
        ResultWriter.LeaseLostException.class,
        () -> writer.write(id, crashed, claim.text(), claim.publishedAt(), stale, null));
    assertEquals(mentions, count("mention", id));
    assertEquals(
        extractor.version(),
        TestArticles.row(
                "SELECT extractor_version FROM entity.article_extraction WHERE article_id = ?", id)
            .get("extractor_version"));
  }

  @Test
  void aWorkerWhoseLeaseWasTakenOverCannotWriteOrFail() throws Exception {
    drain();
    long id = attackArticle();
    String slow = owner();
    OutboxQueue.Claim claim = queue.claim(slow, 10).get(0);
    TestArticles.update(
        "UPDATE ingest.outbox SET lease_until = now() - interval '1 second' WHERE article_id = ?",
        id);
    String other = owner();
    assertEquals(
        List.of(id), queue.claim(other, 10).stream().map(OutboxQueue.Claim::articleId).toList());
    Extraction empty = empty("slow");
    assertThrows(
        ResultWriter.LeaseLostException.class,
        () -> writer.write(id, slow, claim.text(), claim.publishedAt(), empty, null));
    assertNull(queue.fail(id, slow, "too late"));
    assertEquals(0L, count("mention", id));
    assertEquals("PROCESSING", outbox(id).get("status"));
    assertEquals(other, outbox(id).get("lease_owner"));
    writer.write(id, other, claim.text(), claim.publishedAt(), empty, null);
    assertEquals("DONE", outbox(id).get("status"));
  }

  @Test
  void twoWorkersNeverClaimTheSameArticle() throws Exception {
    drain();
    Set<Long> inserted = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      inserted.add(
          TestArticles.insert(
              "Concurrent article " + i + " " + UUID.randomUUID(), null, "en", 0.99));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Long>>> results = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      String owner = "racer-" + w + "-" + UUID.randomUUID();
      results.add(
          pool.submit(
              () -> {
                start.await();
                List<Long> mine = new ArrayList<>();
                List<OutboxQueue.Claim> batch;
                while (!(batch = queue.claim(owner, 3)).isEmpty()) {
                  for (OutboxQueue.Claim claim : batch) {
                    mine.add(claim.articleId());
                    writer.write(
                        claim.articleId(),
                        owner,
                        claim.text(),
                        claim.publishedAt(),
                        new Extraction("race", "en", List.of(), List.of(), List.of()),
                        null);
                  }
                }
                return mine;
              }));
    }
    start.countDown();
    List<Long> first = results.get(0).get();
    List<Long> second = results.get(1).get();
    pool.shutdown();
    Set<Long> overlap = new HashSet<>(first);
    overlap.retainAll(second);
    assertEquals(Set.of(), overlap);
    Set<Long> all = new HashSet<>(first);
    all.addAll(second);
    assertTrue(all.containsAll(inserted));
    assertEquals(first.size() + second.size(), all.size());
    assertTrue(!first.isEmpty() && !second.isEmpty(), "both workers got work");
    for (long id : inserted) {
      assertEquals("DONE", outbox(id).get("status"));
    }
  }

  @Test
  void anArticleInALanguageWithoutEventsKeepsItsActorsAndSaysWhy() throws Exception {
    long indonesian =
        TestArticles.insert(
            "Presiden Vladimir Putin dan Presiden Xi Jinping menandatangani perjanjian"
                + " perdagangan. "
                + System.nanoTime(),
            null,
            "id",
            0.97);
    drain();
    Map<String, Object> row = outbox(indonesian);
    assertEquals("DONE", row.get("status"));
    assertTrue(row.get("last_error").toString().contains("actors only"));
    assertEquals(0L, count("event_mention", indonesian));
    given()
        .get("/articles/{id}/annotations", indonesian)
        .then()
        .statusCode(200)
        .body("language", equalTo("id"))
        .body("mentions.actorId", hasItem("vladimir-putin"))
        .body("mentions.actorId", hasItem("xi-jinping"));
  }

  @Test
  void aSpanishReportJoinsTheEnglishReportsOfTheSameAttack() throws Exception {
    long english = attackArticle();
    long spanish =
        TestArticles.insert(
            "Hombres armados del ISIS-K atacaron el 22 de marzo de 2024 una sala de conciertos"
                + " cerca de Moscú y mataron al menos a 140 personas, según las autoridades rusas. "
                + System.nanoTime(),
            LocalDate.parse("2024-03-23"),
            "es",
            0.99);
    drain();
    assertEquals("DONE", outbox(spanish).get("status"));
    assertNull(outbox(spanish).get("last_error"));
    List<Map<String, Object>> violent =
        TestArticles.rows(
            "SELECT article_id, event_id FROM entity.event_mention WHERE article_id IN (?, ?)"
                + " AND type IN ('18', '19', '20')",
            english,
            spanish);
    Set<Object> articles = new HashSet<>();
    Set<Object> events = new HashSet<>();
    for (Map<String, Object> mention : violent) {
      articles.add(mention.get("article_id"));
      events.add(mention.get("event_id"));
    }
    assertEquals(Set.of(english, spanish), articles);
    assertEquals(1, events.size(), "one canonical event for both reports: " + violent);
  }

  @Test
  void anEnglishArticleMisdetectedFromItsOpeningIsExtracted() throws Exception {
    long english =
        TestArticles.insert(
            "Jan de Vries, Pieter van Dijk, Anna Smit. Gunmen from Islamic State Khorasan attacked"
                + " a concert hall near Moscow on 22 March 2024, killing 143 people, Russian"
                + " officials said. "
                // digits only: the letters of a random UUID ("be", "e", "da") are function words
                // of some language and made the whole-text guess flaky
                + System.nanoTime(),
            LocalDate.parse("2024-03-23"),
            "nl",
            1.0);
    drain();
    assertEquals("DONE", outbox(english).get("status"));
    assertNotEquals(0L, count("event_mention", english));
  }

  @Test
  void reprocessingReplacesTheOldResults() throws Exception {
    long id = attackArticle();
    drain();
    long mentions = count("mention", id);
    long events = count("event_mention", id);
    // a stale result that the next extraction must not keep
    TestArticles.update(
        "INSERT INTO entity.mention (article_id, start_offset, end_offset, text) VALUES (?, 0, 6, 'Gunmen')",
        id);
    given()
        .header("Authorization", "Bearer test-key")
        .contentType("application/json")
        .body("{\"from\": \"2024-05-02\", \"to\": \"2024-05-02\"}")
        .post("/reprocess")
        .then()
        .statusCode(202)
        .body("queued", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    assertEquals("QUEUED", outbox(id).get("status"));
    drain();
    assertEquals("DONE", outbox(id).get("status"));
    assertEquals(mentions, count("mention", id));
    assertEquals(events, count("event_mention", id));
  }
}
