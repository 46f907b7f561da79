package org.newsgraph.entity.place;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The datelines of several agencies and house styles, and openings that only look like one. */
class DatelineTest {

  private static Dateline first(String text) {
    List<Dateline> found = Dateline.candidates(text);
    assertEquals(1, found.size(), "one dateline in " + text);
    return found.get(0);
  }

  @Test
  void theAssociatedPressGivesTheCityAndItsCountry() {
    Dateline d = first("KYIV, Ukraine (AP) — Russian drones struck a depot overnight.");
    assertEquals(List.of("Kyiv"), d.names());
    assertEquals("Ukraine", d.qualifier());
    assertEquals("KYIV", d.nameSpans().get(0).of("KYIV, Ukraine (AP) — Russian drones"));
  }

  @Test
  void reutersAndAfpPutADateBeforeTheAgency() {
    Dateline reuters = first("SEOUL, Dec 3 (Reuters) - South Korea's president spoke.");
    assertEquals(List.of("Seoul"), reuters.names());
    assertNull(reuters.qualifier());
    Dateline afp = first("DAMASCUS, Syria, Dec. 8 (AFP) – Rebels entered the capital.");
    assertEquals(List.of("Damascus"), afp.names());
    assertEquals("Syria", afp.qualifier());
  }

  @Test
  void aPlaceOfSeveralWordsAndTheHouseStylesWithoutAnAgency() {
    assertEquals(List.of("Gaza City"), first("GAZA CITY — Strikes hit a school.").names());
    assertEquals(List.of("New Delhi"), first("NEW DELHI: The ministry said.").names());
    assertEquals(List.of("Rostov-On-Don"), first("ROSTOV-ON-DON, Russia -- Troops left.").names());
  }

  @Test
  void otherLanguagesAgencies() {
    assertEquals(List.of("Caracas"), first("Caracas (EFE).- La oposición denunció.").names());
    assertEquals(
        List.of("Москва"), first("МОСКВА, 3 декабря. /ТАСС/. Министерство сообщило.").names());
    assertEquals(List.of("Berlin"), first("Berlin (dpa) - Die Regierung hat.").names());
  }

  @Test
  void aPlaceWrittenNormallyCountsOnlyBeforeAnAgency() {
    assertEquals(List.of("Kyiv"), first("Kyiv, Ukraine (CNN) — Explosions were heard.").names());
    assertTrue(Dateline.candidates("Thursday, November 23 – Qatar announced a deal.").isEmpty());
    assertTrue(Dateline.candidates("(CNN) — A plane crashed on Wednesday.").isEmpty());
    assertTrue(Dateline.candidates("The minister – who spoke on Monday – said.").isEmpty());
  }

  @Test
  void aStoryFiledFromSeveralPlacesNamesThemAll() {
    Dateline d = first("Kim and Putin met.\n\nMOSCOW/SEOUL - The two leaders met on Wednesday.");
    assertEquals(List.of("Moscow", "Seoul"), d.names());
  }

  @Test
  void aDatelineIsAmongTheFirstLinesOnly() {
    String late = "A long opening line of prose. ".repeat(60) + "\nPARIS (AFP) - Late.";
    assertTrue(Dateline.candidates(late).isEmpty());
  }
}
