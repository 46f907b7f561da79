package org.newsgraph.ingest.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BatchTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ValidatableResponse batch(String contentType, Object body) {
    return given()
        .config(ArticleIngestTest.NDJSON_AS_TEXT)
        .header("Authorization", ArticleIngestTest.KEY)
        .contentType(contentType)
        .body(body)
        .when()
        .post("/articles/batch")
        .then()
        .log()
        .ifValidationFails();
  }

  @Test
  void ndjsonWithABadLineRejectsOnlyThatLine() {
    String url = "https://batch.example.org/" + Texts.unique();
    String first = Texts.article(2);
    String ndjson =
        json(Map.of("url", url, "text", first))
            + "\n"
            + "{\"text\": \"broken\n"
            + json(Map.of("text", Texts.article(2), "publishedAt", "2024-02-30"))
            + "\n\n"
            + json(Map.of("url", url + "/", "text", Texts.article(2)))
            + "\r\n"
            + json(Map.of("html", "<p>" + Texts.article(1) + "</p>", "source", "batch"))
            + "\n"
            + json(Map.of("text", first)); // no final newline
    batch("application/x-ndjson", ndjson)
        .statusCode(200)
        .body("accepted", equalTo(2))
        .body("duplicates", equalTo(2))
        .body("rejected", equalTo(2))
        .body("results.size()", equalTo(6))
        .body("results[0].index", equalTo(0))
        .body("results[0].code", equalTo(201))
        .body("results[0].status", equalTo("QUEUED"))
        .body("results[0].id", notNullValue())
        .body("results[1].code", equalTo(400))
        .body("results[1].id", nullValue())
        .body("results[1].error", containsString("[1]"))
        .body("results[2].error", containsString("publishedAt"))
        .body("results[3].code", equalTo(200))
        .body("results[3].duplicateOf", notNullValue())
        .body("results[4].code", equalTo(201))
        .body("results[5].code", equalTo(200));
  }

  @Test
  void jsonArray() {
    String body =
        "["
            + json(Map.of("text", Texts.article(2)))
            + ", 42, "
            + json(Map.of("text", Map.of("wrong", "type")))
            + ","
            + json(Map.of("text", Texts.article(2)))
            + "]";
    batch("application/json", body)
        .statusCode(200)
        .body("accepted", equalTo(2))
        .body("rejected", equalTo(2))
        .body("results[1].error", containsString("not an object"))
        .body("results[2].error", containsString("[2].text"))
        .body("results[3].code", equalTo(201));
  }

  @Test
  void jsonArraySyntaxErrorEndsTheBatchButKeepsWhatCameBefore() {
    String marker = Texts.unique();
    String body =
        "["
            + json(Map.of("text", marker + " " + Texts.article(2)))
            + ", {\"text\": oops}, "
            + json(Map.of("text", Texts.article(2)))
            + "]";
    batch("application/json", body)
        .statusCode(200)
        .body("accepted", equalTo(1))
        .body("rejected", equalTo(1))
        .body("results.size()", equalTo(2));
    assertEquals(
        1, Db.count("SELECT count(*) FROM ingest.article WHERE text LIKE ?", marker + "%"));
  }

  @Test
  void notAnArray() {
    batch("application/json", "{\"text\": \"x\"}")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("body"));
  }

  @Test
  void oversizeItemIsRejectedAlone() {
    String huge = json(Map.of("text", "word ".repeat(450_000)));
    String ndjson =
        json(Map.of("text", Texts.article(2)))
            + "\n"
            + huge
            + "\n"
            + json(Map.of("text", Texts.article(2)))
            + "\n";
    batch("application/x-ndjson", ndjson)
        .statusCode(200)
        .body("accepted", equalTo(2))
        .body("results[1].code", equalTo(413));
    String array = "[" + json(Map.of("text", Texts.article(2))) + "," + huge + "]";
    batch("application/json", array)
        .statusCode(200)
        .body("accepted", equalTo(1))
        .body("results[1].code", equalTo(413));
  }

  /**
   * A body far larger than any buffer arrives as a stream of many parts; its items are stored as
   * they are read.
   */
  @Test
  void largeBatchStreamsThrough() {
    int items = 300;
    List<InputStream> parts = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      parts.add(
          new ByteArrayInputStream(
              (json(Map.of("text", Texts.article(6), "source", "stream")) + "\n")
                  .getBytes(StandardCharsets.UTF_8)));
    }
    given()
        .config(ArticleIngestTest.NDJSON_AS_TEXT)
        .header("Authorization", ArticleIngestTest.KEY)
        .contentType("application/x-ndjson")
        .body(new SequenceInputStream(Collections.enumeration(parts)))
        .when()
        .post("/articles/batch")
        .then()
        .statusCode(200)
        .body("accepted", equalTo(items))
        .body("rejected", equalTo(0))
        .body("results[299].index", equalTo(299));
  }

  @Test
  void batchItemsAreCountedInMetrics() {
    String source = "metrics-" + Texts.unique();
    String ndjson =
        json(Map.of("text", Texts.article(2), "source", source))
            + "\n"
            + json(Map.of("text", "   ", "source", source))
            + "\n";
    batch("application/x-ndjson", ndjson).statusCode(200);
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    org.junit.jupiter.api.Assertions.assertTrue(
        metrics.contains("ingest_articles_stored_total{source=\"" + source + "\"} 1.0"), metrics);
    org.junit.jupiter.api.Assertions.assertTrue(
        metrics.contains("ingest_articles_rejected_total{source=\"" + source + "\"} 1.0"));
    org.junit.jupiter.api.Assertions.assertTrue(
        metrics.contains("ingest_articles_received_total{source=\"" + source + "\"} 2.0"));
  }
}
