package org.newsgraph.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The system as a user runs it: {@code ./newsgraph up} starts PostgreSQL and the three packaged
 * services, an article posted to ingest-service comes out of query-service as actors and events,
 * and {@code ./newsgraph down} leaves nothing running.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NewsgraphIT {

  private static ScriptStack stack;
  private static String ingest;
  private static String entity;
  private static String query;

  @BeforeAll
  static void startTheSystem() throws Exception {
    stack = ScriptStack.onFreePorts("newsgraph-home");
    ingest = stack.ingest;
    entity = stack.entity;
    query = stack.query;
    ScriptStack.Result up = stack.newsgraph("up", "--fresh", "--no-seeds");
    assertEquals(0, up.exit(), up.output());
    assertTrue(up.output().contains("ingest-service: ready"), up.output());
  }

  @AfterAll
  static void stopTheSystem() throws Exception {
    List<Long> pids = stack.pids();
    ScriptStack.Result down = stack.newsgraph("down");
    assertEquals(0, down.exit(), down.output());
    for (long pid : pids) {
      assertFalse(
          ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
          "process " + pid + " survived ./newsgraph down");
    }
    ScriptStack.Result status = stack.newsgraph("status");
    assertNotEquals(0, status.exit(), "status after down should report that nothing runs");
  }

  @Test
  @Order(1)
  void anArticlePostedToIngestComesOutOfQueryAsActorsAndEvents() throws Exception {
    String article = Files.readString(ScriptStack.ROOT.resolve("seeds/001_1bec6df78be66d2a.txt"));
    long id =
        given()
            .header("Authorization", "Bearer " + ScriptStack.KEY)
            .contentType("text/plain; charset=utf-8")
            .body(article.getBytes(StandardCharsets.UTF_8))
            .post(ingest + "/articles?source=system-test")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");

    JsonPath stored = awaitProcessed(id);
    assertEquals("DONE", stored.getString("status"));
    String text = stored.getString("text");

    JsonPath annotations =
        given()
            .get(entity + "/articles/" + id + "/annotations")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Map<String, Object>> mentions = annotations.getList("mentions");
    assertFalse(mentions.isEmpty(), "no mentions extracted");
    for (Map<String, Object> mention : mentions) {
      int start = (Integer) mention.get("start");
      int end = (Integer) mention.get("end");
      assertEquals(
          mention.get("text"), text.substring(start, end), "mention offsets point at its text");
    }
    assertTrue(
        annotations.getList("mentions.actorId").containsAll(List.of("russia", "vladimir-putin")),
        () -> "actors found: " + annotations.getList("mentions.actorId"));

    // actor counts come from rollups that trail the extraction by up to one refresh interval
    awaitTopActors(List.of("russia", "vladimir-putin", "islamic-state"));
    given()
        .get(query + "/actors/vladimir-putin")
        .then()
        .statusCode(200)
        .body("type", equalTo("PERSON"))
        .body("country", equalTo("RUS"));
    JsonPath events =
        given()
            .get(query + "/events?type=18,19,20&limit=500")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Map<String, Object>> attacks = events.getList("items");
    assertFalse(attacks.isEmpty(), "the Moscow concert hall attack was not found");
    assertTrue(
        attacks.stream().anyMatch(e -> e.get("fatalities") != null),
        "the attack carries no fatality figure: " + attacks);
    String eventId = (String) attacks.get(0).get("id");
    given()
        .get(query + "/events/" + eventId)
        .then()
        .statusCode(200)
        .body("mentions.articleId", hasItem(is((int) id)));
  }

  @Test
  @Order(2)
  void badInputIsAProblemAndChangesNothing() {
    int before = given().get(query + "/stats").then().statusCode(200).extract().path("articles");
    given()
        .header("Authorization", "Bearer " + ScriptStack.KEY)
        .contentType("application/json")
        .body("{\"text\": ")
        .post(ingest + "/articles")
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"));
    given()
        .contentType("text/plain")
        .body("An article without a key.")
        .post(ingest + "/articles")
        .then()
        .statusCode(401)
        .contentType(startsWith("application/problem+json"));
    given().get(query + "/stats").then().statusCode(200).body("articles", equalTo(before));
  }

  @Test
  @Order(3)
  void runningUpAgainIsSafe() throws Exception {
    ScriptStack.Result again = stack.newsgraph("up", "--no-seeds");
    assertEquals(0, again.exit(), again.output());
    assertTrue(again.output().contains("already running"), again.output());
    assertEquals(0, stack.newsgraph("status").exit());
  }

  private static void awaitTopActors(List<String> expected) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    List<String> top;
    do {
      top =
          given()
              .get(query + "/actors?sort=mentions&limit=20")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("items.id", String.class);
      if (top.containsAll(expected)) {
        return;
      }
      Thread.sleep(500);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("top actors by mentions " + top + " lack some of " + expected);
  }

  private static JsonPath awaitProcessed(long id) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (true) {
      JsonPath article =
          given().get(ingest + "/articles/" + id).then().statusCode(200).extract().jsonPath();
      String status = article.getString("status");
      if (List.of("DONE", "FAILED", "SKIPPED").contains(status)) {
        return article;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("article " + id + " still " + status);
      }
      Thread.sleep(500);
    }
  }
}
