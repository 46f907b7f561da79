package org.newsgraph.entity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthTest {

  @Test
  void becomesReadyOnceTheModelsAreLoaded() throws InterruptedException {
    long deadline = System.currentTimeMillis() + 180_000;
    var response = given().get("/q/health/ready");
    while (response.statusCode() != 200) {
      response.then().statusCode(503).body("status", equalTo("DOWN"));
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("not ready after 3 minutes");
      }
      Thread.sleep(500);
      response = given().get("/q/health/ready");
    }
    given()
        .get("/q/health/ready")
        .then()
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("extractor"));
    given().get("/q/health/live").then().statusCode(200);
  }

  @Test
  void publishesItsMetrics() {
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("entity_queue_depth"))
        .body(containsString("entity_extraction_latency_seconds"))
        .body(containsString("entity_extraction_actors"))
        .body(containsString("entity_extraction_events"))
        .body(containsString("entity_extraction_failures_total"));
  }

  @Test
  void publishesItsOpenApiDocument() {
    given().accept("application/json").when().get("/q/openapi").then().statusCode(200);
  }
}
