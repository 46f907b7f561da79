package org.newsgraph.entity.processing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReprocessResourceTest {

  private static void post(String body, int status, String field) {
    var response =
        given()
            .header("Authorization", "Bearer test-key")
            .contentType("application/json")
            .body(body)
            .post("/reprocess")
            .then()
            .statusCode(status);
    if (field != null) {
      response.contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }
  }

  @Test
  void validatesTheRange() {
    post("{}", 400, "all");
    post("{\"all\": true, \"from\": \"2024-01-01\"}", 400, "all");
    post("{\"from\": \"2024-05-02\", \"to\": \"2024-05-01\"}", 400, "to");
    post("{\"from\": \"yesterday\"}", 400, "from");
    post("{\"all\": \"maybe\"}", 400, "all");
  }

  @Test
  void needsAnApiKey() {
    given()
        .contentType("application/json")
        .body("{\"all\": true}")
        .post("/reprocess")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void queuesEveryArticleForAll() {
    given()
        .header("Authorization", "Bearer test-key")
        .contentType("application/json")
        .body("{\"all\": true}")
        .post("/reprocess")
        .then()
        .statusCode(202)
        .body("queued", greaterThanOrEqualTo(0));
  }
}
