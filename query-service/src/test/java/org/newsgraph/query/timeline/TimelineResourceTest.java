package org.newsgraph.query.timeline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.newsgraph.query.World;
import org.newsgraph.query.rollup.RollupRefresher;

@QuarkusTest
class TimelineResourceTest {

  @Inject RollupRefresher refresher;

  @Test
  void countsEventsAndArticlesPerMonthAsABareArray() throws Exception {
    World w = new World();
    refresher.refresh();
    given()
        .queryParam("from", w.fx.date(1, 1).toString())
        .queryParam("to", w.fx.date(12, 31).toString())
        .when()
        .get("/timeline")
        .then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .header("ETag", startsWith("W/"))
        .body("period", contains(w.fx.date(3, 1).toString(), w.fx.date(4, 1).toString()))
        // March: the fight (2 articles) and the undated statement, placed on its first report
        .body("events", contains(2, 2))
        .body("articles", contains(3, 2));
  }

  @Test
  void bucketsByDayAndWeekForOneActorAndType() throws Exception {
    World w = new World();
    refresher.refresh();
    given()
        .queryParam("actor", w.state)
        .queryParam("bucket", "day")
        .when()
        .get("/timeline")
        .then()
        .statusCode(200)
        .body(
            "period",
            contains(
                w.fx.date(3, 6).toString(),
                w.fx.date(4, 11).toString(),
                w.fx.date(4, 18).toString()))
        .body("events", contains(1, 1, 1));
    String monday = w.fx.date(4, 11).with(java.time.DayOfWeek.MONDAY).toString();
    given()
        .queryParam("actor", w.mergedState)
        .queryParam("type", "18")
        .queryParam("bucket", "WEEK")
        .when()
        .get("/timeline")
        .then()
        .body("period", contains(monday))
        .body("articles", contains(1));
  }

  @Test
  void refusesBadParameters() {
    given()
        .queryParam("bucket", "year")
        .queryParam("type", "1")
        .queryParam("to", "2020-02-30")
        .when()
        .get("/timeline")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("type", "bucket", "to"));
    given()
        .queryParam("actor", "nobody-here")
        .when()
        .get("/timeline")
        .then()
        .statusCode(404)
        .body("errors[0].field", equalTo("actor"));
  }
}
