package org.newsgraph.query.rollup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.query.World;
import org.newsgraph.query.db.DatabaseException;
import org.newsgraph.query.db.Reader;

/** The rollups follow changes incrementally: re-extraction, deleted events, actor merges. */
@QuarkusTest
class RollupRefresherTest {

  @Inject RollupRefresher refresher;
  @Inject Reader reader;

  @Test
  void aReExtractedArticleReplacesItsContribution() throws Exception {
    World w = new World();
    refresher.refresh();
    // article 3 extracted again: Rufus Firefly is no longer found in it
    w.fx.deleteMentions(w.article3);
    w.fx.mention(w.article3, w.text3, "Freedonia", 0, w.state);
    w.fx.touchArticle(w.article3);
    refresher.refresh();
    given()
        .when()
        .get("/actors/{id}", w.person)
        .then()
        .body("mentionCount", equalTo(1))
        .body("articleCount", equalTo(1))
        .body("lastSeen", equalTo(w.fx.date(3, 6).toString()))
        .body("timeline.period", contains(w.fx.date(3, 1).toString()));
    given()
        .when()
        .get("/actors/{id}", w.group)
        .then()
        .body("mentionCount", equalTo(2))
        .body("articleCount", equalTo(2));
  }

  @Test
  void refreshingAgainWithoutChangesChangesNothing() throws Exception {
    World w = new World();
    refresher.refresh();
    w.fx.touchArticle(w.article1);
    w.fx.update(w.fight, "label = label");
    refresher.refresh();
    refresher.refresh();
    given()
        .when()
        .get("/actors/{id}", w.state)
        .then()
        .body("mentionCount", equalTo(5))
        .body("articleCount", equalTo(3))
        .body("eventCount", equalTo(3));
    given()
        .queryParam("a", w.state)
        .queryParam("b", w.group)
        .when()
        .get("/dyads")
        .then()
        .body("series.events", contains(1, 1));
  }

  @Test
  void anEventDeletedWithItsArticleLeavesTheRollups() throws Exception {
    World w = new World();
    refresher.refresh();
    w.fx.deleteEvent(w.consult);
    w.fx.touchArticle(w.article3);
    refresher.refresh();
    given()
        .when()
        .get("/actors/{id}", w.person)
        .then()
        .body("eventCount", equalTo(0))
        .body("related", empty());
    given()
        .queryParam("actor", w.person)
        .queryParam("from", w.fx.date(1, 1).toString())
        .when()
        .get("/timeline")
        .then()
        .body("", empty());
  }

  @Test
  void anActorMergedLaterMovesItsCountsToTheSurvivor() throws Exception {
    World w = new World();
    refresher.refresh();
    w.fx.mergeActor(w.person, w.state);
    refresher.refresh();
    given()
        .when()
        .get("/actors/{id}", w.person)
        .then()
        .body("id", equalTo(w.state))
        .body("mentionCount", equalTo(7))
        .body("articleCount", equalTo(3))
        .body("eventCount", equalTo(3))
        .body("related.actor.id", contains(w.group));
    given()
        .queryParam("q", w.fx.tag)
        .when()
        .get("/actors")
        .then()
        .body("items.id", contains(w.state, w.group));
  }

  @Test
  void theApiReadsThroughAReadOnlyConnection() {
    DatabaseException refused =
        assertThrows(
            DatabaseException.class,
            () ->
                reader.list(
                    "UPDATE query.refresh_state SET refreshed_at = now() RETURNING id",
                    List.of(),
                    row -> row.getInt(1)));
    assertTrue(refused.getMessage().contains("read-only"), refused.getMessage());
  }
}
