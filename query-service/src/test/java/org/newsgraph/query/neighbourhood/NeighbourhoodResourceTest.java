package org.newsgraph.query.neighbourhood;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.newsgraph.query.World;
import org.newsgraph.query.rollup.RollupRefresher;

@QuarkusTest
class NeighbourhoodResourceTest {

  @Inject RollupRefresher refresher;

  @Test
  void anActorsMonthsByQuadClassDyadsAndNetworkInOneAnswer() throws Exception {
    World w = World.refreshed(refresher);
    String march = w.fx.date(3, 1).toString();
    String april = w.fx.date(4, 1).toString();
    given()
        .when()
        .get("/actors/{id}/neighbourhood", w.state)
        .then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .body("actor.id", equalTo(w.state))
        .body("actor.name", equalTo("Freedonia " + w.fx.tag))
        // the fight (19) in March; the consultation (04, through the merged record) and the
        // assault (18) in April
        .body("months.period", contains(march, april, april))
        .body("months.quadClass", contains(4, 1, 4))
        .body("months.events", contains(1, 1, 1))
        // the group shares two events with the state, the person one
        .body("dyads.actor.id", contains(w.group, w.person))
        .body("dyads.events", contains(2, 1))
        .body("dyads[0].series.period", contains(march, april))
        .body("dyads[0].series.goldstein", contains(-10.0f, -9.0f))
        .body("dyads[1].series.goldstein", contains(1.0f))
        .body("network.nodes.id", containsInAnyOrder(w.state, w.group, w.person))
        .body("network.edges", hasSize(3))
        .body(
            "network.edges.findAll { it.source == '%s' }.target".formatted(w.state),
            containsInAnyOrder(w.group, w.person))
        .body("network.edges.find { it.source == '%s' }.types".formatted(w.group), contains("18"));
  }

  @Test
  void aMergedAwayIdAnswersWithTheActorItWasMergedInto() throws Exception {
    World w = World.refreshed(refresher);
    given()
        .when()
        .get("/actors/{id}/neighbourhood", w.mergedState)
        .then()
        .statusCode(200)
        .body("actor.id", equalTo(w.state));
  }

  @Test
  void anUnknownActorIsNotFound() {
    given()
        .when()
        .get("/actors/{id}/neighbourhood", "no-such-actor")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
