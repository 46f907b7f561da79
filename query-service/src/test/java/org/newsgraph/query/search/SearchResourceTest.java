package org.newsgraph.query.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.newsgraph.query.World;
import org.newsgraph.query.rollup.RollupRefresher;

@QuarkusTest
class SearchResourceTest {

  @Inject RollupRefresher refresher;

  @Test
  void findsArticlesWithHighlightedSnippetsTheirActorsAndFacets() throws Exception {
    World w = World.refreshed(refresher);
    given()
        .queryParam("q", w.fx.tag + " shelling")
        .when()
        .get("/search")
        .then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .body("items.articleId", contains((int) w.article2, (int) w.article1))
        .body("items[0].snippet", containsString("<mark>shelling</mark>"))
        .body("items[0].url", containsString(w.fx.tag))
        .body("items[0].publishedAt", equalTo(w.fx.date(3, 7).toString()))
        // most mentioned first
        .body("items[1].actors.id", contains(w.state, w.person, w.group))
        .body("facets.id", contains(w.state, w.group, w.person))
        .body("facets.articles", contains(2, 2, 1))
        .body("nextCursor", nullValue());
  }

  @Test
  void narrowsToAnActorAndPages() throws Exception {
    World w = World.refreshed(refresher);
    String cursor =
        given()
            .queryParam("q", w.fx.tag)
            .queryParam("actor", w.person)
            .queryParam("limit", 1)
            .when()
            .get("/search")
            .then()
            .statusCode(200)
            .body("items.articleId", contains((int) w.article3))
            .body("nextCursor", notNullValue())
            .extract()
            .path("nextCursor");
    given()
        .queryParam("q", w.fx.tag)
        .queryParam("actor", w.person)
        .queryParam("limit", 1)
        .queryParam("cursor", cursor)
        .when()
        .get("/search")
        .then()
        .body("items.articleId", contains((int) w.article1))
        .body("facets", hasSize(3));
  }

  @Test
  void aQueryWithoutMatchesIsEmpty() throws Exception {
    World w = World.refreshed(refresher);
    given()
        .queryParam("q", w.fx.tag + " -" + w.fx.tag)
        .when()
        .get("/search")
        .then()
        .statusCode(200)
        .body("items", empty())
        .body("facets", empty());
  }

  @Test
  void needsAQuery() throws Exception {
    given()
        .when()
        .get("/search")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("q"));
    given()
        .queryParam("q", "x")
        .queryParam("actor", "nobody-here")
        .when()
        .get("/search")
        .then()
        .statusCode(404)
        .body("errors[0].field", equalTo("actor"));
  }

  @Test
  void namesTheActorsWhoseNameMatchesOnTheFirstPageOnly() throws Exception {
    World w = World.refreshed(refresher);
    String query = "Sylvania Liberation Front " + w.fx.tag;
    String cursor =
        given()
            .queryParam("q", query)
            .queryParam("limit", 1)
            .when()
            .get("/search")
            .then()
            .statusCode(200)
            .body("actors.id", contains(w.group))
            .body("actors[0].mentionCount", equalTo(3))
            .extract()
            .path("nextCursor");
    given()
        .queryParam("q", query)
        .queryParam("cursor", cursor)
        .when()
        .get("/search")
        .then()
        .statusCode(200)
        .body("items", hasSize(2))
        .body("actors", empty());
  }
}
