package org.newsgraph.entity.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.common.cameo.CameoRoot;
import org.newsgraph.entity.nlp.TimeExpression;
import org.newsgraph.entity.nlp.Token;

/** The rules that need no linguistic models: fast, on hand-made tokens. */
class ExtractionRulesTest {

  private static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    int offset = 0;
    for (String word : text.split(" ")) {
      String tag = word.matches("\\d+") ? "CD" : "NNP";
      out.add(
          new Token(
              out.size(),
              word,
              word.toLowerCase(),
              tag,
              "O",
              new Span(offset, offset + word.length())));
      offset += word.length() + 1;
    }
    return out;
  }

  private static KnownActor actor(
      String id, String type, List<String> aliases, List<String> demonyms) {
    return new KnownActor(id, aliases.get(0), type, null, null, aliases, demonyms, List.of());
  }

  @Test
  void gazetteerMatchesLongestNamesWithCaseRules() {
    ActorGazetteer gazetteer =
        ActorGazetteer.of(
            List.of(
                actor("islamic-state", "ARMED_GROUP", List.of("Islamic State", "IS"), List.of()),
                actor(
                    "islamic-state-khorasan",
                    "ARMED_GROUP",
                    List.of("Islamic State Khorasan", "IS-K"),
                    List.of()),
                actor("turkey", "STATE", List.of("Turkey"), List.of("Turkish"))),
            7);
    ActorGazetteer.Hit hit = gazetteer.match(tokens("the Islamic State Khorasan said"), 1);
    assertEquals("islamic-state-khorasan", hit.entry().actor().id());
    assertEquals(3, hit.last());
    assertNotNull(gazetteer.match(tokens("IS-K fighters"), 0));
    // acronyms only in their own case; names need their capital
    assertNull(gazetteer.match(tokens("it is over"), 1));
    assertNull(gazetteer.match(tokens("roast turkey"), 1));
    assertNotNull(gazetteer.match(tokens("ISLAMIC STATE"), 0));
    assertEquals(7, gazetteer.revision());
  }

  @Test
  void sharedNamesResolveToNobody() {
    ActorGazetteer gazetteer =
        ActorGazetteer.of(
            List.of(
                actor(
                    "republic-of-the-congo",
                    "STATE",
                    List.of("Republic of the Congo"),
                    List.of("Congolese")),
                actor(
                    "democratic-republic-of-the-congo",
                    "STATE",
                    List.of("DR Congo"),
                    List.of("Congolese"))),
            0);
    assertNull(gazetteer.match(tokens("Congolese troops"), 0));
  }

  @Test
  void headCountsInDigitsAndWords() {
    assertEquals(143, Casualties.count(tokens("143").get(0)));
    assertEquals(1200, Casualties.count(new Token(0, "1,200", "1,200", "CD", "O", new Span(0, 5))));
    assertEquals(
        22, Casualties.count(new Token(0, "twenty-two", "twenty-two", "CD", "O", new Span(0, 10))));
    assertNull(Casualties.count(tokens("2003").get(0)), "a year");
    assertNull(Casualties.count(new Token(0, "scores", "score", "NNS", "O", new Span(0, 6))));
  }

  @Test
  void timeValuesGivePrecision() {
    Span span = new Span(0, 4);
    assertEquals(
        new EventDate(LocalDate.of(2024, 3, 22), DatePrecision.DAY, true, span),
        EventDates.of(new TimeExpression(0, 1, span, "last night", "TIME", "2024-03-22TNI")));
    assertEquals(
        DatePrecision.MONTH,
        EventDates.of(new TimeExpression(0, 0, span, "March", "DATE", "2024-03")).precision());
    assertEquals(
        LocalDate.of(1980, 1, 1),
        EventDates.of(new TimeExpression(0, 1, span, "the 1980s", "DATE", "198X")).date());
    assertNull(EventDates.of(new TimeExpression(0, 0, span, "now", "DATE", "PRESENT_REF")));
    assertNull(EventDates.of(new TimeExpression(0, 0, span, "March", "DATE", "XXXX-03")));
    assertNull(EventDates.of(new TimeExpression(0, 1, span, "two decades", "DURATION", "P20Y")));
  }

  @Test
  void languageGuess() {
    assertEquals(
        "en", Languages.guess("The ministry said that the attack was condemned by the group."));
    assertEquals("fr", Languages.guess("Le gouvernement a condamné l'attaque dans la ville."));
    assertEquals(
        "de",
        Languages.guess(
            "Die Regierung hat die Sanktionen gegen Russland verlängert und ist zufrieden."));
    assertEquals("und", Languages.guess("Правительство осудило нападение."));
  }

  @Test
  void cameoRootsCarryQuadClassAndGoldstein() {
    assertEquals(CameoRoot.ASSAULT, CameoRoot.of("18"));
    assertEquals(-9.0, CameoRoot.ASSAULT.goldstein());
    assertEquals(4, CameoRoot.FIGHT.quadClass());
    assertEquals(1, CameoRoot.CONSULT.quadClass());
    assertTrue(CameoRoot.USE_UNCONVENTIONAL_MASS_VIOLENCE.violent());
    assertThrows(IllegalArgumentException.class, () -> CameoRoot.of("21"));
  }

  @Test
  void slugsAreNormalisedKeys() {
    assertEquals("free-coastal-front", MentionFinder.slug("Free Coastal Front"));
    assertEquals("recep-tayyip-erdogan", MentionFinder.slug("Recep Tayyip Erdoğan"));
  }
}
