package org.newsgraph.query.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.newsgraph.query.World.ids;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.newsgraph.query.World;
import org.newsgraph.query.rollup.RollupRefresher;

@QuarkusTest
class EventResourceTest {

  @Inject RollupRefresher refresher;

  /** Requests scoped to one world through its unique country code. */
  private static RequestSpecification in(World w) {
    return given().queryParam("country", w.fx.country);
  }

  @Test
  void listsCanonicalEventsNewestFirstUndatedLast() throws Exception {
    World w = World.refreshed(refresher);
    in(w)
        .when()
        .get("/events")
        .then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .body("items.id", contains(ids(w.consult, w.assault, w.fight, w.statement)))
        .body("nextCursor", nullValue());
  }

  @Test
  void anEventHasEveryContractField() throws Exception {
    World w = World.refreshed(refresher);
    in(w)
        .queryParam("type", "19")
        .when()
        .get("/events")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].id", equalTo(w.fight.toString()))
        .body("items[0].type", equalTo("19"))
        .body("items[0].typeName", equalTo("Fight"))
        .body("items[0].quadClass", equalTo(4))
        .body("items[0].goldstein", equalTo(-10.0f))
        .body("items[0].label", equalTo("Freedonia shells SLF positions"))
        .body("items[0].sourceActors.id", contains(w.state))
        .body("items[0].sourceActors[0].name", equalTo("Freedonia " + w.fx.tag))
        .body("items[0].targetActors.id", contains(w.group))
        .body("items[0].date", equalTo(w.fx.date(3, 6).toString()))
        .body("items[0].datePrecision", equalTo("DAY"))
        .body("items[0].location.place", equalTo("Fixture Town"))
        .body("items[0].location.country", equalTo(w.fx.country))
        .body("items[0].location.lat", nullValue())
        .body("items[0].fatalities.min", equalTo(12))
        .body("items[0].fatalities.max", equalTo(15))
        .body("items[0].fatalities.reports.articleId", contains((int) w.article1, (int) w.article2))
        .body("items[0].fatalities.reports.value", contains(12, 15))
        .body("items[0].fatalities.reports.qualifier", contains("AT_LEAST", "EXACT"))
        .body("items[0].injuries", nullValue())
        .body("items[0].factuality", equalTo("ASSERTED"))
        .body("items[0].articleCount", equalTo(2))
        .body("items[0].sourceCount", equalTo(2))
        .body("items[0].firstReportedAt", equalTo(w.fx.date(3, 6) + "T08:00:00Z"))
        .body("items[0].confidence", equalTo(0.9f));
    in(w)
        .queryParam("type", "18")
        .when()
        .get("/events")
        .then()
        .body("items[0].injuries.min", equalTo(3))
        .body("items[0].injuries.reports", empty());
  }

  @Test
  void filtersByActorEitherSideSourceTargetAndMergedIds() throws Exception {
    World w = World.refreshed(refresher);
    given()
        .queryParam("actor", w.state)
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(w.consult, w.assault, w.fight)));
    // the merged-away record stands for the actor it was merged into
    given()
        .queryParam("actor", w.mergedState)
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(w.consult, w.assault, w.fight)));
    given()
        .queryParam("source", w.state)
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(w.consult, w.fight)))
        .body("items[0].sourceActors.id", contains(w.state));
    given()
        .queryParam("target", w.state)
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(w.assault)));
    given()
        .queryParam("source", w.group)
        .queryParam("target", w.state)
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(w.assault)));
  }

  @Test
  void filtersByTypeListDatesFactualityAndArticles() throws Exception {
    World w = World.refreshed(refresher);
    in(w)
        .queryParam("type", "18,19")
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(w.assault, w.fight)));
    in(w)
        .queryParam("from", w.fx.date(4, 1).toString())
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(w.consult, w.assault)));
    in(w)
        .queryParam("to", w.fx.date(4, 11).toString())
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(w.assault, w.fight)));
    in(w)
        .queryParam("factuality", "possible")
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(w.consult)));
    in(w)
        .queryParam("minArticles", "2")
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(w.fight)));
  }

  @Test
  void aNegatedEventIsListedOnlyWhenAskedForAndCountsNowhere() throws Exception {
    World w = new World();
    UUID denied = w.fx.event("19", "Freedonia denies shelling", w.fx.date(3, 20), "DAY", "NEGATED");
    w.fx.eventActor(denied, w.state, "SOURCE");
    w.fx.eventActor(denied, w.group, "TARGET");
    w.fx.eventMention(denied, w.article2, w.text2, "killed", null, null);
    refresher.refresh();

    in(w)
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(w.consult, w.assault, w.fight, w.statement)));
    in(w)
        .queryParam("factuality", "negated")
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(denied)));
    in(w)
        .queryParam("factuality", "ASSERTED,NEGATED")
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(w.assault, denied, w.fight, w.statement)));
    // an actor's events: from the actor_event rollup by default, from the entity tables on request
    given()
        .queryParam("actor", w.state)
        .when()
        .get("/events")
        .then()
        .body("items.id", not(hasItem(denied.toString())));
    given()
        .queryParam("actor", w.state)
        .queryParam("factuality", "NEGATED")
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(denied)));
    // the rollups leave it out: a dyad's series, an actor's count and timeline
    given()
        .queryParam("a", w.state)
        .queryParam("b", w.group)
        .when()
        .get("/dyads")
        .then()
        .body("events.id", contains(ids(w.assault, w.fight)))
        .body("series.events", contains(1, 1));
    given().when().get("/actors/" + w.state).then().body("eventCount", equalTo(3));
    given()
        .queryParam("actor", w.state)
        .queryParam("bucket", "day")
        .when()
        .get("/timeline")
        .then()
        .body("period", not(hasItem(w.fx.date(3, 20).toString())));
  }

  @Test
  void sortsByArticles() throws Exception {
    World w = World.refreshed(refresher);
    in(w)
        .queryParam("sort", "articles")
        .queryParam("limit", 1)
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(w.fight)))
        .body("nextCursor", notNullValue());
  }

  @Test
  void pagesAcrossDatedAndUndatedEventsWithoutGapsOrRepeats() throws Exception {
    World w = World.refreshed(refresher);
    String cursor =
        in(w)
            .queryParam("limit", 3)
            .when()
            .get("/events")
            .then()
            .body("items.id", contains(ids(w.consult, w.assault, w.fight)))
            .extract()
            .path("nextCursor");
    // an event that arrives meanwhile, newer than the page, does not shift the next page
    w.fx.event("19", "Late news", w.fx.date(5, 1), "DAY", "ASSERTED");
    String last =
        in(w)
            .queryParam("limit", 3)
            .queryParam("cursor", cursor)
            .when()
            .get("/events")
            .then()
            .statusCode(200)
            .body("items.id", contains(ids(w.statement)))
            .extract()
            .path("nextCursor");
    org.junit.jupiter.api.Assertions.assertNull(last);
    String byArticles =
        in(w)
            .queryParam("sort", "articles")
            .queryParam("limit", 4)
            .when()
            .get("/events")
            .then()
            .extract()
            .path("nextCursor");
    in(w)
        .queryParam("sort", "articles")
        .queryParam("limit", 4)
        .queryParam("cursor", byArticles)
        .when()
        .get("/events")
        .then()
        .body("items", hasSize(1));
  }

  @Test
  void refusesBadParametersNamingThem() throws Exception {
    given()
        .queryParam("type", "21")
        .when()
        .get("/events")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("type"))
        .body("errors[0].message", containsString("'21'"));
    given()
        .queryParam("from", "2024-13-01")
        .queryParam("to", "yesterday")
        .queryParam("factuality", "RUMOURED")
        .queryParam("minArticles", "-1")
        .queryParam("sort", "relevance")
        .queryParam("limit", "0")
        .when()
        .get("/events")
        .then()
        .statusCode(400)
        .body(
            "errors.field",
            containsInAnyOrder("from", "to", "factuality", "minArticles", "sort", "limit"));
    given()
        .queryParam("from", "2024-05-01")
        .queryParam("to", "2024-04-01")
        .when()
        .get("/events")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("from"));
    given().queryParam("limit", "1000000").when().get("/events").then().statusCode(400);
    given()
        .queryParam("minArticles", "two")
        .when()
        .get("/events")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("minArticles"));
    given()
        .queryParam("country", "Syria")
        .when()
        .get("/events")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("country"));
  }

  @Test
  void anUnknownActorFilterIsNotFoundAndNamed() throws Exception {
    given()
        .queryParam("source", "nobody-at-all")
        .when()
        .get("/events")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("source"));
  }

  @Test
  void refusesATamperedCursor() throws Exception {
    World w = World.refreshed(refresher);
    String cursor =
        in(w).queryParam("limit", 1).when().get("/events").then().extract().path("nextCursor");
    String tampered = (cursor.charAt(0) == 'A' ? "B" : "A") + cursor.substring(1);
    in(w)
        .queryParam("cursor", tampered)
        .when()
        .get("/events")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("cursor"));
    in(w).queryParam("cursor", "%%%").when().get("/events").then().statusCode(400);
  }

  @Test
  void detailHasTheEvidenceOfEveryArticle() throws Exception {
    World w = World.refreshed(refresher);
    given()
        .when()
        .get("/events/{id}", w.fight)
        .then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .body("id", equalTo(w.fight.toString()))
        .body("typeName", equalTo("Fight"))
        .body("mentions", hasSize(2))
        .body("mentions.articleId", contains((int) w.article1, (int) w.article2))
        .body("mentions[0].url", containsString(w.fx.tag))
        .body("mentions[0].publishedAt", equalTo(w.fx.date(3, 6).toString()))
        .body(
            "mentions[0].sentence",
            equalTo(
                "Freedonia troops shelled Sylvania Liberation Front positions near Fixture Town on"
                    + " Monday, killing at least 12 people."))
        .body("mentions[0].trigger.start", equalTo(w.text1.indexOf("shelled")))
        .body("mentions[0].trigger.end", equalTo(w.text1.indexOf("shelled") + 7))
        .body("mentions[1].sentence", containsString("killed 15 fighters"));
  }

  @Test
  void aMergedAwayEventAnswersWithTheEventThatAbsorbedIt() throws Exception {
    World w = World.refreshed(refresher);
    given()
        .when()
        .get("/events/{id}", w.absorbed)
        .then()
        .statusCode(200)
        .body("id", equalTo(w.fight.toString()))
        .body("mentions", hasSize(2));
    // and it is never listed on its own
    in(w)
        .queryParam("type", "19")
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(w.fight)));
  }

  @Test
  void anUnknownOrMalformedEventIdIsNotFound() throws Exception {
    given()
        .when()
        .get("/events/{id}", UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given().when().get("/events/not-a-uuid").then().statusCode(404);
  }

  @Test
  void detailNamesEachReportsArticleAndMarksItsActorsAndFigures() throws Exception {
    World w = World.refreshed(refresher);
    w.fx.eventMentionActor(w.fight, w.article1, w.text1, "Freedonia", w.state, "SOURCE");
    w.fx.eventMentionActor(
        w.fight, w.article1, w.text1, "Sylvania Liberation Front", w.group, "TARGET");
    w.fx.fatalitiesSpan(w.fight, w.article1, w.text1, "at least 12");
    w.fx.eventMentionActor(
        w.consult, w.article3, w.text3, "Freedonian Republic", w.mergedState, "SOURCE");
    int sentence = w.text1.indexOf("Freedonia troops");
    given()
        .when()
        .get("/events/{id}", w.fight)
        .then()
        .statusCode(200)
        .body("mentions[0].title", equalTo(w.text1.substring(0, 40)))
        .body("mentions[0].source", equalTo("fixtures"))
        .body("mentions[0].sentenceStart", equalTo(sentence))
        .body("mentions[0].actors.id", contains(w.state, w.group))
        .body("mentions[0].actors.role", contains("SOURCE", "TARGET"))
        .body("mentions[0].actors[1].name", equalTo("Sylvania Liberation Front " + w.fx.tag))
        .body("mentions[0].actors[1].start", equalTo(w.text1.indexOf("Sylvania")))
        .body("mentions[0].actors[1].end", equalTo(w.text1.indexOf(" positions")))
        .body("mentions[0].figures", hasSize(1))
        .body("mentions[0].figures[0].kind", equalTo("FATALITIES"))
        .body("mentions[0].figures[0].value", equalTo(12))
        .body("mentions[0].figures[0].qualifier", equalTo("AT_LEAST"))
        .body("mentions[0].figures[0].start", equalTo(w.text1.indexOf("at least 12")))
        .body("mentions[0].figures[0].end", equalTo(w.text1.indexOf(" people.")))
        // a figure the extraction kept no offsets for is still listed, without them
        .body("mentions[1].actors", empty())
        .body("mentions[1].figures[0].value", equalTo(15))
        .body("mentions[1].figures[0].start", nullValue());
    // an actor record merged away is named as the actor it was merged into
    given()
        .when()
        .get("/events/{id}", w.consult)
        .then()
        .statusCode(200)
        .body("mentions[0].actors.id", contains(w.state))
        .body("mentions[0].actors[0].name", equalTo("Freedonia " + w.fx.tag))
        .body("mentions[0].figures", empty());
  }

  @Test
  void filtersByTheFullTextOfTheReportingArticles() throws Exception {
    World w = World.refreshed(refresher);
    // only the first article says "Monday"; both fight reports say "shelling"/"shelled"
    in(w)
        .queryParam("q", "Monday")
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(w.fight)));
    in(w)
        .queryParam("q", "\"Liberation Front fighters\"")
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(w.consult, w.assault)));
    in(w).queryParam("q", "Monday -troops").when().get("/events").then().body("items", empty());
    // combined with an actor, past the actor rollup
    in(w)
        .queryParam("q", w.fx.tag)
        .queryParam("actor", w.person)
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(w.consult)));
    // exports take the same filter
    in(w)
        .queryParam("q", "Monday")
        .when()
        .get("/events.ndjson")
        .then()
        .statusCode(200)
        .body(containsString(w.fight.toString()), not(containsString(w.assault.toString())));
  }

  @Test
  void theLiveFeedRefusesFullTextNamingIt() {
    given()
        .queryParam("q", "shelling")
        .when()
        .get("/events/stream")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("q"));
  }
}
