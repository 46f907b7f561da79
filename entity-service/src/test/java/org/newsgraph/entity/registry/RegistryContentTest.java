package org.newsgraph.entity.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.newsgraph.entity.extraction.KnownActor;

/** The shipped registry itself: coverage of the world and of the dev-set seeds. */
class RegistryContentTest {

  private static final RegistryFile REGISTRY = RegistryFile.load();
  private static final Map<String, KnownActor> BY_ID =
      REGISTRY.actors().stream().collect(Collectors.toMap(KnownActor::id, Function.identity()));

  /** The 193 member states of the United Nations, as ISO 3166-1 alpha-3 codes. */
  private static final List<String> UN_MEMBERS =
      List.of(
          String.join(
                  " ",
                  "AFG AGO ALB AND ARE ARG ARM ATG AUS AUT AZE BDI",
                  "BEL BEN BFA BGD BGR BHR BHS BIH BLR BLZ BOL BRA",
                  "BRB BRN BTN BWA CAF CAN CHE CHL CHN CIV CMR COD",
                  "COG COL COM CPV CRI CUB CYP CZE DEU DJI DMA DNK",
                  "DOM DZA ECU EGY ERI ESP EST ETH FIN FJI FRA FSM",
                  "GAB GBR GEO GHA GIN GMB GNB GNQ GRC GRD GTM GUY",
                  "HND HRV HTI HUN IDN IND IRL IRN IRQ ISL ISR ITA",
                  "JAM JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO",
                  "LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAR MCO",
                  "MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MOZ",
                  "MRT MUS MWI MYS NAM NER NGA NIC NLD NOR NPL NRU",
                  "NZL OMN PAK PAN PER PHL PLW PNG POL PRK PRT PRY",
                  "QAT ROU RUS RWA SAU SDN SEN SGP SLB SLE SLV SMR",
                  "SOM SRB SSD STP SUR SVK SVN SWE SWZ SYC SYR TCD",
                  "TGO THA TJK TKM TLS TON TTO TUN TUR TUV TZA UGA",
                  "UKR URY USA UZB VCT VEN VNM VUT WSM YEM ZAF ZMB",
                  "ZWE")
              .split(" "));

  /** Every alias, demonym and metonym, by normalised key, to the actors that use it. */
  private static final Map<String, Set<String>> OWNERS = owners();

  private static Map<String, Set<String>> owners() {
    Map<String, Set<String>> owners = new HashMap<>();
    for (KnownActor actor : REGISTRY.actors()) {
      List<String> names = new ArrayList<>(actor.aliases());
      names.addAll(actor.demonyms());
      names.addAll(actor.metonyms());
      for (String name : names) {
        owners
            .computeIfAbsent(RegistryFile.nameKey(name), k -> new LinkedHashSet<>())
            .add(actor.id());
      }
    }
    return owners;
  }

  /**
   * What a phrase from the seeds names: the whole phrase if it is a registry name, else the
   * registry name nearest the phrase's head (its right end), as in "Russian President Vladimir
   * Putin", "Afghanistan's Taliban leaders" or "Russian authorities".
   */
  private static Set<String> resolve(String phrase) {
    Set<String> whole = OWNERS.get(RegistryFile.nameKey(phrase));
    if (whole != null) {
      return whole;
    }
    String[] words = phrase.replaceAll("['’]s\\b", "").split("\\s+");
    for (int end = words.length; end > 0; end--) {
      for (int start = 0; start < end; start++) {
        String candidate = String.join(" ", List.of(words).subList(start, end));
        Set<String> owners = OWNERS.get(RegistryFile.nameKey(candidate));
        if (owners != null) {
          return owners;
        }
      }
    }
    return Set.of();
  }

  @Test
  void resolvesEverySurfaceFormOfEverySeedActor() throws IOException {
    JsonNode seeds;
    try (InputStream in = getClass().getResourceAsStream("/registry/seed-actors.json")) {
      seeds = new ObjectMapper().readTree(in);
    }
    Map<String, KnownActor> byName =
        REGISTRY.actors().stream().collect(Collectors.toMap(KnownActor::name, a -> a, (a, b) -> a));
    List<String> failures = new ArrayList<>();
    for (JsonNode seed : seeds.get("actors")) {
      String canonical = seed.get("canonical").asText();
      KnownActor actor = byName.get(canonical);
      if (actor == null) {
        failures.add(canonical + ": no actor with that name");
        continue;
      }
      check(failures, canonical, "type", seed.get("type").asText(), actor.type());
      check(failures, canonical, "country", text(seed.get("country")), actor.country());
      String parent = text(seed.get("parent"));
      String actualParent = actor.parentId() == null ? null : BY_ID.get(actor.parentId()).name();
      check(failures, canonical, "parent", parent, actualParent);
      for (JsonNode alias : seed.get("aliases_seen")) {
        Set<String> resolved = resolve(alias.asText());
        if (!resolved.equals(Set.of(actor.id()))) {
          failures.add(canonical + ": '" + alias.asText() + "' resolves to " + resolved);
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private static void check(
      List<String> failures, String actor, String field, String expected, String actual) {
    if (expected == null ? actual != null : !expected.equals(actual)) {
      failures.add(actor + ": " + field + " is " + actual + ", gold says " + expected);
    }
  }

  @Test
  void hasEveryUnMemberAsAStateOfItsOwn() {
    Map<String, List<String>> statesByCountry =
        REGISTRY.actors().stream()
            .filter(actor -> "STATE".equals(actor.type()))
            .collect(
                Collectors.groupingBy(
                    KnownActor::country, Collectors.mapping(KnownActor::id, Collectors.toList())));

    assertEquals(193, UN_MEMBERS.size());
    assertEquals(
        List.of(), UN_MEMBERS.stream().filter(c -> !statesByCountry.containsKey(c)).toList());
    assertEquals(
        Map.of(),
        statesByCountry.entrySet().stream()
            .filter(e -> e.getValue().size() > 1)
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    for (String other : List.of("PSE", "XKX", "TWN", "VAT", "ESH", "SUN")) {
      assertTrue(statesByCountry.containsKey(other), other);
    }
  }

  @Test
  void givesEveryStateADemonymOrAMetonymBesideItsNames() {
    List<String> bare =
        REGISTRY.actors().stream()
            .filter(a -> "STATE".equals(a.type()))
            .filter(a -> a.demonyms().isEmpty() && a.metonyms().isEmpty())
            .map(KnownActor::id)
            .toList();

    assertEquals(List.of(), bare);
  }

  @Test
  void governmentBodiesBelongToTheAuthorityOfTheirCountry() {
    List<String> wrong = new ArrayList<>();
    for (KnownActor actor : REGISTRY.actors()) {
      if ("STATE".equals(actor.type()) && actor.parentId() != null) {
        wrong.add(actor.id() + " is a state with a parent");
      }
      if ("GOVERNMENT_BODY".equals(actor.type())) {
        KnownActor root = actor;
        while (root.parentId() != null) {
          root = BY_ID.get(root.parentId());
        }
        if (root == actor || !root.country().equals(actor.country())) {
          wrong.add(actor.id() + " (" + actor.country() + ") belongs to " + root.id());
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void everyParentIsAStateOrAnOrganisationAboveIt() {
    for (KnownActor actor : REGISTRY.actors()) {
      if (actor.parentId() != null) {
        KnownActor parent = BY_ID.get(actor.parentId());
        assertNotNull(parent, actor.id());
        assertTrue(!"PERSON".equals(parent.type()), actor.id() + " has a person as parent");
      }
    }
  }

  /** Words that outlets are named after; alone they are common words, or several outlets' names. */
  private static final Set<String> OUTLET_WORDS =
      Set.of(
          "times",
          "guardian",
          "post",
          "sun",
          "mirror",
          "globe",
          "nation",
          "independent",
          "telegraph",
          "economist",
          "hill",
          "star",
          "express",
          "herald",
          "tribune",
          "hindu",
          "dawn",
          "punch",
          "vanguard",
          "national",
          "observer",
          "atlantic",
          "standard");

  @Test
  void namesNoActorByACommonWordOnceALeadingTheIsDropped() {
    List<String> bare = new ArrayList<>();
    for (KnownActor actor : REGISTRY.actors()) {
      for (String name : actor.aliases()) {
        String key = RegistryFile.nameKey(name).replaceFirst("^the ", "");
        if (OUTLET_WORDS.contains(key)) {
          bare.add(actor.id() + ": " + name);
        }
      }
    }
    assertEquals(List.of(), bare);
  }
}
