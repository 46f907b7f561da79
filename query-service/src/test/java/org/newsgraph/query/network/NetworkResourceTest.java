package org.newsgraph.query.network;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.newsgraph.query.World;
import org.newsgraph.query.rollup.RollupRefresher;

@QuarkusTest
class NetworkResourceTest {

  @Inject RollupRefresher refresher;

  @Test
  void hasWeightedTypedDirectedEdgesInTheWindow() throws Exception {
    World w = new World();
    // a second fight in the same month makes state -> group the heaviest edge
    var again = w.fx.event("19", "More shelling", w.fx.date(3, 20), "DAY", "ASSERTED");
    w.fx.eventActor(again, w.state, "SOURCE");
    w.fx.eventActor(again, w.group, "TARGET");
    refresher.refresh();
    given()
        .queryParam("from", w.fx.date(1, 1).toString())
        .queryParam("to", w.fx.date(12, 31).toString())
        .when()
        .get("/network")
        .then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .body("edges", hasSize(3))
        .body("edges[0].source", equalTo(w.state))
        .body("edges[0].target", equalTo(w.group))
        .body("edges[0].weight", equalTo(2))
        .body("edges[0].types", contains("19"))
        .body("edges.source", containsInAnyOrder(w.state, w.state, w.group))
        .body("nodes.id", contains(w.state, w.group, w.person))
        .body("nodes[0].name", equalTo("Freedonia " + w.fx.tag))
        .body("nodes[0].type", equalTo("STATE"))
        .body("nodes[0].weight", equalTo(4))
        .body("nodes[2].weight", equalTo(1));
  }

  @Test
  void keepsOnlyEdgesOfTheMinimumWeightAndWindow() throws Exception {
    World w = new World();
    refresher.refresh();
    given()
        .queryParam("from", w.fx.date(4, 1).toString())
        .queryParam("to", w.fx.date(4, 30).toString())
        .when()
        .get("/network")
        .then()
        .body("edges.source", containsInAnyOrder(w.group, w.state))
        .body("edges.target", containsInAnyOrder(w.state, w.person));
    given()
        .queryParam("from", w.fx.date(1, 1).toString())
        .queryParam("to", w.fx.date(12, 31).toString())
        .queryParam("minWeight", 2)
        .when()
        .get("/network")
        .then()
        .body("edges", empty())
        .body("nodes", empty());
  }

  @Test
  void refusesBadParameters() {
    given()
        .queryParam("from", "March")
        .queryParam("minWeight", 0)
        .queryParam("limit", 5001)
        .when()
        .get("/network")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", containsInAnyOrder("from", "minWeight", "limit"));
  }
}
