package org.newsgraph.ingest.source;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsgraph.ingest.article.Db;
import org.newsgraph.ingest.article.Texts;

/** Adding, reading, changing and removing sources through the API. */
@QuarkusTest
class SourceResourceTest {

  private final FeedServer server = new FeedServer();
  private final Sources sources = new Sources();

  SourceResourceTest() {
    server.serve("/empty.xml", Feeds.RSS_TYPE, Feeds.rss(List.of()));
  }

  @AfterEach
  void cleanUp() {
    sources.close();
    server.close();
  }

  private String feedUrl() {
    return server.url("/empty.xml?feed=" + Texts.unique());
  }

  @Test
  void addsAFeedWithOneRequest() {
    String url = feedUrl();
    var created =
        Sources.post(
                Map.of(
                    "url", url,
                    "name", "  Test   Outlet ",
                    "interval", "PT15M",
                    "language", "EN",
                    "country", "fr"))
            .statusCode(201)
            .contentType(ContentType.JSON)
            .body("url", equalTo(url))
            .body("name", equalTo("Test Outlet"))
            .body("interval", equalTo("PT15M"))
            .body("language", equalTo("en"))
            .body("country", equalTo("FRA"))
            .body("paused", equalTo(false))
            .body("createdAt", notNullValue())
            .body("nextPollAt", notNullValue())
            .body("articles", equalTo(0))
            .extract();
    int id = created.path("id");
    try {
      assertThat(created.header("Location"), endsWith("/sources/" + id));
      given()
          .get("/sources/" + id)
          .then()
          .statusCode(200)
          .body("id", equalTo(id))
          .body("url", equalTo(url));
    } finally {
      given().header("Authorization", Sources.KEY).delete("/sources/" + id).then().statusCode(204);
    }
  }

  @Test
  void writesNeedAKey() {
    long before = Db.count("SELECT count(*) FROM ingest.source");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("url", feedUrl(), "name", "n", "interval", "PT1H"))
        .post("/sources")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    long id = sources.add(feedUrl(), "keyed", "PT1H");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("paused", true))
        .patch("/sources/" + id)
        .then()
        .statusCode(401);
    given().header("Authorization", "Bearer wrong").delete("/sources/" + id).then().statusCode(401);
    assertEquals(before + 1, Db.count("SELECT count(*) FROM ingest.source"));
    assertEquals(false, given().get("/sources/" + id).then().extract().path("paused"));
  }

  @Test
  void namesEveryInvalidField() {
    Map<String, Object> body = new HashMap<>();
    body.put("url", "ftp://outlet.example/feed");
    body.put("name", " ");
    body.put("interval", "PT0.1S");
    body.put("language", "english");
    body.put("country", "ZZ");
    body.put("paused", "yes");
    body.put("colour", "red");
    Sources.post(body)
        .statusCode(400)
        .contentType("application/problem+json")
        .body(
            "errors.field",
            hasItems("url", "name", "interval", "language", "country", "paused", "colour"));
    Sources.post(Map.of("url", feedUrl()))
        .statusCode(400)
        .body("errors.field", hasItems("name", "interval"))
        .body("errors.message", hasItems("is required"));
    Sources.post(Map.of("url", feedUrl(), "name", "n", "interval", "one hour"))
        .statusCode(400)
        .body("errors[0].field", equalTo("interval"))
        .body("errors[0].message", containsString("ISO-8601"));
    Sources.post(Map.of("url", feedUrl(), "name", "n", "interval", "P60D"))
        .statusCode(400)
        .body("errors[0].message", equalTo("must be at most PT720H"));
    Sources.post(Map.of("url", "http://no-such-host.invalid/feed", "name", "n", "interval", "PT1H"))
        .statusCode(400)
        .body("errors[0].field", equalTo("url"))
        .body("errors[0].message", containsString("could not be resolved"));
    given()
        .header("Authorization", Sources.KEY)
        .contentType(ContentType.JSON)
        .body("{\"url\": ")
        .post("/sources")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .header("Authorization", Sources.KEY)
        .contentType(ContentType.JSON)
        .body("[]")
        .post("/sources")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("body"));
  }

  @Test
  void refusesTheSameFeedTwice() {
    String url = feedUrl();
    long id = sources.add(url, "first", "PT1H");
    Sources.post(
            Map.of("url", url.replace("http://", "HTTP://"), "name", "again", "interval", "PT1H"))
        .statusCode(409)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("url"))
        .body("errors[0].message", equalTo("is the feed of source " + id));
    long other = sources.add(feedUrl(), "second", "PT1H");
    Sources.patch(other, Map.of("url", url)).statusCode(409);
  }

  @Test
  void listsNewestFirstAPageAtATime() {
    long a = sources.add(feedUrl(), "a", "PT1H");
    long b = sources.add(feedUrl(), "b", "PT1H");
    long c = sources.add(feedUrl(), "c", "PT1H");
    String cursor =
        given()
            .get("/sources?limit=2")
            .then()
            .statusCode(200)
            .body("items.id", equalTo(List.of((int) c, (int) b)))
            .body("nextCursor", notNullValue())
            .extract()
            .path("nextCursor");
    given()
        .get("/sources?limit=1&cursor=" + cursor)
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of((int) a)));
    given()
        .get("/sources?cursor=nonsense")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("cursor"));
    given()
        .get("/sources?limit=0")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("limit"));
    given().get("/sources?limit=501").then().statusCode(400);
  }

  @Test
  void pausesResumesAndChangesASource() {
    long id = sources.add(feedUrl(), "changing", "PT1H");
    Sources.patch(id, Map.of("paused", true)).statusCode(200).body("paused", equalTo(true));
    Sources.patch(
            id, Map.of("name", "renamed", "interval", "PT2H", "language", "de", "country", "DEU"))
        .statusCode(200)
        .body("name", equalTo("renamed"))
        .body("interval", equalTo("PT2H"))
        .body("language", equalTo("de"))
        .body("country", equalTo("DEU"))
        .body("paused", equalTo(true));
    Map<String, Object> clear = new HashMap<>();
    clear.put("language", null);
    clear.put("country", null);
    Sources.patch(id, clear)
        .statusCode(200)
        .body("language", nullValue())
        .body("country", nullValue());
    Map<String, Object> noName = new HashMap<>();
    noName.put("name", null);
    Sources.patch(id, noName).statusCode(400).body("errors[0].field", equalTo("name"));
    Sources.patch(id, Map.of("pause", false))
        .statusCode(400)
        .body("errors[0].field", equalTo("pause"));
    Sources.patch(id, Map.of("paused", false)).statusCode(200).body("paused", equalTo(false));
    given()
        .header("Authorization", Sources.KEY)
        .contentType("application/merge-patch+json")
        .body("{\"name\": \"merged\"}")
        .patch("/sources/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("merged"));
    Sources.patch(Long.MAX_VALUE, Map.of("paused", true))
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void deletingASourceStopsIt() {
    long id = sources.add(feedUrl(), "doomed", "PT1H");
    given().header("Authorization", Sources.KEY).delete("/sources/" + id).then().statusCode(204);
    given().get("/sources/" + id).then().statusCode(404).contentType("application/problem+json");
    given().header("Authorization", Sources.KEY).delete("/sources/" + id).then().statusCode(404);
    given().get("/sources/not-a-number").then().statusCode(404);
  }
}
