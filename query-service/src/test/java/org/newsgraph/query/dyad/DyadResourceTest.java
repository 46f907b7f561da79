package org.newsgraph.query.dyad;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.newsgraph.query.World;
import org.newsgraph.query.rollup.RollupRefresher;

@QuarkusTest
class DyadResourceTest {

  @Inject RollupRefresher refresher;

  @Test
  void hasBothDirectionsAndAMonthlySeriesWithGoldstein() throws Exception {
    World w = new World();
    refresher.refresh();
    given()
        .queryParam("a", w.state)
        .queryParam("b", w.group)
        .when()
        .get("/dyads")
        .then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .header("ETag", startsWith("W/"))
        .body("a.id", equalTo(w.state))
        .body("b.name", equalTo("Sylvania Liberation Front " + w.fx.tag))
        .body("events.id", contains(w.assault.toString(), w.fight.toString()))
        .body("nextCursor", nullValue())
        .body("series.period", contains(w.fx.date(3, 1).toString(), w.fx.date(4, 1).toString()))
        .body("series.events", contains(1, 1))
        .body("series.goldstein", contains(-10.0f, -9.0f));
  }

  @Test
  void followsMergesAndPages() throws Exception {
    World w = new World();
    refresher.refresh();
    String cursor =
        given()
            .queryParam("a", w.group)
            .queryParam("b", w.mergedState)
            .queryParam("limit", 1)
            .when()
            .get("/dyads")
            .then()
            .statusCode(200)
            .body("a.id", equalTo(w.group))
            .body("b.id", equalTo(w.state))
            .body("events.id", contains(w.assault.toString()))
            .body("nextCursor", notNullValue())
            .extract()
            .path("nextCursor");
    given()
        .queryParam("a", w.group)
        .queryParam("b", w.state)
        .queryParam("limit", 1)
        .queryParam("cursor", cursor)
        .when()
        .get("/dyads")
        .then()
        .body("events.id", contains(w.fight.toString()))
        .body("nextCursor", nullValue());
  }

  @Test
  void actorsWithoutSharedEventsHaveAnEmptyDyad() throws Exception {
    World w = new World();
    refresher.refresh();
    given()
        .queryParam("a", w.group)
        .queryParam("b", w.person)
        .when()
        .get("/dyads")
        .then()
        .statusCode(200)
        .body("events", empty())
        .body("series", empty());
  }

  @Test
  void refusesMissingUnknownAndIdenticalActors() {
    World w = new World();
    given()
        .when()
        .get("/dyads")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("a", "b"));
    given()
        .queryParam("a", w.state)
        .queryParam("b", "nobody-known")
        .when()
        .get("/dyads")
        .then()
        .statusCode(404)
        .body("errors[0].field", equalTo("b"));
    given()
        .queryParam("a", w.state)
        .queryParam("b", w.mergedState)
        .when()
        .get("/dyads")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("b"));
    given()
        .queryParam("a", w.state)
        .queryParam("b", w.group)
        .queryParam("limit", 501)
        .when()
        .get("/dyads")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("limit"));
  }
}
