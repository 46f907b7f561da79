package org.newsgraph.ingest.source;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The sources API as a user calls it, and waiting for what the poller does in the background. */
final class Sources implements AutoCloseable {

  static final String KEY = "Bearer test-key";

  private final List<Long> created = new ArrayList<>();

  static ValidatableResponse post(Object body) {
    return given()
        .header("Authorization", KEY)
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/sources")
        .then();
  }

  static ValidatableResponse patch(long id, Object body) {
    return given()
        .header("Authorization", KEY)
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .patch("/sources/" + id)
        .then();
  }

  /** Adds a source; it is deleted again when this closes. */
  long add(String url, String name, String interval) {
    long id =
        post(Map.of("url", url, "name", name, "interval", interval))
            .statusCode(201)
            .extract()
            .<Number>path("id")
            .longValue();
    created.add(id);
    return id;
  }

  static long number(long id, String field) {
    Number value = given().get("/sources/" + id).then().statusCode(200).extract().path(field);
    return value == null ? 0 : value.longValue();
  }

  static String text(long id, String field) {
    return given().get("/sources/" + id).then().statusCode(200).extract().path(field);
  }

  /** Waits until the condition holds, checking often; fails after {@code limit}. */
  static void await(Duration limit, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("gave up after " + limit + " waiting for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted waiting for " + what);
      }
    }
  }

  @Override
  public void close() {
    for (long id : created) {
      given().header("Authorization", KEY).delete("/sources/" + id);
    }
  }
}
