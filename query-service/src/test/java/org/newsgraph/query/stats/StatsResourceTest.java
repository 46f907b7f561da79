package org.newsgraph.query.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.newsgraph.query.Fixtures;
import org.newsgraph.query.World;
import org.newsgraph.query.rollup.RollupRefresher;

@QuarkusTest
class StatsResourceTest {

  @Inject RollupRefresher refresher;

  @Test
  void countsArticlesActorsEventsAndTheQueue() throws Exception {
    new World();
    refresher.refresh();
    JsonPath before = given().when().get("/stats").then().statusCode(200).extract().jsonPath();
    Fixtures fx = Fixtures.create();
    fx.article("Queued article " + fx.tag, fx.date(1, 1), "QUEUED");
    fx.article("Processing article " + fx.tag, fx.date(1, 1), "PROCESSING");
    fx.article("Failed article " + fx.tag, fx.date(1, 1), "FAILED");
    fx.actor("someone", "Someone " + fx.tag, "PERSON", null);
    fx.event("01", "A statement", fx.date(1, 2), "DAY", "ASSERTED");
    JsonPath after =
        given()
            .when()
            .get("/stats")
            .then()
            .statusCode(200)
            .contentType(ContentType.JSON)
            .header("ETag", startsWith("W/"))
            .header("Cache-Control", containsString("max-age"))
            .body("rollupsAsOf", notNullValue())
            .extract()
            .jsonPath();
    assertEquals(before.getLong("articles") + 3, after.getLong("articles"));
    assertEquals(before.getLong("actors") + 1, after.getLong("actors"));
    assertEquals(before.getLong("events") + 1, after.getLong("events"));
    assertEquals(before.getLong("queue.queued") + 1, after.getLong("queue.queued"));
    assertEquals(before.getLong("queue.processing") + 1, after.getLong("queue.processing"));
    assertEquals(before.getLong("queue.failed") + 1, after.getLong("queue.failed"));
  }

  @Test
  void summarisesAsPlainTextForTheRunScript() throws Exception {
    World w = new World();
    Fixtures.run("UPDATE entity.event SET article_count = 100000 WHERE id = ?", w.fight);
    refresher.refresh();
    given()
        .accept("text/plain")
        .when()
        .get("/stats")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/plain"))
        .header("ETag", startsWith("W/"))
        .body(startsWith("articles "))
        .body(containsString("Top actors by mentions"))
        .body(containsString("Top events by articles"))
        .body(containsString(w.fx.date(3, 6) + " 100000 articles  19 Fight: Freedonia shells SLF"));
  }

  @Test
  void answersNotModifiedForAnUnchangedETag() {
    String tag = given().when().get("/stats").then().extract().header("ETag");
    given().header("If-None-Match", tag).when().get("/stats").then().statusCode(304);
    given()
        .header("If-None-Match", "W/\"something-else\"")
        .when()
        .get("/stats")
        .then()
        .statusCode(200)
        .body("articles", greaterThanOrEqualTo(0));
  }
}
