package org.newsgraph.entity.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.entity.extraction.Place.Precision;
import org.newsgraph.entity.place.Gazetteer;
import org.newsgraph.entity.place.LocatingExtractor;
import org.newsgraph.entity.registry.RegistryDirectory;

/**
 * Events whose own sentence names no place, through the extractor and the place resolution: the
 * place of the paragraph, the dateline and the article's dominant place, and the events that must
 * not take them. Invented texts.
 */
class EventPlacesTest {

  private static final LocalDate PUBLISHED = LocalDate.of(2025, 6, 15);

  private static final Extractor EXTRACTOR =
      new LocatingExtractor(Pipelines.extractor(), RegistryDirectory.shipped(), Gazetteer::shipped);

  /** The one event of the text whose trigger ends in this word. */
  private static ExtractedEvent eventOf(String text, String trigger) {
    List<ExtractedEvent> events =
        EXTRACTOR.extract(text, PUBLISHED, null).events().stream()
            .filter(e -> e.triggerText().endsWith(trigger))
            .toList();
    assertEquals(1, events.size(), "one '" + trigger + "' event in " + text);
    return events.get(0);
  }

  private static void assertLocated(
      ExtractedEvent event, String name, String country, Precision precision) {
    Place place = event.place();
    assertNotNull(place, "a place for '" + event.triggerText() + "'");
    assertEquals(name, place.place());
    assertEquals(country, place.country());
    assertNotNull(place.geo(), name + " is on the map");
    assertEquals(precision, place.geo().precision());
  }

  @Test
  void theAssociatedPressDatelinePlacesTheLeadEvent() {
    ExtractedEvent attack =
        eventOf(
            "KYIV, Ukraine (AP) — Russian forces shelled a school on Monday, killing three"
                + " children, officials said.",
            "shelled");
    assertLocated(attack, "Kyiv", "UKR", Precision.CITY);
    assertEquals(703448L, attack.place().geo().geonamesId());
  }

  @Test
  void aReutersDatelineWithADate() {
    ExtractedEvent attack =
        eventOf(
            "SEOUL, June 14 (Reuters) - Gunmen attacked a police station on Saturday, wounding"
                + " two officers, police said.",
            "attacked");
    assertLocated(attack, "Seoul", "KOR", Precision.CITY);
  }

  @Test
  void aStoryFiledFromTwoCountriesTakesNeitherPlace() {
    ExtractedEvent attack =
        eventOf(
            "MOSCOW/KYIV - Russian artillery shelled a hospital on Monday, killing two nurses.",
            "shelled");
    assertNull(attack.place());
  }

  @Test
  void aPlaceInAnEarlierSentenceOfTheParagraph() {
    ExtractedEvent attack =
        eventOf(
            "Heavy fighting was reported in Kharkiv on Sunday. Russian artillery shelled a"
                + " hospital, killing two nurses.",
            "shelled");
    assertLocated(attack, "Kharkiv", "UKR", Precision.CITY);
  }

  @Test
  void aPlaceOfAnotherParagraphIsNotTheParagraphsPlace() {
    ExtractedEvent attack =
        eventOf(
            "Officials met in Geneva on Sunday.\nRussian artillery shelled a hospital, killing"
                + " two nurses.",
            "shelled");
    // Geneva is named once: no dominant place, no dateline, and another paragraph
    assertNull(attack.place());
  }

  @Test
  void aBackgroundEventDoesNotTakeTheDateline() {
    String text =
        "KYIV, Ukraine (AP) — Russian missiles struck a power station on Monday, killing four"
            + " workers. Russian drones attacked a grain terminal hours later, injuring two"
            + " people.\n"
            + "Separately, Venezuelan police arrested twenty opposition activists, a rights group"
            + " said.";
    assertLocated(eventOf(text, "attacked"), "Kyiv", "UKR", Precision.CITY);
    assertNull(eventOf(text, "arrested").place());
  }

  @Test
  void aHistoricalEventDoesNotTakeThePlaceOfTheParagraph() {
    ExtractedEvent old =
        eventOf(
            "Russian drones struck Odesa on Monday, killing two people. Russian troops had shelled"
                + " the port in 2019.",
            "shelled");
    assertNull(old.place());
  }

  @Test
  void aSiteInARegionOverACountryNamedAsAnActorInTheSameSentence() {
    ExtractedEvent crash =
        eventOf(
            "A cargo plane came down near a village in the Tver region on Tuesday, killing all"
                + " six crew, among them a pilot who had fought in Ukraine.",
            "killing");
    assertLocated(crash, "Tver", "RUS", Precision.REGION);
    assertEquals("RU.77", crash.place().geo().admin1Code());
  }

  @Test
  void aCountryThatActsIsNoPlaceButTheCityBesideItIs() {
    ExtractedEvent strike =
        eventOf(
            "Ukraine said a Russian drone struck an apartment block in Dnipro overnight, killing"
                + " two people.",
            "struck");
    assertLocated(strike, "Dnipro", "UKR", Precision.CITY);
    ExtractedEvent unplaced =
        eventOf(
            "Ukraine said on Monday that Russia was to blame. Russian missiles killed three"
                + " people overnight.",
            "killed");
    assertNull(unplaced.place());
  }

  @Test
  void aReferencePointGivesTheCountryAndTheArticleTheRegion() {
    ExtractedEvent alone =
        eventOf(
            "A plane crashed 100 km northwest of Moscow on Wednesday, killing all ten people on"
                + " board.",
            "killing");
    assertLocated(alone, "Russia", "RUS", Precision.COUNTRY);
    ExtractedEvent refined =
        eventOf(
            "A plane crashed northwest of Moscow on Wednesday, killing all ten people on board.\n"
                + "Rescuers reached the wreckage in a field in the Tver region.\n"
                + "Investigators from Tver arrived in the afternoon.",
            "killing");
    assertLocated(refined, "Tver", "RUS", Precision.REGION);
  }
}
