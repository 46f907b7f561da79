package org.newsgraph.entity.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExtractResourceTest {

  private static RequestSpecification writer() {
    return given().header("Authorization", "Bearer test-key").contentType("application/json");
  }

  @Test
  void validatesTheRequest() {
    writer()
        .body("{}")
        .post("/extract")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("text"));
    writer()
        .body("{\"text\": \"  \", \"language\": \"English\"}")
        .post("/extract")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("text", "language"));
    writer()
        .body("{\"text\": \"Hello.\", \"publishedAt\": \"last week\"}")
        .post("/extract")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("publishedAt"));
    writer()
        .body("{\"text\": \"" + "a".repeat(AnnotationResource.MAX_TEXT + 1) + "\"}")
        .post("/extract")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("text"));
    given()
        .contentType("application/json")
        .body("{\"text\": \"Hello.\"}")
        .post("/extract")
        .then()
        .statusCode(401);
  }

  @Test
  void annotationsOfUnknownOrMalformedArticles() {
    given()
        .get("/articles/{id}/annotations", 987654321)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .get("/articles/{id}/annotations", "abc")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("id"));
  }

  @Test
  void extractsAdHocTextWithoutStoringIt() {
    writer()
        .body(
            "{\"text\": \"The Taliban condemned the attack by Islamic State Khorasan on Crocus City"
                + " Hall.\", \"publishedAt\": \"2024-03-23\"}")
        .post("/extract")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("articleId", nullValue())
        .body("language", equalTo("en"))
        .body("mentions.actorId", hasItems("taliban", "islamic-state-khorasan"))
        .body("mentions[0].start", equalTo(4))
        .body("events.size()", greaterThan(0))
        .body("events.eventId", everyItem(nullValue()))
        .body("events.type", hasItem("11"))
        .body("events[0].sourceActorIds", hasItem("taliban"));
  }

  @Test
  void anEventsPlaceComesWithItsPointDivisionAndPrecision() {
    writer()
        .body(
            "{\"text\": \"Lebanese soldiers clashed with gunmen in Tripoli on Monday, killing"
                + " three people.\"}")
        .post("/extract")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200)
        .body("events", hasSize(1))
        .body("events[0].location.place", equalTo("Tripoli"))
        .body("events[0].location.country", equalTo("LBN"))
        .body("events[0].location.lat", equalTo(34.43352f))
        .body("events[0].location.lon", equalTo(35.84415f))
        .body("events[0].location.admin1", equalTo("North Lebanon"))
        .body("events[0].location.admin1Code", equalTo("LB.09"))
        .body("events[0].location.geonamesId", equalTo(266826))
        .body("events[0].location.precision", equalTo("CITY"));
  }

  @Test
  void otherLanguagesGetNoAnnotations() {
    writer()
        .body("{\"text\": \"Die Regierung hat heute entschieden.\", \"language\": \"de\"}")
        .post("/extract")
        .then()
        .statusCode(200)
        .body("articleId", equalTo(null))
        .body("language", equalTo("de"))
        .body("mentions", hasSize(0))
        .body("events", hasSize(0));
  }
}
