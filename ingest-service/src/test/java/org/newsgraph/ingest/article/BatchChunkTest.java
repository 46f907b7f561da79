package org.newsgraph.ingest.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A batch's new articles are stored a chunk per transaction (three per chunk in tests, see
 * application.properties): duplicates within and across chunks, near-duplicates within a chunk, and
 * a chunk in which one article fails in the database.
 */
@QuarkusTest
class BatchChunkTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ValidatableResponse ndjson(List<Map<String, Object>> items) {
    String body =
        items.stream()
            .map(
                item -> {
                  try {
                    return JSON.writeValueAsString(item);
                  } catch (IOException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .collect(Collectors.joining("\n"));
    return given()
        .config(ArticleIngestTest.NDJSON_AS_TEXT)
        .header("Authorization", ArticleIngestTest.KEY)
        .contentType("application/x-ndjson")
        .body(body)
        .when()
        .post("/articles/batch")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200);
  }

  /** Chunks that failed as a whole and were stored one by one, so far. */
  private static double chunksRetried() {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    java.util.regex.Matcher value =
        java.util.regex.Pattern.compile(
                "(?m)^ingest_batch_chunks_retried_total(?:\\{[^}]*\\})? (\\S+)$")
            .matcher(metrics);
    // the counter appears with the first article the service sees
    return value.find() ? Double.parseDouble(value.group(1)) : 0;
  }

  @Test
  void duplicatesWithinAChunkAndAcrossChunksAnswerTheFirst() {
    double retried = chunksRetried();
    String url = "https://chunks.example.org/" + Texts.unique();
    String text = Texts.article(2);
    String other = Texts.article(2);
    // chunks: [0 1 2] [3 4 5]; 2 repeats 1's URL in the same chunk, 4 repeats 0's text from the
    // chunk before, 5 repeats 3's text in the same chunk
    ValidatableResponse response =
        ndjson(
            List.of(
                Map.of("text", text),
                Map.of("url", url, "text", Texts.article(2)),
                Map.of("url", url + "?utm_source=x", "text", Texts.article(2)),
                Map.of("text", other),
                Map.of("text", text),
                Map.of("text", other)));
    response
        .body("accepted", equalTo(3))
        .body("duplicates", equalTo(3))
        .body("results.code", equalTo(List.of(201, 201, 200, 201, 200, 200)));
    List<Integer> ids = response.extract().path("results.id");
    List<Integer> duplicateOf = response.extract().path("results.duplicateOf");
    assertEquals(ids.get(1), duplicateOf.get(2));
    assertEquals(ids.get(1), ids.get(2));
    assertEquals(ids.get(0), duplicateOf.get(4));
    assertEquals(ids.get(3), duplicateOf.get(5));
    assertEquals(
        1,
        Db.count(
            "SELECT count(*) FROM ingest.article WHERE url_key LIKE ?",
            "%" + url.substring(8) + "%"));
    // found within the chunk, not through a unique violation and a retry one by one
    assertEquals(retried, chunksRetried());
  }

  @Test
  void nearDuplicatesInTheSameChunkAreLinkedToTheOriginal() {
    double retried = chunksRetried();
    String body = Texts.article(6);
    String copy = "A new headline for the partner copy\n\n" + body + "\n\nMore on this later.";
    String copyOfCopy =
        body.replaceFirst("\\. ", ". Officials added few details. ")
            + "\n\nThis story was provided by our partners. All rights reserved.";
    ValidatableResponse response =
        ndjson(
            List.of(
                Map.of("text", body),
                Map.of("text", copy),
                Map.of("text", copyOfCopy),
                Map.of("text", Texts.article(6))));
    response.body("results.code", equalTo(List.of(201, 201, 201, 201)));
    List<Integer> ids = response.extract().path("results.id");
    given().get("/articles/" + ids.get(0)).then().body("nearDuplicateOf", nullValue());
    given().get("/articles/" + ids.get(1)).then().body("nearDuplicateOf", equalTo(ids.get(0)));
    given().get("/articles/" + ids.get(2)).then().body("nearDuplicateOf", equalTo(ids.get(0)));
    given().get("/articles/" + ids.get(3)).then().body("nearDuplicateOf", nullValue());
    assertEquals(retried, chunksRetried());
  }

  @Test
  void aDatabaseFailureInAChunkRejectsOnlyThatItem() {
    String marker = "chunk-failure-" + Texts.unique();
    double retried = chunksRetried();
    Db.execute(
        """
        CREATE OR REPLACE FUNCTION ingest.fail_article_for_test() RETURNS trigger AS $$
        BEGIN
          IF NEW.title LIKE 'chunk-failure-%' THEN
            RAISE EXCEPTION 'article insert refused by test';
          END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql;
        CREATE TRIGGER fail_article_for_test BEFORE INSERT ON ingest.article
          FOR EACH ROW EXECUTE FUNCTION ingest.fail_article_for_test();
        """);
    ValidatableResponse response;
    try {
      response =
          ndjson(
              List.of(
                  Map.of("title", "chunk-ok-" + marker, "text", Texts.article(2)),
                  Map.of("title", marker, "text", Texts.article(2)),
                  Map.of("title", "chunk-ok-" + marker, "text", Texts.article(2))));
    } finally {
      Db.execute(
          "DROP TRIGGER fail_article_for_test ON ingest.article;"
              + " DROP FUNCTION ingest.fail_article_for_test();");
    }
    response
        .body("accepted", equalTo(2))
        .body("rejected", equalTo(1))
        .body("results.code", equalTo(List.of(201, 500, 201)));
    assertEquals(0, Db.count("SELECT count(*) FROM ingest.article WHERE title = ?", marker));
    assertEquals(
        2,
        Db.count(
            "SELECT count(*) FROM ingest.article a JOIN ingest.outbox o ON o.article_id = a.id"
                + " WHERE a.title = ?",
            "chunk-ok-" + marker));
    assertEquals(retried + 1, chunksRetried());
  }

  @Test
  void anOutboxFailureInAChunkLeavesNoArticleUnqueued() {
    String marker = "outbox-chunk-failure-" + Texts.unique();
    Db.execute(
        """
        CREATE OR REPLACE FUNCTION ingest.fail_chunk_outbox_for_test() RETURNS trigger AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM ingest.article
                     WHERE id = NEW.article_id AND title LIKE 'outbox-chunk-failure-%') THEN
            RAISE EXCEPTION 'outbox insert refused by test';
          END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql;
        CREATE TRIGGER fail_chunk_outbox_for_test BEFORE INSERT ON ingest.outbox
          FOR EACH ROW EXECUTE FUNCTION ingest.fail_chunk_outbox_for_test();
        """);
    ValidatableResponse response;
    try {
      response =
          ndjson(
              List.of(
                  Map.of("text", Texts.article(2)),
                  Map.of("text", Texts.article(2)),
                  Map.of("title", marker, "text", Texts.article(2))));
    } finally {
      Db.execute(
          "DROP TRIGGER fail_chunk_outbox_for_test ON ingest.outbox;"
              + " DROP FUNCTION ingest.fail_chunk_outbox_for_test();");
    }
    response.body("results.code", equalTo(List.of(201, 201, 500)));
    assertEquals(0, Db.count("SELECT count(*) FROM ingest.article WHERE title = ?", marker));
    assertEquals(
        0,
        Db.count(
            "SELECT count(*) FROM ingest.article a"
                + " WHERE NOT EXISTS (SELECT 1 FROM ingest.outbox o WHERE o.article_id = a.id)"));
  }
}
