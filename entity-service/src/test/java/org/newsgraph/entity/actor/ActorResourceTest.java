package org.newsgraph.entity.actor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.newsgraph.entity.TestArticles;
import org.newsgraph.entity.extraction.KnownActor;
import org.newsgraph.entity.registry.RegistryFile;

@QuarkusTest
class ActorResourceTest {

  @Inject DatabaseActorDirectory directory;
  @Inject RegistrySync sync;

  private static RequestSpecification writer() {
    return given().header("Authorization", "Bearer test-key").contentType("application/json");
  }

  private static String unique(String name) {
    return name + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String create(String name, String type) {
    return writer()
        .body("{\"name\": \"" + name + "\", \"type\": \"" + type + "\"}")
        .post("/actors")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void createsAnActorWithItsAliasesAndLocation() {
    String name = unique("Northern Front");
    String id = AliasKey.slug(name);
    long revision = directory.revision();
    writer()
        .body(
            "{\"name\": \""
                + name
                + "\", \"type\": \"ARMED_GROUP\", \"country\": \"SYR\","
                + " \"parentId\": \"syria\", \"aliases\": [\"NF\"]}")
        .post("/actors")
        .then()
        .statusCode(201)
        .header("Location", endsWith("/actors/" + id))
        .contentType("application/json")
        .body("id", equalTo(id))
        .body("type", equalTo("ARMED_GROUP"))
        .body("country", equalTo("SYR"))
        .body("parentId", equalTo("syria"))
        .body("origin", equalTo("CURATED"))
        .body("aliases", containsInAnyOrder(name, "NF"));
    given().get("/actors/{id}", id).then().statusCode(200).body("name", equalTo(name));
    assertTrue(directory.revision() > revision);
    assertTrue(
        directory.actors().stream().anyMatch(a -> a.id().equals(id) && a.aliases().contains("NF")));
  }

  @Test
  void refusesAnIdThatExists() {
    String id = create(unique("Southern Front"), "ARMED_GROUP");
    writer()
        .body("{\"id\": \"" + id + "\", \"name\": \"Other\", \"type\": \"ARMED_GROUP\"}")
        .post("/actors")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    writer()
        .body("{\"id\": \"russia\", \"name\": \"Russia\", \"type\": \"STATE\"}")
        .post("/actors")
        .then()
        .statusCode(409);
  }

  @Test
  void validatesNewActors() {
    writer()
        .body(
            "{\"id\": \"Bad Id\", \"name\": \" \", \"type\": \"TRIBE\", \"country\": \"ru\", \"parentId\": \"nobody-at-all\"}")
        .post("/actors")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", containsInAnyOrder("name", "id", "type", "country", "parentId"));
    writer()
        .body("{\"name\": 5, \"type\": []}")
        .post("/actors")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    writer().body("not json").post("/actors").then().statusCode(400);
    given()
        .contentType("application/json")
        .body("{\"name\": \"X\", \"type\": \"STATE\"}")
        .post("/actors")
        .then()
        .statusCode(401);
  }

  @Test
  void unknownActorsAre404() {
    given()
        .get("/actors/no-such-actor-anywhere")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void addsAliases() {
    String id = create(unique("Eastern Front"), "ARMED_GROUP");
    writer()
        .body("{\"alias\": \"Jabhat al-Sharq\", \"language\": \"ar\"}")
        .post("/actors/{id}/aliases", id)
        .then()
        .statusCode(201)
        .body("aliases", hasItem("Jabhat al-Sharq"));
    writer()
        .body("{\"alias\": \"Jabhat al-Sharq\"}")
        .post("/actors/{id}/aliases", id)
        .then()
        .statusCode(200);
    writer()
        .body("{\"alias\": \"Eastern\", \"kind\": \"DEMONYM\"}")
        .post("/actors/{id}/aliases", id)
        .then()
        .statusCode(201)
        .body("demonyms", hasItem("Eastern"));
    writer()
        .body("{\"alias\": \"\"}")
        .post("/actors/{id}/aliases", id)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("alias"));
    writer()
        .body("{\"alias\": \"X\", \"kind\": \"NICKNAME\"}")
        .post("/actors/{id}/aliases", id)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("kind"));
    writer()
        .body("{\"alias\": \"X\"}")
        .post("/actors/{id}/aliases", "no-such-actor-anywhere")
        .then()
        .statusCode(404);
    assertTrue(
        directory.actors().stream()
            .anyMatch(a -> a.id().equals(id) && a.aliases().contains("Jabhat al-Sharq")));
  }

  @Test
  void mergesAnActorAndTheOldIdKeepsAnswering() throws Exception {
    String fromName = unique("Western Front");
    String from = create(fromName, "ARMED_GROUP");
    String into = create(unique("Western Alliance"), "ARMED_GROUP");
    long article = TestArticles.insert("Text about " + fromName, null, "en", 0.9);
    TestArticles.update(
        "INSERT INTO entity.mention (article_id, start_offset, end_offset, text, actor_id) VALUES (?, 11, 20, 'x', ?)",
        article,
        from);
    writer()
        .body("{\"into\": \"" + into + "\"}")
        .post("/actors/{id}/merge", from)
        .then()
        .statusCode(200)
        .body("id", equalTo(into))
        .body("aliases", hasItem(fromName))
        .body("mergedIds", hasItem(from));
    given().get("/actors/{id}", from).then().statusCode(200).body("id", equalTo(into));
    assertEquals(
        into,
        TestArticles.row("SELECT actor_id FROM entity.mention WHERE article_id = ?", article)
            .get("actor_id"));
    assertFalse(directory.actors().stream().anyMatch(a -> a.id().equals(from)));
    assertTrue(
        directory.actors().stream()
            .anyMatch(a -> a.id().equals(into) && a.aliases().contains(fromName)));
    writer()
        .body("{\"into\": \"" + into + "\"}")
        .post("/actors/{id}/merge", from)
        .then()
        .statusCode(409);
    writer()
        .body("{\"into\": \"no-such-actor-anywhere\"}")
        .post("/actors/{id}/merge", into)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("into"));
    writer()
        .body("{\"into\": \"" + from + "\"}")
        .post("/actors/{id}/merge", into)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("into"));
    writer().body("{}").post("/actors/{id}/merge", into).then().statusCode(400);
  }

  @Test
  void theShippedRegistryIsLoadedAndSyncedOnlyWhenItChanges() throws Exception {
    RegistryFile shipped = RegistryFile.load();
    assertEquals(
        shipped.checksum(),
        TestArticles.row("SELECT checksum FROM entity.registry_sync").get("checksum"));
    assertEquals(
        "STATE", TestArticles.row("SELECT type FROM entity.actor WHERE id = 'russia'").get("type"));
    assertFalse(sync.sync(shipped.checksum(), shipped.actors()));
    // spellings that differ only in accents are both kept
    assertTrue(
        directory.actors().stream()
            .anyMatch(
                a ->
                    a.id().equals("recep-tayyip-erdogan")
                        && a.aliases().containsAll(List.of("Erdoğan", "Erdogan"))));

    String curated = create(unique("Curated Front"), "ARMED_GROUP");
    String added = "registry-newcomer-" + UUID.randomUUID().toString().substring(0, 6);
    List<KnownActor> changed = new ArrayList<>(shipped.actors());
    changed.add(
        new KnownActor(
            curated,
            "Renamed By Registry",
            "IGO",
            null,
            null,
            List.of("RBR"),
            List.of(),
            List.of()));
    changed.add(
        new KnownActor(
            added,
            "Newcomer",
            "ORGANIZATION",
            "FRA",
            "france",
            List.of("Newcomer", "NC"),
            List.of(),
            List.of()));
    try {
      assertTrue(sync.sync("changed", changed));
      var curatedRow =
          TestArticles.row("SELECT name, type, origin FROM entity.actor WHERE id = ?", curated);
      assertEquals("ARMED_GROUP", curatedRow.get("type"));
      assertEquals("CURATED", curatedRow.get("origin"));
      var addedRow =
          TestArticles.row("SELECT name, parent_id, origin FROM entity.actor WHERE id = ?", added);
      assertEquals("france", addedRow.get("parent_id"));
      assertEquals("REGISTRY", addedRow.get("origin"));
      directory.refreshIfChanged();
      assertTrue(
          directory.actors().stream()
              .anyMatch(a -> a.id().equals(added) && a.aliases().contains("NC")));
    } finally {
      assertTrue(sync.sync(shipped.checksum(), shipped.actors()));
      directory.refreshIfChanged();
    }
    // the curated actor kept its own names; the registry's names for it are gone again
    assertTrue(
        directory.actors().stream()
            .anyMatch(a -> a.id().equals(curated) && !a.aliases().contains("RBR")));
  }
}
