package org.newsgraph.query.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.newsgraph.query.World;
import org.newsgraph.query.rollup.RollupRefresher;

@QuarkusTest
class ExportResourceTest {

  @Inject RollupRefresher refresher;

  @Test
  void exportsEveryMatchingEventAsCsvWithAHeader() throws Exception {
    World w = World.refreshed(refresher);
    String body =
        given()
            .queryParam("country", w.fx.country)
            .when()
            .get("/events.csv")
            .then()
            .statusCode(200)
            .contentType(startsWith("text/csv"))
            .header("Content-Disposition", containsString("events.csv"))
            .extract()
            .asString();
    List<CSVRecord> rows =
        CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(body)).getRecords();
    assertEquals(List.of(EventExporter.CSV_HEADER), rows.get(0).getParser().getHeaderNames());
    assertEquals(4, rows.size());
    CSVRecord fight = rows.get(2);
    assertEquals(w.fight.toString(), fight.get("id"));
    assertEquals("Fight", fight.get("typeName"));
    assertEquals(w.state, fight.get("sourceActorIds"));
    assertEquals("Sylvania Liberation Front " + w.fx.tag, fight.get("targetActorNames"));
    assertEquals("12", fight.get("fatalitiesMin"));
    assertEquals("15", fight.get("fatalitiesMax"));
    assertEquals("", rows.get(3).get("date"));
  }

  @Test
  void exportsNdjsonWithTheSameFilters() throws Exception {
    World w = World.refreshed(refresher);
    String body =
        given()
            .queryParam("country", w.fx.country)
            .queryParam("actor", w.state)
            .queryParam("type", "18,19")
            .when()
            .get("/events.ndjson")
            .then()
            .statusCode(200)
            .contentType(startsWith("application/x-ndjson"))
            .extract()
            .asString();
    String[] lines = body.split("\n");
    assertEquals(2, lines.length);
    ObjectMapper mapper = new ObjectMapper();
    JsonNode first = mapper.readTree(lines[0]);
    assertEquals(w.assault.toString(), first.get("id").asText());
    assertEquals("Assault", first.get("typeName").asText());
    assertEquals(w.fight.toString(), mapper.readTree(lines[1]).get("id").asText());
  }

  @Test
  void refusesBadFiltersBeforeStreaming() throws Exception {
    given()
        .queryParam("type", "99")
        .when()
        .get("/events.csv")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("type"));
    given().queryParam("actor", "nobody-here").when().get("/events.ndjson").then().statusCode(404);
  }
}
