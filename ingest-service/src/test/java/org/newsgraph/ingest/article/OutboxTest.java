package org.newsgraph.ingest.article;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Storing an article and queueing it for extraction are one transaction. */
@QuarkusTest
class OutboxTest {

  @Test
  void everyStoredArticleIsQueuedOnce() {
    int id =
        ArticleIngestTest.postJson(Map.of("text", Texts.article(2)))
            .statusCode(201)
            .body("status", equalTo("QUEUED"))
            .extract()
            .path("id");
    assertEquals(
        1,
        Db.count(
            "SELECT count(*) FROM ingest.outbox WHERE article_id = ? AND status = 'QUEUED'"
                + " AND attempts = 0 AND available_at <= now()",
            (long) id));
  }

  @Test
  void aFailureAfterTheArticleInsertLeavesNothing() {
    String marker = "outbox-failure-" + Texts.unique();
    // the outbox insert fails for this one article, after its row was inserted
    Db.execute(
        """
        CREATE OR REPLACE FUNCTION ingest.fail_outbox_for_test() RETURNS trigger AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM ingest.article WHERE id = NEW.article_id AND title LIKE 'outbox-failure-%') THEN
            RAISE EXCEPTION 'outbox insert refused by test';
          END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql;
        CREATE TRIGGER fail_outbox_for_test BEFORE INSERT ON ingest.outbox
          FOR EACH ROW EXECUTE FUNCTION ingest.fail_outbox_for_test();
        """);
    try {
      ArticleIngestTest.postJson(Map.of("title", marker, "text", Texts.article(2)))
          .statusCode(500)
          .contentType("application/problem+json");
      assertEquals(0, Db.count("SELECT count(*) FROM ingest.article WHERE title = ?", marker));
    } finally {
      Db.execute(
          "DROP TRIGGER fail_outbox_for_test ON ingest.outbox;"
              + " DROP FUNCTION ingest.fail_outbox_for_test();");
    }
    // and the same article goes through once the fault is gone
    ArticleIngestTest.postJson(Map.of("title", marker, "text", Texts.article(2))).statusCode(201);
  }

  @Test
  void statusAndErrorComeFromTheOutbox() {
    int id =
        ArticleIngestTest.postJson(Map.of("text", Texts.article(2)))
            .statusCode(201)
            .extract()
            .path("id");
    Db.execute(
        "UPDATE ingest.outbox SET status = 'FAILED', last_error = 'parser crashed' WHERE article_id = "
            + id);
    io.restassured.RestAssured.given()
        .get("/articles/" + id)
        .then()
        .body("status", equalTo("FAILED"))
        .body("error", equalTo("parser crashed"));
  }
}
