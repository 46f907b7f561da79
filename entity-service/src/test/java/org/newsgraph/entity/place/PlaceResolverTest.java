package org.newsgraph.entity.place;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.newsgraph.entity.extraction.Place.Precision;
import org.newsgraph.entity.place.GeoPlace.Kind;

/** The resolver on names and evidence alone, against the shipped gazetteer. */
class PlaceResolverTest {

  private static final PlaceResolver RESOLVER = new PlaceResolver(Gazetteer.shipped());

  private static GeoPlace resolve(String name, Clues clues) {
    Optional<PlaceResolver.Resolved> resolved = RESOLVER.resolve(name, clues, Map.of());
    assertTrue(resolved.isPresent(), name + " resolves");
    return resolved.get().place();
  }

  private static Clues sentence(String... countries) {
    return new Clues(null, false, null, Set.of(countries), Set.of(), Map.of(), Set.of());
  }

  private static Clues article(Map<String, Double> countries, String... divisions) {
    return new Clues(null, false, null, Set.of(), Set.of(), countries, Set.of(divisions));
  }

  @Test
  void theBiggerTripoliWithoutEvidenceTheLebaneseOneWithIt() {
    GeoPlace libya = resolve("Tripoli", Clues.none());
    assertEquals("LBY", libya.country());
    assertEquals(2210247L, libya.geonamesId());
    assertEquals(Precision.CITY, libya.precision());
    GeoPlace lebanon = resolve("Tripoli", sentence("LBN"));
    assertEquals("LBN", lebanon.country());
    assertEquals(266826L, lebanon.geonamesId());
    assertEquals("LB.09", lebanon.admin1Code());
    assertEquals(34.43, lebanon.lat(), 0.01);
    assertEquals(35.84, lebanon.lon(), 0.01);
  }

  @Test
  void hyderabadInPakistanWhenTheArticleIsAboutPakistanOrNamesSindh() {
    assertEquals("IND", resolve("Hyderabad", Clues.none()).country());
    assertEquals(1176734L, resolve("Hyderabad", article(Map.of("PAK", 1.0))).geonamesId());
    Clues sindh = new Clues("Sindh", false, null, Set.of(), Set.of(), Map.of(), Set.of());
    assertEquals("PAK", resolve("Hyderabad", sindh).country());
    assertEquals("IND", resolve("Hyderabad", article(Map.of("PAK", 0.3, "IND", 0.7))).country());
  }

  @Test
  void georgiaIsTheCountryUnlessTheArticleIsInTheUnitedStates() {
    GeoPlace country = resolve("Georgia", Clues.none());
    assertEquals(Kind.COUNTRY, country.kind());
    assertEquals("GEO", country.country());
    assertEquals(Precision.COUNTRY, country.precision());
    GeoPlace state = resolve("Georgia", article(Map.of("USA", 1.0), "US.GA"));
    assertEquals(Kind.ADMIN1, state.kind());
    assertEquals("USA", state.country());
    assertEquals("US.GA", state.code());
    assertEquals(Precision.REGION, state.precision());
  }

  @Test
  void aCountryAttachedByItsOwnNameIsNoEvidence() {
    // the extractor attaches GEO to "Georgia" because the name is the country's: that proves
    // nothing
    Clues attached =
        new Clues(null, false, "GEO", Set.of(), Set.of(), Map.of("USA", 1.0), Set.of("US.GA"));
    assertEquals("USA", resolve("Georgia", attached).country());
    // while a country attached from the context does count: Moscow, Russia and not Moscow, Idaho
    Clues idaho =
        new Clues(null, false, "RUS", Set.of(), Set.of(), Map.of("USA", 1.0), Set.of("US.ID"));
    assertEquals("RUS", resolve("Moscow", idaho).country());
  }

  @Test
  void provincesAndDistrictsAreRegions() {
    GeoPlace helmand = resolve("Helmand province", Clues.none());
    assertEquals(Kind.ADMIN1, helmand.kind());
    assertEquals("AFG", helmand.country());
    assertEquals(Precision.REGION, helmand.precision());
    // the city of Donetsk, unless the text says region
    assertEquals(Kind.CITY, resolve("Donetsk", Clues.none()).kind());
    Clues region = new Clues(null, true, null, Set.of(), Set.of(), Map.of(), Set.of());
    GeoPlace donetsk = resolve("Donetsk", region);
    assertEquals(Kind.ADMIN1, donetsk.kind());
    assertEquals("UA.05", donetsk.code());
    GeoPlace nadAli = resolve("Nad Ali district", Clues.none());
    assertEquals(Kind.ADMIN2, nadAli.kind());
    assertEquals("AF.10", nadAli.admin1Code());
  }

  @Test
  void aPlaceQualifiedByItsDivisionIsTheOneInIt() {
    GeoPlace butler = resolve("Butler, Pennsylvania", Clues.none());
    assertEquals("US.PA", butler.admin1Code());
    assertEquals(Precision.CITY, butler.precision());
    GeoPlace village = resolve("Kuzhenkino, Tver region", Clues.none());
    assertEquals("RU.77", village.admin1Code());
  }

  @Test
  void seaAreasAreRegionsOfNoCountry() {
    GeoPlace redSea = resolve("the Red Sea", Clues.none());
    assertEquals(Kind.SEA, redSea.kind());
    assertNull(redSea.country());
    assertEquals(Precision.REGION, redSea.precision());
    assertEquals(Kind.SEA, resolve("Gulf of Aden", sentence("YEM")).kind());
  }

  @Test
  void abstainsToTheCountryWhenSeveralPlacesInItFitEquallyAndAltogetherWhenNothingFits() {
    GeoPlace springfield = resolve("Springfield", Clues.none());
    assertEquals(Kind.COUNTRY, springfield.kind());
    assertEquals("USA", springfield.country());
    // a small village is no reading without evidence for it, but the country it lies in is
    assertEquals(Kind.COUNTRY, resolve("Nad Ali", Clues.none()).kind());
    assertTrue(RESOLVER.resolve("Fixture Town", Clues.none(), Map.of()).isEmpty());
  }

  @Test
  void namesInOtherLanguagesAndTheRegistrysNamesOfStates() {
    assertEquals("DEU", resolve("Deutschland", Clues.none()).country());
    assertEquals("CIV", resolve("Côte d'Ivoire", Clues.none()).country());
    assertEquals("UKR", resolve("Kiev", Clues.none()).country());
    PlaceResolver.Resolved dprk =
        RESOLVER.resolve("DPRK", Clues.none(), Map.of(Gazetteer.key("DPRK"), "PRK")).orElseThrow();
    assertEquals(Kind.COUNTRY, dprk.place().kind());
    assertEquals("PRK", dprk.place().country());
  }
}
