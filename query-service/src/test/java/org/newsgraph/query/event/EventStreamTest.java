package org.newsgraph.query.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.newsgraph.query.Fixtures;
import org.newsgraph.query.rollup.RollupRefresher;

@QuarkusTest
class EventStreamTest {

  @TestHTTPResource("/events/stream")
  URL stream;

  @Inject RollupRefresher refresher;

  @Test
  void pushesNewAndChangedEventsThatMatchTheFilters() throws Exception {
    Fixtures fx = Fixtures.create();
    String actor = fx.actor("watched", "Watched Army " + fx.tag, "ARMED_GROUP", fx.country);
    BlockingQueue<String> data = new LinkedBlockingQueue<>();
    HttpClient client = HttpClient.newHttpClient();
    CompletableFuture<HttpResponse<Stream<String>>> response =
        client.sendAsync(
            HttpRequest.newBuilder(URI.create(stream + "?country=" + fx.country + "&type=19"))
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    response.thenAccept(
        r ->
            r.body()
                .filter(line -> line.startsWith("data:"))
                .forEach(line -> data.add(line.substring(5))));

    UUID other = fx.event("18", "Not a fight", fx.date(2, 1), "DAY", "ASSERTED");
    UUID fight = fx.event("19", "A fight", fx.date(2, 2), "DAY", "ASSERTED");
    fx.eventActor(fight, actor, "SOURCE");
    String first = null;
    // the subscription starts asynchronously: keep changing the event until it arrives
    for (int attempt = 0; attempt < 50 && first == null; attempt++) {
      fx.update(fight, "label = ?", "A fight, version " + attempt);
      fx.update(other, "label = ?", "Not a fight, version " + attempt);
      refresher.refresh();
      first = data.poll(200, TimeUnit.MILLISECONDS);
    }
    assertNotNull(first, "no event arrived on the stream");
    assertTrue(first.contains(fight.toString()), first);
    assertTrue(first.contains("\"sourceActors\":[{\"id\":\"" + actor + "\""), first);
    String next = data.poll(300, TimeUnit.MILLISECONDS);
    while (next != null) {
      assertTrue(next.contains(fight.toString()), "only matching events: " + next);
      next = data.poll(300, TimeUnit.MILLISECONDS);
    }
    response.cancel(true);
    assertEquals(
        200, response.isDone() && !response.isCancelled() ? response.get().statusCode() : 200);
  }

  @Test
  void refusesBadFilters() {
    given()
        .queryParam("factuality", "MAYBE")
        .when()
        .get("/events/stream")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("factuality"));
  }
}
