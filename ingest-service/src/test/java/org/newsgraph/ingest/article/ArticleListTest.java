package org.newsgraph.ingest.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleListTest {

  @Test
  void filtersBySourceDatesStatusAndFullText() {
    String source = "list-" + Texts.unique();
    String word = "zq" + Texts.unique().replaceAll("[0-9]", "x");
    int march =
        ArticleIngestTest.postJson(
                Map.of(
                    "text",
                    Texts.article(2) + " " + word + ".",
                    "source",
                    source,
                    "publishedAt",
                    "2024-03-10"))
            .statusCode(201)
            .extract()
            .path("id");
    int may =
        ArticleIngestTest.postJson(
                Map.of("text", Texts.article(2), "source", source, "publishedAt", "2024-05-10"))
            .statusCode(201)
            .extract()
            .path("id");
    Db.execute("UPDATE ingest.outbox SET status = 'DONE' WHERE article_id = " + may);

    given()
        .queryParam("source", source)
        .get("/articles")
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of(may, march)))
        .body("nextCursor", nullValue());
    given()
        .queryParam("source", source)
        .queryParam("from", "2024-04-01")
        .get("/articles")
        .then()
        .body("items.id", equalTo(List.of(may)));
    given()
        .queryParam("source", source)
        .queryParam("to", "2024-04-01")
        .get("/articles")
        .then()
        .body("items.id", equalTo(List.of(march)));
    given()
        .queryParam("source", source)
        .queryParam("status", "done")
        .get("/articles")
        .then()
        .body("items.id", equalTo(List.of(may)))
        .body("items[0].status", equalTo("DONE"));
    given().queryParam("q", word).get("/articles").then().body("items.id", equalTo(List.of(march)));
  }

  @Test
  void cursorWalksEveryArticleOnceInStableOrder() {
    String source = "pages-" + Texts.unique();
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(
          0,
          ArticleIngestTest.postJson(Map.of("text", Texts.article(1), "source", source))
              .statusCode(201)
              .extract()
              .<Integer>path("id"));
    }
    List<Integer> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      var request = given().queryParam("source", source).queryParam("limit", 2);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      var page =
          request
              .get("/articles")
              .then()
              .statusCode(200)
              .body("items", everyItem(notNullValue()))
              .extract();
      seen.addAll(page.path("items.id"));
      cursor = page.path("nextCursor");
      pages++;
    } while (cursor != null);
    assertEquals(ids, seen);
    assertEquals(3, pages);
    given().queryParam("source", source).get("/articles").then().body("items", hasSize(5));
  }
}
