package org.newsgraph.entity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthTest {

  @Test
  void isReadyOnceItsDatabaseIsMigrated() {
    given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void publishesItsOpenApiDocument() {
    given().accept("application/json").when().get("/q/openapi").then().statusCode(200);
  }
}
