package org.newsgraph.entity.processing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;
import org.newsgraph.entity.ScriptedExtractor;
import org.newsgraph.entity.TestArticles;
import org.newsgraph.entity.extraction.ActorMention;
import org.newsgraph.entity.extraction.ActorRef;
import org.newsgraph.entity.extraction.DatePrecision;
import org.newsgraph.entity.extraction.EventDate;
import org.newsgraph.entity.extraction.ExtractedEvent;
import org.newsgraph.entity.extraction.Extraction;
import org.newsgraph.entity.extraction.Factuality;
import org.newsgraph.entity.extraction.ProvisionalActor;
import org.newsgraph.entity.extraction.Span;

/** The outbox workers against the real database: leases, retries, crashes, concurrency. */
@QuarkusTest
class ExtractionWorkerTest {

  @Inject ExtractionWorker worker;
  @Inject OutboxQueue queue;
  @Inject ResultWriter writer;

  private static String owner() {
    return "test-" + UUID.randomUUID();
  }

  private void drain() {
    String owner = owner();
    while (worker.processBatch(owner) > 0) {
      // until nothing is due
    }
  }

  private static Map<String, Object> outbox(long articleId) throws Exception {
    return TestArticles.row("SELECT * FROM ingest.outbox WHERE article_id = ?", articleId);
  }

  /** An article whose scripted extraction names one new actor that attacks another. */
  private static long scriptedArticle() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String text = "The Militia " + tag + " attacked the Guard " + tag + " in the north.";
    long id = TestArticles.insert(text, LocalDate.parse("2024-05-02"), "en", 0.99);
    ScriptedExtractor.script(text, extraction(text, tag));
    return id;
  }

  private static Extraction extraction(String text, String tag) {
    String militia = "militia-" + tag;
    String guard = "guard-" + tag;
    Span militiaSpan = span(text, "Militia " + tag);
    Span guardSpan = span(text, "Guard " + tag);
    Span trigger = span(text, "attacked");
    return new Extraction(
        "scripted-1",
        "en",
        List.of(
            new ActorMention(militiaSpan, "Militia " + tag, "ORGANIZATION", militia),
            new ActorMention(guardSpan, "Guard " + tag, "ORGANIZATION", guard)),
        List.of(
            new ExtractedEvent(
                "18",
                trigger,
                "attacked",
                new Span(0, text.length()),
                List.of(new ActorRef(militia, militiaSpan)),
                List.of(new ActorRef(guard, guardSpan)),
                new EventDate(LocalDate.parse("2024-05-01"), DatePrecision.DAY, true, null),
                null,
                null,
                null,
                Factuality.ASSERTED,
                false,
                0.7)),
        List.of(
            new ProvisionalActor(militia, "Militia " + tag, "ARMED_GROUP", null),
            new ProvisionalActor(guard, "Guard " + tag, "ORGANIZATION", null)));
  }

  private static Span span(String text, String part) {
    int at = text.indexOf(part);
    return new Span(at, at + part.length());
  }

  private static long count(String table, long articleId) throws Exception {
    return (Long)
        TestArticles.row(
                "SELECT count(*) AS n FROM entity." + table + " WHERE article_id = ?", articleId)
            .get("n");
  }

  @Test
  void storesEveryResultWithTheStatusDone() throws Exception {
    long id = scriptedArticle();
    drain();
    Map<String, Object> row = outbox(id);
    assertEquals("DONE", row.get("status"));
    assertNull(row.get("lease_owner"));
    assertEquals(2L, count("mention", id));
    assertEquals(1L, count("event_mention", id));
    Object eventId =
        TestArticles.row("SELECT event_id FROM entity.event_mention WHERE article_id = ?", id)
            .get("event_id");
    given()
        .get("/articles/{id}/annotations", id)
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("articleId", equalTo((int) id))
        .body("extractorVersion", equalTo("scripted-1"))
        .body("mentions", hasSize(2))
        .body(
            "mentions[0].actorId",
            equalTo(
                TestArticles.row(
                        "SELECT actor_id FROM entity.mention WHERE article_id = ? ORDER BY start_offset LIMIT 1",
                        id)
                    .get("actor_id")))
        .body("events[0].eventId", equalTo(eventId.toString()))
        .body("events[0].type", equalTo("18"))
        .body("events[0].trigger.text", equalTo("attacked"))
        .body("events[0].sourceActorIds", hasSize(1))
        .body("events[0].date", equalTo("2024-05-01"))
        .body("events[0].datePrecision", equalTo("DAY"))
        .body("events[0].factuality", equalTo("ASSERTED"));
    assertEquals(
        "PROVISIONAL",
        TestArticles.row(
                "SELECT a.origin FROM entity.actor a JOIN entity.mention m ON m.actor_id = a.id"
                    + " WHERE m.article_id = ? LIMIT 1",
                id)
            .get("origin"));
  }

  @Test
  void runningAnArticleAgainLeavesNoDuplicates() throws Exception {
    long id = scriptedArticle();
    drain();
    Object event =
        TestArticles.row("SELECT event_id FROM entity.event_mention WHERE article_id = ?", id)
            .get("event_id");
    for (int run = 0; run < 2; run++) {
      TestArticles.update("UPDATE ingest.outbox SET status = 'QUEUED' WHERE article_id = ?", id);
      drain();
    }
    assertEquals("DONE", outbox(id).get("status"));
    assertEquals(2L, count("mention", id));
    assertEquals(1L, count("event_mention", id));
    assertEquals(
        event,
        TestArticles.row("SELECT event_id FROM entity.event_mention WHERE article_id = ?", id)
            .get("event_id"));
    assertEquals(
        1,
        TestArticles.row("SELECT article_count FROM entity.event WHERE id = ?", event)
            .get("article_count"));
  }

  @Test
  void failuresAreRetriedWithBackoffThenFailedWithTheirError() throws Exception {
    String text = "An article the extractor chokes on " + UUID.randomUUID();
    long id = TestArticles.insert(text, LocalDate.parse("2024-05-02"), "en", 0.99);
    ScriptedExtractor.failOn(text, "parser exploded");
    drain();
    Map<String, Object> row = outbox(id);
    assertEquals("QUEUED", row.get("status"));
    assertEquals(1, row.get("attempts"));
    assertTrue(row.get("last_error").toString().contains("parser exploded"));
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
    assertTrue(row.get("last_error").toString().contains("parser exploded"));
    TestArticles.update("UPDATE ingest.outbox SET available_at = now() WHERE article_id = ?", id);
    drain();
    assertEquals(3, outbox(id).get("attempts"), "a FAILED article is not claimed again");
  }

  @Test
  void anExpiredLeaseIsReclaimedAndTheLostWorkerWritesNothing() throws Exception {
    drain();
    long id = scriptedArticle();
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
    assertEquals(2L, count("mention", id));
    // the first worker comes back to life and tries to write what it extracted
    OutboxQueue.Claim claim = claims.get(0);
    Extraction stale = new Extraction("stale", "en", List.of(), List.of(), List.of());
    assertThrows(
        ResultWriter.LeaseLostException.class,
        () -> writer.write(id, crashed, claim.text(), claim.publishedAt(), stale));
    assertEquals(2L, count("mention", id));
    assertEquals(
        "scripted-1",
        TestArticles.row(
                "SELECT extractor_version FROM entity.article_extraction WHERE article_id = ?", id)
            .get("extractor_version"));
  }

  @Test
  void aWorkerWhoseLeaseWasTakenOverCannotWriteOrFail() throws Exception {
    drain();
    long id = scriptedArticle();
    String slow = owner();
    OutboxQueue.Claim claim = queue.claim(slow, 10).get(0);
    TestArticles.update(
        "UPDATE ingest.outbox SET lease_until = now() - interval '1 second' WHERE article_id = ?",
        id);
    String other = owner();
    assertEquals(
        List.of(id), queue.claim(other, 10).stream().map(OutboxQueue.Claim::articleId).toList());
    Extraction empty = new Extraction("slow", "en", List.of(), List.of(), List.of());
    assertThrows(
        ResultWriter.LeaseLostException.class,
        () -> writer.write(id, slow, claim.text(), claim.publishedAt(), empty));
    assertNull(queue.fail(id, slow, "too late"));
    assertEquals(0L, count("mention", id));
    assertEquals("PROCESSING", outbox(id).get("status"));
    assertEquals(other, outbox(id).get("lease_owner"));
    writer.write(id, other, claim.text(), claim.publishedAt(), empty);
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
                        new Extraction("race", "en", List.of(), List.of(), List.of()));
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
  void articlesConfidentlyInAnotherLanguageAreSkipped() throws Exception {
    long german =
        TestArticles.insert("Die Regierung hat heute " + UUID.randomUUID(), null, "de", 0.97);
    long unsure = TestArticles.insert("Short unclear text " + UUID.randomUUID(), null, "de", 0.3);
    drain();
    Map<String, Object> row = outbox(german);
    assertEquals("SKIPPED", row.get("status"));
    assertTrue(row.get("last_error").toString().contains("only English"));
    assertTrue(
        TestArticles.rows("SELECT 1 FROM entity.article_extraction WHERE article_id = ?", german)
            .isEmpty());
    assertEquals("DONE", outbox(unsure).get("status"));
    given()
        .get("/articles/{id}/annotations", german)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void reprocessingReplacesTheOldResults() throws Exception {
    long id = scriptedArticle();
    drain();
    String text =
        (String) TestArticles.row("SELECT text FROM ingest.article WHERE id = ?", id).get("text");
    ScriptedExtractor.script(
        text, new Extraction("scripted-2", "en", List.of(), List.of(), List.of()));
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
    assertEquals(0L, count("mention", id));
    assertEquals(0L, count("event_mention", id));
    given()
        .get("/articles/{id}/annotations", id)
        .then()
        .statusCode(200)
        .body("extractorVersion", equalTo("scripted-2"))
        .body("events", hasSize(0));
  }
}
