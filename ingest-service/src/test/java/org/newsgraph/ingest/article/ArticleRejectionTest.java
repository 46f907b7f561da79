package org.newsgraph.ingest.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input: a problem+json 4xx naming the field, and nothing stored. */
@QuarkusTest
class ArticleRejectionTest {

  private static ValidatableResponse post(String contentType, byte[] body) {
    return given()
        .header("Authorization", ArticleIngestTest.KEY)
        .contentType(contentType)
        .body(body)
        .when()
        .post("/articles")
        .then();
  }

  private static ValidatableResponse postJson(Object body) {
    return ArticleIngestTest.postJson(body);
  }

  /** The marker appears in the body sent, so nothing with it may be in the table afterwards. */
  private static void assertNothingStoredWith(String marker) {
    assertEquals(
        0,
        Db.count(
            "SELECT count(*) FROM ingest.article WHERE raw_content LIKE ? OR url LIKE ?",
            "%" + marker + "%",
            "%" + marker + "%"));
  }

  private static void problem(ValidatableResponse response, int status, String field) {
    response
        .statusCode(status)
        .contentType("application/problem+json")
        .body("status", equalTo(status))
        .body("errors.field", hasItem(field));
  }

  @Test
  void emptyText() {
    String marker = Texts.unique();
    problem(
        postJson(Map.of("text", " \n\u00A0\t ", "url", "https://x.org/" + marker)), 400, "text");
    assertNothingStoredWith(marker);
  }

  @Test
  void emptyPlainTextBody() {
    problem(post("text/plain", new byte[0]), 400, "text");
  }

  @Test
  void bothTextAndHtml() {
    String marker = Texts.unique();
    problem(
        postJson(Map.of("text", marker + " " + Texts.article(1), "html", "<p>x</p>")), 400, "html");
    assertNothingStoredWith(marker);
  }

  @Test
  void neitherTextNorHtml() {
    postJson(Map.of("title", "Only a title"))
        .statusCode(400)
        .body("errors.field", hasItems("text", "html"));
  }

  @Test
  void impossiblePublishedAt() {
    String marker = Texts.unique();
    problem(
        postJson(Map.of("text", marker + " " + Texts.article(1), "publishedAt", "2024-02-30")),
        400,
        "publishedAt");
    problem(
        postJson(Map.of("text", marker + " " + Texts.article(1), "publishedAt", "yesterday")),
        400,
        "publishedAt");
    assertNothingStoredWith(marker);
  }

  @Test
  void impossibleDateLine() {
    String marker = Texts.unique();
    problem(
        post(
            "text/plain",
            (" date 2023-13-01 " + marker + " " + Texts.article(1))
                .getBytes(StandardCharsets.UTF_8)),
        400,
        "text");
    assertNothingStoredWith(marker);
  }

  @Test
  void invalidUrlAndLanguage() {
    postJson(Map.of("text", Texts.article(1), "url", "not a url", "language", "english"))
        .statusCode(400)
        .body("errors.field", hasItems("url", "language"));
  }

  @Test
  void unknownContentTypeIs415() {
    problem(
        post("application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)),
        415,
        "Content-Type");
    given()
        .header("Authorization", ArticleIngestTest.KEY)
        .contentType("application/xml")
        .body("<a/>")
        .when()
        .post("/articles/batch")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
  }

  @Test
  void malformedJson() {
    problem(
        post("application/json", "{\"text\": \"unterminated".getBytes(StandardCharsets.UTF_8)),
        400,
        "body");
    problem(post("application/json", "[1, 2]".getBytes(StandardCharsets.UTF_8)), 400, "body");
  }

  @Test
  void wrongJsonType() {
    postJson(Map.of("text", Map.of("nested", true)))
        .statusCode(400)
        .body("errors.field", hasItem("text"));
  }

  @Test
  void invalidUtf8() {
    String marker = Texts.unique();
    byte[] prefix = (marker + " " + Texts.article(1) + " ").getBytes(StandardCharsets.UTF_8);
    byte[] body = java.util.Arrays.copyOf(prefix, prefix.length + 2);
    body[prefix.length] = (byte) 0xC3; // a lead byte followed by
    body[prefix.length + 1] = (byte) 0x28; // something that cannot continue it
    problem(post("text/plain; charset=utf-8", body), 400, "text");
    problem(post("text/plain; charset=no-such-charset", prefix), 400, "Content-Type");
    byte[] json = ("{\"text\": \"" + marker + " \u0000").getBytes(StandardCharsets.UTF_8);
    byte[] badJson = java.util.Arrays.copyOf(json, json.length + 3);
    badJson[json.length - 1] = (byte) 0xFF;
    badJson[json.length] = '"';
    badJson[json.length + 1] = '}';
    post("application/json", badJson).statusCode(400).contentType("application/problem+json");
    assertNothingStoredWith(marker);
  }

  @Test
  void declaredCharsetIsHonoured() {
    String text =
        "Caf\u00e9 owners in the old town protested on Monday against the new rules. "
            + Texts.article(1);
    post("text/plain; charset=ISO-8859-1", text.getBytes(StandardCharsets.ISO_8859_1))
        .statusCode(201);
  }

  @Test
  void oversizeArticleIs413() {
    String marker = Texts.unique();
    String huge = marker + " " + "word ".repeat(450_000); // 2.25 MB > 2 MB
    problem(post("text/plain", huge.getBytes(StandardCharsets.UTF_8)), 413, "body");
    problem(postJson(Map.of("text", huge)), 413, "body");
    assertNothingStoredWith(marker);
  }

  @Test
  void badListParameters() {
    problem(given().queryParam("limit", 501).get("/articles").then(), 400, "limit");
    problem(given().queryParam("from", "2024-02-31").get("/articles").then(), 400, "from");
    problem(given().queryParam("status", "LOST").get("/articles").then(), 400, "status");
    problem(given().queryParam("cursor", "garbage!").get("/articles").then(), 400, "cursor");
  }

  @Test
  void problemsNeverLeakInternals() {
    postJson(Map.of("text", "   ")).body("detail", containsString("text"));
  }
}
