package org.newsgraph.query.actor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
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
class ActorResourceTest {

  @Inject RollupRefresher refresher;

  @Test
  void listsActorsWithTheirCountsMostMentionedFirst() throws Exception {
    World w = new World();
    refresher.refresh();

    given()
        .queryParam("q", w.fx.tag)
        .queryParam("sort", "mentions")
        .when()
        .get("/actors")
        .then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .body("items.id", contains(w.state, w.group, w.person))
        .body("items[0].name", equalTo("Freedonia " + w.fx.tag))
        .body("items[0].type", equalTo("STATE"))
        .body("items[0].country", equalTo(w.fx.country))
        .body(
            "items[0].aliases",
            containsInAnyOrder("Freedonian state " + w.fx.tag, "Freedonian Republic " + w.fx.tag))
        .body("items[0].mentionCount", equalTo(5))
        .body("items[0].articleCount", equalTo(3))
        .body("items[0].eventCount", equalTo(3))
        .body("items[0].firstSeen", equalTo(w.fx.date(3, 6).toString()))
        .body("items[0].lastSeen", equalTo(w.fx.date(4, 11).toString()))
        .body("items[1].mentionCount", equalTo(3))
        .body("items[2].mentionCount", equalTo(2))
        .body("items[2].country", nullValue())
        .body("nextCursor", nullValue());
  }

  @Test
  void mergedAwayActorsAreNotListedButTheirNamesAreAliases() throws Exception {
    World w = new World();
    refresher.refresh();
    given()
        .queryParam("q", "Freedonian Republic " + w.fx.tag)
        .when()
        .get("/actors")
        .then()
        .statusCode(200)
        .body("items.id", contains(w.state));
  }

  @Test
  void filtersByTypeCountryAndAlias() throws Exception {
    World w = new World();
    refresher.refresh();
    given()
        .queryParam("q", w.fx.tag)
        .queryParam("type", "armed_group")
        .when()
        .get("/actors")
        .then()
        .statusCode(200)
        .body("items.id", contains(w.group));
    given()
        .queryParam("country", w.fx.country.toLowerCase())
        .when()
        .get("/actors")
        .then()
        .statusCode(200)
        .body("items.id", contains(w.state, w.group));
    given()
        .queryParam("q", "slf " + w.fx.tag)
        .when()
        .get("/actors")
        .then()
        .statusCode(200)
        .body("items.id", contains(w.group));
  }

  @Test
  void pagesWithAnOpaqueCursorInBothSortOrders() throws Exception {
    World w = new World();
    refresher.refresh();
    String next =
        given()
            .queryParam("q", w.fx.tag)
            .queryParam("sort", "name")
            .queryParam("limit", 2)
            .when()
            .get("/actors")
            .then()
            .statusCode(200)
            .body("items.id", contains(w.state, w.person))
            .body("nextCursor", notNullValue())
            .extract()
            .path("nextCursor");
    given()
        .queryParam("q", w.fx.tag)
        .queryParam("sort", "name")
        .queryParam("limit", 2)
        .queryParam("cursor", next)
        .when()
        .get("/actors")
        .then()
        .statusCode(200)
        .body("items.id", contains(w.group))
        .body("nextCursor", nullValue());

    String byMentions =
        given()
            .queryParam("q", w.fx.tag)
            .queryParam("sort", "mentions")
            .queryParam("limit", 1)
            .when()
            .get("/actors")
            .then()
            .body("items.id", contains(w.state))
            .extract()
            .path("nextCursor");
    given()
        .queryParam("q", w.fx.tag)
        .queryParam("sort", "mentions")
        .queryParam("limit", 1)
        .queryParam("cursor", byMentions)
        .when()
        .get("/actors")
        .then()
        .body("items.id", contains(w.group));
    // a cursor of one sort order is refused by the other
    given()
        .queryParam("sort", "name")
        .queryParam("cursor", byMentions)
        .when()
        .get("/actors")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("cursor"));
  }

  /**
   * Paging through every actor must not skip one whose counts grow between two pages: the default
   * order is the name, which new mentions do not change.
   */
  @Test
  void theDefaultOrderIsByNameSoPagesStayStableAsCountsGrow() throws Exception {
    World w = new World();
    refresher.refresh();
    String next =
        given()
            .queryParam("q", w.fx.tag)
            .queryParam("limit", 2)
            .when()
            .get("/actors")
            .then()
            .body("items.id", contains(w.state, w.person))
            .extract()
            .path("nextCursor");
    // the last actor in name order gains mentions before the second page is read
    for (int i = 0; i < 4; i++) {
      String text = "Sylvania Liberation Front fighters regrouped, report " + i + ". " + w.fx.tag;
      w.fx.mention(w.fx.article(text, w.fx.date(5, 1)), text, "Sylvania", 0, w.group);
    }
    refresher.refresh();
    given()
        .queryParam("q", w.fx.tag)
        .queryParam("limit", 2)
        .queryParam("cursor", next)
        .when()
        .get("/actors")
        .then()
        .body("items.id", contains(w.group));
  }

  @Test
  void refusesBadParametersNamingThem() {
    given()
        .queryParam("limit", 0)
        .when()
        .get("/actors")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("errors[0].field", equalTo("limit"));
    given().queryParam("limit", 1_000_000).when().get("/actors").then().statusCode(400);
    given().queryParam("limit", "many").when().get("/actors").then().statusCode(400);
    given()
        .queryParam("type", "ALIEN")
        .queryParam("sort", "height")
        .queryParam("country", "Freedonia")
        .when()
        .get("/actors")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("type", "sort", "country"));
    given()
        .queryParam("cursor", "bm90LWEtY3Vyc29y.AAAA")
        .when()
        .get("/actors")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("cursor"));
  }

  @Test
  void profileHasTimelineRelatedActorsAndRecentEvents() throws Exception {
    World w = new World();
    refresher.refresh();
    given()
        .when()
        .get("/actors/{id}", w.state)
        .then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .header("ETag", startsWith("W/\""))
        .header("Cache-Control", containsString("max-age=5"))
        .body("id", equalTo(w.state))
        .body("mentionCount", equalTo(5))
        .body("timeline.period", contains(w.fx.date(3, 1).toString(), w.fx.date(4, 1).toString()))
        .body("timeline.mentions", contains(3, 2))
        .body("related.actor.id", contains(w.group, w.person))
        .body("related.count", contains(2, 1))
        .body("related[0].actor.name", equalTo("Sylvania Liberation Front " + w.fx.tag))
        .body(
            "recentEvents.id",
            contains(w.consult.toString(), w.assault.toString(), w.fight.toString()))
        .body("recentEvents[0].sourceActors.id", contains(w.state));
  }

  @Test
  void aMergedAwayIdAnswersWithTheActorItWasMergedInto() throws Exception {
    World w = new World();
    refresher.refresh();
    given()
        .when()
        .get("/actors/{id}", w.mergedState)
        .then()
        .statusCode(200)
        .body("id", equalTo(w.state))
        .body("aliases", hasItem("Freedonian Republic " + w.fx.tag));
  }

  @Test
  void answersNotModifiedWhenTheETagStillMatches() throws Exception {
    World w = new World();
    refresher.refresh();
    String tag = given().when().get("/actors/{id}", w.person).then().extract().header("ETag");
    given()
        .header("If-None-Match", tag)
        .when()
        .get("/actors/{id}", w.person)
        .then()
        .statusCode(304)
        .header("ETag", equalTo(tag));
    // new evidence changes the answer and so the tag
    long more = w.fx.article("Rufus Firefly spoke again. " + w.fx.tag, w.fx.date(5, 2));
    w.fx.mention(more, "Rufus Firefly spoke again. " + w.fx.tag, "Rufus Firefly", 0, w.person);
    refresher.refresh();
    given()
        .header("If-None-Match", tag)
        .when()
        .get("/actors/{id}", w.person)
        .then()
        .statusCode(200)
        .body("mentionCount", equalTo(3));
  }

  @Test
  void anUnknownActorIsNotFound() {
    given()
        .when()
        .get("/actors/no-such-actor-anywhere")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("no-such-actor-anywhere"));
  }

  @Test
  void anActorWithoutEvidenceHasZeroCountsAndAnEmptyProfile() {
    World w = new World();
    String quiet = w.fx.actor("quiet", "Quiet Ministry " + w.fx.tag, "GOVERNMENT_BODY", null);
    given()
        .when()
        .get("/actors/{id}", quiet)
        .then()
        .statusCode(200)
        .body("mentionCount", equalTo(0))
        .body("firstSeen", nullValue())
        .body("timeline", empty())
        .body("related", empty())
        .body("recentEvents", hasSize(0));
  }
}
