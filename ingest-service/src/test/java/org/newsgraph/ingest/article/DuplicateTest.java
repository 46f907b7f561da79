package org.newsgraph.ingest.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DuplicateTest {

  private static long articlesWithText(String marker) {
    return Db.count("SELECT count(*) FROM ingest.article WHERE text LIKE ?", "%" + marker + "%");
  }

  @Test
  void sameUrlInAnotherSpellingIsADuplicateAndNothingIsStored() {
    String path = "/world/" + Texts.unique();
    int id =
        ArticleIngestTest.postJson(
                Map.of(
                    "url", "https://news.example.net" + path + "?id=7", "text", Texts.article(2)))
            .statusCode(201)
            .extract()
            .path("id");
    for (String spelling :
        new String[] {
          "HTTPS://NEWS.example.net" + path + "?id=7",
          "https://news.example.net" + path + "/?id=7&utm_source=twitter&utm_medium=social",
          "https://news.example.net:443" + path + "?fbclid=abc&id=7#comments",
          "https://news.example.net" + path + "?gclid=1&id=7"
        }) {
      String other = Texts.article(2);
      String marker = other.substring(0, 40);
      ArticleIngestTest.postJson(Map.of("url", spelling, "text", other))
          .statusCode(200)
          .body("id", equalTo(id))
          .body("duplicateOf", equalTo(id))
          .body("status", equalTo("QUEUED"));
      assertEquals(0, articlesWithText(marker), spelling);
    }
  }

  @Test
  void differentQueryParametersAreDifferentArticles() {
    String base = "https://news.example.net/item?id=" + Texts.unique();
    ArticleIngestTest.postJson(Map.of("url", base + "1", "text", Texts.article(2))).statusCode(201);
    ArticleIngestTest.postJson(Map.of("url", base + "2", "text", Texts.article(2))).statusCode(201);
  }

  @Test
  void sameTextWithOtherFormattingIsADuplicate() {
    String text = Texts.article(3);
    int id =
        ArticleIngestTest.postJson(Map.of("text", text, "source", "a"))
            .statusCode(201)
            .extract()
            .path("id");
    String reformatted =
        "  " + text.replace(". ", ".\u00A0 ").replace("\n\n", "\r\n\r\n\r\n").toUpperCase() + "\n";
    given()
        .header("Authorization", ArticleIngestTest.KEY)
        .contentType("text/plain; charset=utf-8")
        .queryParam("url", "https://other.example.org/" + Texts.unique())
        .body(reformatted)
        .when()
        .post("/articles")
        .then()
        .statusCode(200)
        .body("duplicateOf", equalTo(id));
    assertEquals(
        0, Db.count("SELECT count(*) FROM ingest.article WHERE raw_content = ?", reformatted));
  }

  @Test
  void syndicatedCopyWithNewHeadlineAndFooterIsStoredAsNearDuplicate() {
    String body = Texts.article(6);
    int original =
        ArticleIngestTest.postJson(
                Map.of("title", "Original headline", "text", body, "source", "wire"))
            .statusCode(201)
            .extract()
            .path("id");
    String copy =
        "Partner Site Daily\n\nA completely new headline for the copy\n\n"
            + body
            + "\n\nThis story was provided by our partners at the wire. All rights reserved.";
    int copyId =
        given()
            .header("Authorization", ArticleIngestTest.KEY)
            .contentType("text/plain; charset=utf-8")
            .queryParam("source", "partner")
            .body(copy)
            .when()
            .post("/articles")
            .then()
            .statusCode(201)
            .body("duplicateOf", nullValue())
            .extract()
            .path("id");
    given()
        .get("/articles/" + copyId)
        .then()
        .body("nearDuplicateOf", equalTo(original))
        .body("duplicateOf", equalTo(original));
    // a copy of the copy links to the same original, so the group counts as one source
    String edited =
        body.replaceFirst("\\. ", ". Officials added few details. ") + "\n\nMore on this later.";
    int third =
        ArticleIngestTest.postJson(Map.of("text", edited)).statusCode(201).extract().path("id");
    given().get("/articles/" + third).then().body("nearDuplicateOf", equalTo(original));
    given().get("/articles/" + original).then().body("nearDuplicateOf", nullValue());
  }

  @Test
  void unrelatedArticlesAreNotNearDuplicates() {
    int id =
        ArticleIngestTest.postJson(Map.of("text", Texts.article(4)))
            .statusCode(201)
            .extract()
            .path("id");
    given().get("/articles/" + id).then().body("nearDuplicateOf", nullValue());
  }
}
