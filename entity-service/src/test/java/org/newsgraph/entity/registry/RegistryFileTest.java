package org.newsgraph.entity.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.newsgraph.entity.extraction.KnownActor;

class RegistryFileTest {

  private static RegistryFile load(String... files) {
    List<String> resources = Stream.of(files).map(f -> "registry-broken/" + f + ".yaml").toList();
    return RegistryFile.load(RegistryFileTest.class.getClassLoader(), resources);
  }

  private static String rejection(String... files) {
    return assertThrows(InvalidRegistryException.class, () -> load(files)).getMessage();
  }

  @Test
  void mapsAnEntryOntoAKnownActorWithItsNameFirstAmongTheAliases() {
    KnownActor atlantis = load("base").actors().get(0);

    assertEquals(
        new KnownActor(
            "atlantis",
            "Atlantis",
            "STATE",
            "ATL",
            null,
            List.of("Atlantis", "Atlantide"),
            List.of("Atlantean"),
            List.of("Poseidonia")),
        atlantis);
  }

  @Test
  void rejectsADuplicateIdNamingBothEntries() {
    String message = rejection("base", "duplicate-id");

    assertTrue(
        message.startsWith("registry-broken/duplicate-id.yaml, entry 1 'atlantis'"), message);
    assertTrue(message.contains("already defined at registry-broken/base.yaml, entry 1"), message);
  }

  @Test
  void rejectsAnUnknownParentNamingTheEntry() {
    String message = rejection("base", "unknown-parent");

    assertTrue(message.startsWith("registry-broken/unknown-parent.yaml, entry 1 'atlantis-navy'"));
    assertTrue(message.contains("parent 'atlantys' is not a known actor id"), message);
  }

  @Test
  void rejectsAParentLoop() {
    assertTrue(rejection("parent-loop").contains("parent chain loops"));
  }

  @Test
  void rejectsANameTwoActorsShareUnlessSharedNamesAllowsIt() {
    String message = rejection("base", "shared-alias");

    assertTrue(message.startsWith("registry-broken/shared-alias.yaml, entry 1 'new-atlantis'"));
    assertTrue(
        message.contains("'atlantide' is also a name of registry-broken/base.yaml"), message);
    assertEquals(2, load("base", "shared-alias", "shared-alias-allowed").actors().size());
  }

  @Test
  void rejectsASharedNamesEntryThatNoLongerClashes() {
    assertTrue(
        rejection("base", "new-atlantis", "shared-alias-allowed")
            .contains("only used by [atlantis]"));
  }

  @Test
  void rejectsMalformedEntries() {
    assertTrue(rejection("bad-fields").contains("'Lemuria': id must be a lower-case slug"));
    assertTrue(rejection("unknown-type").contains("type 'CONTINENT' is not one of"));
    assertTrue(rejection("bad-country").contains("country 'LM' is not an ISO 3166-1 alpha-3"));
    assertTrue(rejection("no-name").contains("'lemuria': name is missing"));
    assertTrue(rejection("case-twice").contains("'lemuria' is listed twice"));
    String unknownField = rejection("unknown-field");
    assertTrue(unknownField.startsWith("registry-broken/unknown-field.yaml"), unknownField);
    assertTrue(unknownField.contains("title"), unknownField);
    assertTrue(rejection("missing").contains("registry-broken/missing.yaml: not found"));
  }

  @Test
  void checksumCoversEveryFile() {
    String base = load("base").checksum();

    assertEquals(64, base.length());
    assertEquals(base, load("base").checksum());
    assertNotEquals(base, load("base", "new-atlantis").checksum());
  }

  @Test
  void normalisesNamesLikeTheAliasKeyColumn() {
    assertEquals("cote d'ivoire", RegistryFile.nameKey("  Côte  d’Ivoire "));
  }
}
