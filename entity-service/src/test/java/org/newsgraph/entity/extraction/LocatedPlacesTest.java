package org.newsgraph.entity.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.entity.extraction.Place.Precision;
import org.newsgraph.entity.place.Gazetteer;
import org.newsgraph.entity.place.LocatingExtractor;
import org.newsgraph.entity.registry.RegistryDirectory;

/**
 * Whole texts through the extractor and the place resolution: invented sentences with ambiguous
 * names, each with the place, country and precision it must get.
 */
class LocatedPlacesTest {

  private static final LocalDate PUBLISHED = LocalDate.of(2025, 6, 15);

  private static final Extractor EXTRACTOR =
      new LocatingExtractor(Pipelines.extractor(), RegistryDirectory.shipped(), Gazetteer::shipped);

  /** The place of the one event of the text whose trigger ends in this word. */
  private static Place placeOf(String text, String trigger) {
    List<ExtractedEvent> events =
        EXTRACTOR.extract(text, PUBLISHED, null).events().stream()
            .filter(e -> e.triggerText().endsWith(trigger))
            .toList();
    assertEquals(1, events.size(), "one '" + trigger + "' event in " + text);
    Place place = events.get(0).place();
    assertNotNull(place, "a place for '" + trigger + "' in " + text);
    return place;
  }

  private static void assertLocated(
      Place place, String name, String country, Precision precision, Long geonamesId) {
    assertEquals(name, place.place());
    assertEquals(country, place.country());
    assertNotNull(place.geo(), name + " is on the map");
    assertEquals(precision, place.geo().precision());
    assertEquals(geonamesId, place.geo().geonamesId());
  }

  @Test
  void tripoliInLebanonWhenLebaneseForcesFightThere() {
    Place place =
        placeOf(
            "Lebanese soldiers clashed with gunmen in Tripoli on Monday, killing three people.",
            "clashed");
    assertLocated(place, "Tripoli", "LBN", Precision.CITY, 266826L);
    assertEquals("North Lebanon", place.geo().admin1());
    assertEquals("LB.09", place.geo().admin1Code());
    assertEquals(34.43, place.geo().lat(), 0.01);
    assertEquals(35.84, place.geo().lon(), 0.01);
  }

  @Test
  void tripoliInLibyaInAnArticleAboutLibya() {
    Place place =
        placeOf(
            "Libya's unity government appealed for calm. Rival militias clashed in Tripoli on"
                + " Sunday, killing five people.",
            "clashed");
    assertLocated(place, "Tripoli", "LBY", Precision.CITY, 2210247L);
  }

  @Test
  void georgiaTheCountryAndGeorgiaTheState() {
    Place country =
        placeOf(
            "Russian troops shelled villages in Georgia on Tuesday, killing four civilians.",
            "shelled");
    assertLocated(country, "Georgia", "GEO", Precision.COUNTRY, null);
    Place state =
        placeOf(
            "Police in Atlanta are searching for a gunman. He shot dead two people at a bar in"
                + " Georgia on Saturday.",
            "shot");
    assertLocated(state, "Georgia", "USA", Precision.REGION, null);
    assertEquals("US.GA", state.geo().admin1Code());
  }

  @Test
  void hyderabadInIndiaOrInPakistanByTheForcesNamed() {
    Place india =
        placeOf(
            "Indian police said gunmen attacked a bus in Hyderabad on Friday, killing six people.",
            "attacked");
    assertLocated(india, "Hyderabad", "IND", Precision.CITY, 1269843L);
    Place pakistan =
        placeOf(
            "Pakistani police said gunmen attacked a bus in Hyderabad on Friday, killing six"
                + " people.",
            "attacked");
    assertLocated(pakistan, "Hyderabad", "PAK", Precision.CITY, 1176734L);
  }

  @Test
  void aPlaceOutsideTheCountryTheArticleIsAbout() {
    Place place =
        placeOf(
            "Ukraine said it had repelled an assault near Kharkiv. Ukrainian drones struck an oil"
                + " depot in Belgorod overnight, killing two workers, Ukrainian officials said.",
            "struck");
    assertLocated(place, "Belgorod", "RUS", Precision.CITY, 578072L);
  }

  @Test
  void provincesAndDistrictsAreRegions() {
    Place helmand =
        placeOf(
            "Taliban fighters attacked a police checkpoint in Helmand province, killing seven"
                + " officers.",
            "attacked");
    assertLocated(helmand, "Helmand province", "AFG", Precision.REGION, null);
    assertEquals("Helmand", helmand.geo().admin1());
    Place donetsk =
        placeOf("Russian shelling killed three civilians in the Donetsk region.", "shelling");
    assertLocated(donetsk, "Donetsk", "UKR", Precision.REGION, null);
    assertEquals("UA.05", donetsk.geo().admin1Code());
  }

  @Test
  void seaAreasAreRegionsOfNoCountry() {
    Place place =
        placeOf(
            "A missile struck a cargo ship in the Red Sea on Wednesday, injuring two sailors.",
            "struck");
    assertEquals("Red Sea", place.place());
    assertNull(place.country());
    assertEquals(Precision.REGION, place.geo().precision());
    assertEquals(20.0, place.geo().lat(), 0.5);
  }

  @Test
  void aMetonymThatActsIsAnActorAndTheEventIsWhereItHappened() {
    Extraction x =
        EXTRACTOR.extract(
            "Moscow condemned the attack. Gunmen attacked a school in Kharkiv, killing four"
                + " people.",
            PUBLISHED,
            null);
    assertTrue(
        x.mentions().stream()
            .anyMatch(m -> m.text().equals("Moscow") && "russia".equals(m.actorId())));
    ExtractedEvent attack =
        x.events().stream()
            .filter(e -> e.triggerText().endsWith("attacked"))
            .findFirst()
            .orElseThrow();
    assertLocated(attack.place(), "Kharkiv", "UKR", Precision.CITY, 706483L);
  }

  @Test
  void aSiteTheGazetteerLacksLiesAtThePlaceThatSituatesIt() {
    Place place =
        placeOf(
            "Gunmen attacked the Crocus City Hall concert venue near Moscow on Friday, killing 40"
                + " people, Russian officials said.",
            "attacked");
    assertLocated(place, "Crocus City Hall", "RUS", Precision.CITY, 524901L);
  }

  @Test
  void anUnknownPlaceKeepsItsNameAndGetsNoPoint() {
    Place place =
        placeOf(
            "Gunmen attacked a market in Fixture Town on Monday, killing three people.",
            "attacked");
    assertEquals("Fixture Town", place.place());
    assertNull(place.geo());
  }

  @Test
  void theVersionSaysThatPlacesWereResolved() {
    assertTrue(EXTRACTOR.version().endsWith("+places-2"));
    assertEquals(
        EXTRACTOR.version(),
        EXTRACTOR.extract("Nothing happened.", PUBLISHED, null).extractorVersion());
  }
}
