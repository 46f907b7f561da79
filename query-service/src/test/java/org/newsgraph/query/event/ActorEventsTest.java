package org.newsgraph.query.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.newsgraph.query.World.ids;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.newsgraph.query.World;
import org.newsgraph.query.db.Reader;
import org.newsgraph.query.rollup.RollupRefresher;

/**
 * An actor's events (the profile's recent events, {@code GET /events?actor=}) come from the {@code
 * query.actor_event} rollup: they follow new events, merges and date changes one refresh later, and
 * keep their order and cursors meanwhile.
 */
@QuarkusTest
class ActorEventsTest {

  @Inject RollupRefresher refresher;
  @Inject Reader reader;

  @Test
  void aNewEventAppearsInTheActorsListsAfterARefresh() throws Exception {
    World w = World.refreshed(refresher);
    UUID news = w.fx.event("19", "New shelling", w.fx.date(5, 2), "DAY", "ASSERTED");
    w.fx.eventActor(news, w.group, "TARGET");
    w.fx.eventMention(news, w.article1, w.text1, "shelled", null, null);
    // not yet: the rollup is one refresh behind the entity schema
    given()
        .queryParam("actor", w.group)
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(w.assault, w.fight, w.statement)));
    refresher.refresh();
    given()
        .queryParam("actor", w.group)
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(news, w.assault, w.fight, w.statement)));
    given()
        .when()
        .get("/actors/{id}", w.group)
        .then()
        .body("recentEvents.id", contains(ids(news, w.assault, w.fight, w.statement)));
  }

  @Test
  void aMergedActorsEventsMoveToTheSurvivor() throws Exception {
    World w = World.refreshed(refresher);
    w.fx.mergeActor(w.person, w.group);
    refresher.refresh();
    given()
        .queryParam("actor", w.group)
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(w.consult, w.assault, w.fight, w.statement)))
        .body("items[0].targetActors.id", contains(w.group));
    given()
        .when()
        .get("/actors/{id}", w.person)
        .then()
        .body("id", equalTo(w.group))
        .body("recentEvents.id", contains(ids(w.consult, w.assault, w.fight, w.statement)));
    // the rollup keeps the survivor's id only
    assertEquals(
        List.of(0L, 4L),
        List.of(count(w.person), count(w.group)),
        "actor_event rows of the merged and the surviving actor");
  }

  @Test
  void pagesStayStableWhileEventsArriveAndChangeDate() throws Exception {
    World w = World.refreshed(refresher);
    String cursor =
        given()
            .queryParam("actor", w.group)
            .queryParam("limit", 2)
            .when()
            .get("/events")
            .then()
            .body("items.id", contains(ids(w.assault, w.fight)))
            .extract()
            .path("nextCursor");
    // newer than the page: does not shift the next page, even after a refresh
    UUID newer = w.fx.event("19", "Newer", w.fx.date(6, 1), "DAY", "ASSERTED");
    w.fx.eventActor(newer, w.group, "SOURCE");
    w.fx.eventMention(newer, w.article1, w.text1, "shelled", null, null);
    // older than the page: appears on the next page once refreshed
    UUID older = w.fx.event("19", "Older", w.fx.date(1, 2), "DAY", "ASSERTED");
    w.fx.eventActor(older, w.group, "SOURCE");
    w.fx.eventMention(older, w.article1, w.text1, "shelled", null, null);
    refresher.refresh();
    given()
        .queryParam("actor", w.group)
        .queryParam("limit", 2)
        .queryParam("cursor", cursor)
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(older, w.statement)))
        .body("nextCursor", nullValue());
    // an event whose date changed is left out until the refresh puts it in its new place
    w.fx.update(w.fight, "event_date = ?", w.fx.date(7, 1));
    given()
        .queryParam("actor", w.group)
        .when()
        .get("/events")
        .then()
        .body("items.id", not(hasItem(w.fight.toString())))
        .body("items.id", contains(ids(newer, w.assault, older, w.statement)));
    refresher.refresh();
    given()
        .queryParam("actor", w.group)
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(w.fight, newer, w.assault, older, w.statement)));
  }

  @Test
  void eventsThatLeftTheListSinceTheRefreshAreSkippedAndThePageStillFills() throws Exception {
    World w = World.refreshed(refresher);
    // the newest two of the state's events lose their articles (not yet refreshed)
    w.fx.update(w.consult, "article_count = 0");
    w.fx.update(w.assault, "article_count = 0");
    given()
        .queryParam("actor", w.state)
        .queryParam("limit", 1)
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(w.fight)))
        .body("nextCursor", nullValue());
  }

  @Test
  void aDateRangeKeepsToDatedEventsInTheRange() throws Exception {
    World w = World.refreshed(refresher);
    given()
        .queryParam("actor", w.group)
        .queryParam("from", w.fx.date(4, 1).toString())
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(w.assault)));
    given()
        .queryParam("actor", w.group)
        .queryParam("to", w.fx.date(3, 31).toString())
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(w.fight)));
  }

  private long count(String actorId) {
    return reader
        .one(
            "SELECT count(*) FROM query.actor_event WHERE actor_id = ?",
            List.of(actorId),
            row -> row.getLong(1))
        .orElseThrow();
  }
}
