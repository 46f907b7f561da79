package org.newsgraph.query.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.newsgraph.query.World.ids;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.newsgraph.query.Fixtures;

/** Events on the map: their resolved places, the place filters and the GeoJSON export. */
@QuarkusTest
class EventPlacesTest {

  /** Three events of one fixture: in a city, on an island across the antimeridian, unplaced. */
  private static final class Places {
    final Fixtures fx = Fixtures.create();
    final UUID city = fx.event("18", "Clash in Tripoli", fx.date(5, 3), "DAY", "ASSERTED");
    final UUID island = fx.event("19", "Fighting on Taveuni", fx.date(5, 2), "DAY", "ASSERTED");
    final UUID nowhere = fx.event("01", "A statement", fx.date(5, 1), "DAY", "ASSERTED");

    Places() {
      fx.update(
          city,
          "place = 'Tripoli', lat = 34.43352, lon = 35.84415, admin1 = 'North Lebanon',"
              + " admin1_code = 'LB.09', geonames_id = 266826, place_precision = 'CITY'");
      fx.update(
          island,
          "place = 'Taveuni', lat = -16.85, lon = 179.97, admin1 = 'Northern',"
              + " admin1_code = 'FJ.03', place_precision = 'REGION'");
      fx.update(nowhere, "place = NULL");
    }

    RequestSpecification request() {
      return given().queryParam("country", fx.country);
    }
  }

  @Test
  void anEventCarriesItsPointDivisionGeonamesIdAndPrecision() {
    Places p = new Places();
    p.request()
        .queryParam("type", "18")
        .when()
        .get("/events")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].location.place", equalTo("Tripoli"))
        .body("items[0].location.country", equalTo(p.fx.country))
        .body("items[0].location.lat", equalTo(34.43352f))
        .body("items[0].location.lon", equalTo(35.84415f))
        .body("items[0].location.admin1", equalTo("North Lebanon"))
        .body("items[0].location.admin1Code", equalTo("LB.09"))
        .body("items[0].location.geonamesId", equalTo(266826))
        .body("items[0].location.precision", equalTo("CITY"));
    p.request()
        .queryParam("type", "01")
        .when()
        .get("/events")
        .then()
        .body("items[0].location.lat", nullValue())
        .body("items[0].location.precision", nullValue());
  }

  @Test
  void filtersByDivisionCodeOrName() {
    Places p = new Places();
    p.request()
        .queryParam("admin1", "LB.09")
        .when()
        .get("/events")
        .then()
        .statusCode(200)
        .body("items.id", contains(ids(p.city)));
    p.request()
        .queryParam("admin1", "north lebanon")
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(p.city)));
    p.request().queryParam("admin1", "FJ.04").when().get("/events").then().body("items", empty());
  }

  @Test
  void filtersByABoundingBoxAlsoAcrossTheAntimeridian() {
    Places p = new Places();
    p.request()
        .queryParam("bbox", "35,34,36,35")
        .when()
        .get("/events")
        .then()
        .statusCode(200)
        .body("items.id", contains(ids(p.city)));
    p.request()
        .queryParam("bbox", "170,-20,-170,-10")
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(p.island)));
    p.request()
        .queryParam("bbox", "-180,-90,180,90")
        .when()
        .get("/events")
        .then()
        .body("items.id", contains(ids(p.city, p.island)));
  }

  @Test
  void refusesAMalformedBoundingBox() {
    for (String bad : new String[] {"1,2,3", "a,b,c,d", "0,50,10,40", "0,0,200,10", "0,0,NaN,1"}) {
      given()
          .queryParam("bbox", bad)
          .when()
          .get("/events")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", contains("bbox"));
    }
  }

  @Test
  void exportsTheLocatedEventsOfTheFilterAsGeoJson() {
    Places p = new Places();
    p.request()
        .when()
        .get("/events.geojson")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/geo+json"))
        .body("type", equalTo("FeatureCollection"))
        .body("features", hasSize(2))
        .body("features.id", containsInAnyOrder(ids(p.city, p.island)))
        .body("features[0].type", equalTo("Feature"))
        .body("features[0].geometry.type", equalTo("Point"))
        .body("features[0].geometry.coordinates", contains(35.84415f, 34.43352f))
        .body("features[0].properties.id", equalTo(p.city.toString()))
        .body("features[0].properties.label", equalTo("Clash in Tripoli"))
        .body("features[0].properties.location.precision", equalTo("CITY"));
    p.request()
        .queryParam("admin1", "FJ.03")
        .when()
        .get("/events.geojson")
        .then()
        .body("features.id", contains(ids(p.island)));
    given()
        .queryParam("bbox", "nowhere")
        .when()
        .get("/events.geojson")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("bbox"));
  }
}
