package org.newsgraph.entity.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The extractor on sentences written for these tests, one mechanism each. */
class RuleBasedExtractorTest {

  private static final LocalDate PUBLISHED = LocalDate.of(2025, 6, 15);

  private static Extraction extract(String text) {
    Extraction extraction = Pipelines.extractor().extract(text, PUBLISHED, null);
    assertOffsets(text, extraction);
    return extraction;
  }

  /** Every span refers to the exact input text. */
  private static void assertOffsets(String text, Extraction extraction) {
    for (ActorMention m : extraction.mentions()) {
      assertEquals(m.text(), m.span().of(text));
    }
    for (ExtractedEvent e : extraction.events()) {
      assertEquals(e.triggerText(), e.trigger().of(text));
      assertTrue(e.sentence().contains(e.trigger()));
      for (ActorRef ref : e.sources()) {
        assertTrue(e.sentence().contains(ref.span()), "source inside its sentence");
      }
      if (e.place() != null && e.place().span() != null) {
        assertTrue(e.sentence().contains(e.place().span()));
      }
      if (e.date().span() != null) {
        assertTrue(e.sentence().contains(e.date().span()));
      }
      if (e.fatalities() != null) {
        assertTrue(e.sentence().contains(e.fatalities().span()));
      }
    }
  }

  private static ExtractedEvent only(Extraction extraction, String type) {
    List<ExtractedEvent> events =
        extraction.events().stream().filter(e -> e.type().equals(type)).toList();
    assertEquals(1, events.size(), "one " + type + " event in " + extraction.events());
    return events.get(0);
  }

  private static List<String> ids(List<ActorRef> refs) {
    return refs.stream().map(ActorRef::actorId).toList();
  }

  @Test
  void attackWithCasualtiesPlaceAndWeekday() {
    String text =
        "Gunmen attacked a market in Kabul on Tuesday, killing at least 20 people and"
            + " wounding about 50 others.";
    ExtractedEvent attack = only(extract(text), "18");
    assertEquals(20, attack.fatalities().value());
    assertEquals(Qualifier.AT_LEAST, attack.fatalities().qualifier());
    assertEquals("at least 20", attack.fatalities().span().of(text));
    assertEquals(50, attack.injuries().value());
    assertEquals(Qualifier.ABOUT, attack.injuries().qualifier());
    assertEquals("Kabul", attack.place().place());
    assertEquals("AFG", attack.place().country());
    // "on Tuesday" in a Sunday paper is the Tuesday before
    assertEquals(LocalDate.of(2025, 6, 10), attack.date().date());
    assertEquals(DatePrecision.DAY, attack.date().precision());
    assertTrue(attack.date().fromText());
    assertEquals(Factuality.ASSERTED, attack.factuality());
  }

  @Test
  void ceasefireAgreedByBothSides() {
    ExtractedEvent ceasefire =
        only(
            extract(
                "Israel and Hamas agreed to a ceasefire on Sunday after weeks of fighting in Gaza."),
            "08");
    // a mutual act: the first party named is the source, the other side its target
    assertEquals(List.of("israel"), ids(ceasefire.sources()));
    assertEquals(List.of("hamas"), ids(ceasefire.targets()));
  }

  @Test
  void ceasefireBetweenTwoSidesAndBorderClashes() {
    ExtractedEvent ceasefire =
        only(extract("A ceasefire between Armenia and Azerbaijan took effect at midnight."), "08");
    assertEquals(List.of("armenia"), ids(ceasefire.sources()));
    assertEquals(List.of("azerbaijan"), ids(ceasefire.targets()));
    ExtractedEvent clash =
        only(
            extract(
                "Clashes between Indian and Chinese troops in the Galwan Valley left 20 soldiers"
                    + " dead."),
            "19");
    assertEquals(List.of("india"), ids(clash.sources()));
    assertEquals(List.of("china"), ids(clash.targets()));
    assertEquals(20, clash.fatalities().value());
    assertEquals("Galwan Valley", clash.place().place());
  }

  @Test
  void summitMeetingIsOneEvent() {
    Extraction x =
        extract(
            "Leaders of the G7 met in Hiroshima last month to discuss sanctions against Russia.");
    ExtractedEvent meeting = only(x, "04");
    assertEquals("Hiroshima", meeting.place().place());
    assertEquals(LocalDate.of(2025, 5, 1), meeting.date().date());
    assertEquals(DatePrecision.MONTH, meeting.date().precision());
    // sanctions only discussed
    assertEquals(Factuality.POSSIBLE, only(x, "16").factuality());
  }

  @Test
  void summitTalksWithTitledLeaders() {
    Extraction x =
        extract(
            "Russian President Vladimir Putin held talks with Turkish President Recep Tayyip"
                + " Erdogan in Astana on Friday.");
    ExtractedEvent talks = only(x, "04");
    assertEquals(List.of("vladimir-putin"), ids(talks.sources()));
    assertEquals(1, talks.targets().size());
    assertEquals("Astana", talks.place().place());
    assertEquals(LocalDate.of(2025, 6, 13), talks.date().date());
    // the demonyms are part of the titles, not mentions of the states
    assertTrue(x.mentions().stream().noneMatch(m -> "russia".equals(m.actorId())));
  }

  @Test
  void historicalRecognitionKeepsItsOwnYear() {
    ExtractedEvent recognition =
        only(extract("Turkey formally recognised the government of Syria in 2012."), "05");
    assertEquals(List.of("turkey"), ids(recognition.sources()));
    assertEquals(List.of("syria"), ids(recognition.targets()));
    assertEquals(LocalDate.of(2012, 1, 1), recognition.date().date());
    assertEquals(DatePrecision.YEAR, recognition.date().precision());
    assertTrue(recognition.historical());
  }

  @Test
  void borderClashBetweenTwoArmies() {
    ExtractedEvent clash =
        only(
            extract(
                "Armenian and Azerbaijani forces exchanged fire on the border on Wednesday, and"
                    + " two soldiers were killed."),
            "19");
    assertEquals(List.of("armenia"), ids(clash.sources()));
    assertEquals(List.of("azerbaijan"), ids(clash.targets()));
    assertEquals(2, clash.fatalities().value());
  }

  @Test
  void negatedAndDeniedEvents() {
    assertEquals(
        Factuality.NEGATED,
        only(extract("The United States did not impose new sanctions on Iran."), "16")
            .factuality());
    ExtractedEvent denied =
        only(extract("Pakistan denied that its forces had attacked Afghan villages."), "18");
    assertEquals(Factuality.NEGATED, denied.factuality());
    assertEquals(List.of("pakistan"), ids(denied.sources()));
  }

  @Test
  void hedgedEvents() {
    ExtractedEvent recognition =
        only(extract("Russia may recognise the Taliban government later this year."), "05");
    assertEquals(Factuality.POSSIBLE, recognition.factuality());
    assertEquals(List.of("taliban"), ids(recognition.targets()));
    ExtractedEvent sanctions =
        only(extract("Germany is considering sanctions against Belarus."), "16");
    assertEquals(Factuality.POSSIBLE, sanctions.factuality());
    assertEquals(List.of("germany"), ids(sanctions.sources()));
    assertEquals(List.of("belarus"), ids(sanctions.targets()));
  }

  @Test
  void metonymActsOrStaysAPlace() {
    Extraction x =
        extract(
            "The Kremlin said a concert hall near Moscow was attacked. Moscow banned the group.");
    List<ActorMention> moscow =
        x.mentions().stream().filter(m -> m.text().equals("Moscow")).toList();
    assertEquals(2, moscow.size());
    assertNull(moscow.get(0).actorId());
    assertEquals("LOCATION", moscow.get(0).nerType());
    assertEquals("russia", moscow.get(1).actorId());
    assertTrue(
        x.mentions().stream()
            .anyMatch(m -> m.text().equals("Kremlin") && "russia".equals(m.actorId())));
  }

  @Test
  void acronymIntroducedInTheTextNamesTheSameActor() {
    Extraction x =
        extract(
            "The Free Coastal Front (FCF) seized the port. Later, FCF fighters attacked an army base"
                + " near the port, killing five soldiers.");
    ExtractedEvent attack = only(x, "18");
    assertEquals(1, attack.sources().size());
    String id = attack.sources().get(0).actorId();
    assertEquals("free-coastal-front", id);
    assertTrue(x.provisionalActors().stream().anyMatch(p -> p.id().equals(id)));
    assertEquals(5, attack.fatalities().value());
  }

  @Test
  void nonEnglishTextsGetNoActorsOrEvents() {
    Extraction french =
        Pipelines.extractor()
            .extract(
                "Le gouvernement français a condamné l'attaque contre la mosquée de Lyon, qui a fait"
                    + " trois morts.",
                PUBLISHED,
                null);
    assertEquals("fr", french.language());
    assertTrue(french.mentions().isEmpty());
    assertTrue(french.events().isEmpty());
    Extraction tagged = Pipelines.extractor().extract("Russia attacked Ukraine.", PUBLISHED, "de");
    assertTrue(tagged.events().isEmpty());
  }

  @Test
  void undatedArticleWithoutTimeExpressionHasUnknownDate() {
    ExtractedEvent attack =
        only(Pipelines.extractor().extract("Russia attacked Ukraine.", null, "en"), "18");
    assertEquals(EventDate.UNKNOWN, attack.date());
    assertFalse(attack.historical());
    assertNotNull(attack.trigger());
  }

  @Test
  void genericPluralMentionIsNoEvent() {
    Extraction x =
        extract(
            "Officials warned that a weak government in Somalia could fuel cross-border attacks.");
    assertTrue(x.events().isEmpty(), x.events().toString());
  }

  @Test
  void anaphoricNominalIsTheEarlierEvent() {
    ExtractedEvent attack =
        only(
            extract(
                "Al-Shabaab fighters stormed a hotel in Mogadishu on Friday. This assault was the"
                    + " deadliest in the capital this year."),
            "18");
    assertEquals(List.of("al-shabaab"), ids(attack.sources()));
    assertEquals("stormed", attack.triggerText());
    // an anaphor that adds a figure stays, as a report of the same attack by the same group
    String text =
        "Al-Shabaab fighters stormed a hotel in Mogadishu on Friday. The attack killed 12 people.";
    List<ExtractedEvent> reports = extract(text).events();
    assertEquals(2, reports.size(), reports.toString());
    ExtractedEvent figure = reports.get(1);
    assertEquals(List.of("al-shabaab"), ids(figure.sources()));
    assertEquals("attack", figure.sources().get(0).span().of(text));
    assertEquals(12, figure.fatalities().value());
  }

  @Test
  void quantifiedSubjectIsNoActor() {
    Extraction recognition =
        extract(
            "As no country currently recognizes the junta, Mali has turned to Russia for support.");
    assertTrue(recognition.events().stream().noneMatch(e -> e.type().equals("05")));
    Extraction x =
        extract("Many countries condemned Israel, while Egypt has hosted talks with Hamas.");
    assertTrue(x.events().stream().noneMatch(e -> e.type().equals("11")), x.events().toString());
    assertEquals(List.of("egypt"), ids(only(x, "04").sources()));
  }

  @Test
  void metonymActsAsSubjectOfAGerund() {
    ExtractedEvent ties =
        only(extract("The talks ended with Ankara normalizing relations with Damascus."), "05");
    assertEquals(List.of("turkey"), ids(ties.sources()));
  }

  @Test
  void commonNewsVerbsAreTriggers() {
    ExtractedEvent strike =
        only(extract("Israeli jets struck Hamas positions in Gaza on Tuesday."), "19");
    assertEquals(List.of("israel"), ids(strike.sources()));
    assertEquals(List.of("hamas"), ids(strike.targets()));
    // a deal struck is cooperation, not force
    Extraction deal = extract("Iran and Iraq struck a deal on border security.");
    assertTrue(deal.events().stream().noneMatch(e -> e.type().equals("19")), deal.toString());
    assertEquals(1, deal.events().stream().filter(e -> e.type().equals("05")).count());
    assertEquals(
        List.of("hamas"), ids(only(extract("Hamas released 20 hostages."), "08").sources()));
    assertEquals(
        List.of("china"),
        ids(only(extract("China slammed the United States over new tariffs."), "11").sources()));
    assertEquals(
        List.of("taliban"),
        ids(only(extract("The Taliban seized control of Kabul in August 2021."), "19").sources()));
    assertEquals(
        List.of("russia"), ids(only(extract("Russia vetoed the resolution."), "12").sources()));
  }

  @Test
  void aMonthNamedMayInADatelineIsNoHedge() {
    ExtractedEvent strikes =
        only(
            extract(
                "GAZA CITY, 14 May 2025 – Israeli air strikes killed at least 27 Palestinians in"
                    + " Gaza overnight."),
            "19");
    assertEquals(Factuality.ASSERTED, strikes.factuality());
    assertEquals(List.of("israel"), ids(strikes.sources()));
  }

  @Test
  void aDeadlineIsNotTheDateOfTheAct() {
    ExtractedEvent suspension =
        only(extract("Georgia suspended talks with the European Union until 2028."), "16");
    assertEquals(PUBLISHED, suspension.date().date());
    assertFalse(suspension.date().fromText());
  }

  @Test
  void aWireDatelineIsNotTheFirstSentencesSubject() {
    for (String text :
        new String[] {
          "TBILISI, 6 December 2024 — Georgian riot police detained 48 protesters.",
          "TBILISI (Reuters) - Georgian riot police detained 48 protesters.",
        }) {
      ExtractedEvent detention = only(extract(text), "17");
      assertEquals(List.of("georgia"), ids(detention.sources()), text);
      assertEquals("detained", detention.triggerText());
    }
  }

  @Test
  void whatIsCalledForOrAwaitedHasNotHappened() {
    Extraction x =
        extract(
            "Benjamin Netanyahu rejected calls for a permanent ceasefire with Hamas and vowed to"
                + " continue until Hamas releases all hostages.");
    List<ExtractedEvent> yields = x.events().stream().filter(e -> e.type().equals("08")).toList();
    assertFalse(yields.isEmpty(), x.events().toString());
    assertTrue(
        yields.stream().allMatch(e -> e.factuality() == Factuality.POSSIBLE), yields.toString());
  }

  @Test
  void sportsAndBusinessNamesMakeNoEvents() {
    Extraction x =
        extract(
            "Barcelona attacked from the start, and Robert Lewandowski shot wide twice. Barcelona"
                + " coach Hansi Flick criticised the referee. Tesla warned of weaker deliveries.");
    assertTrue(x.events().isEmpty(), x.events().toString());
    // unknown names with political standing still act: a title, a political word in the name
    assertEquals(
        1, extract("Deputy Minister Karim Haddad condemned the Zintan Brigade.").events().size());
    assertEquals(
        List.of("southern-liberation-army"),
        ids(
            only(
                    extract("The Southern Liberation Army attacked government positions in Juba."),
                    "18")
                .sources()));
  }

  @Test
  void aDeathTollAfterAQualifierOrOfADemonymCounts() {
    Figure toll =
        only(extract("Israeli air strikes killed at least 27 Palestinians in Gaza."), "19")
            .fatalities();
    assertEquals(27, toll.value());
    assertEquals(Qualifier.AT_LEAST, toll.qualifier());
  }

  @Test
  void theAccusedIsTheDoerOfWhatTheyAreAccusedOf() {
    Extraction x =
        extract("Ukraine accused Russia of shelling a hospital in Kharkiv, killing three people.");
    assertEquals(List.of("ukraine"), ids(only(x, "11").sources()));
    assertEquals(List.of("russia"), ids(only(x, "19").sources()));
    assertEquals(
        List.of("pakistan"),
        ids(
            only(extract("India blamed Pakistan for attacking its border posts in Kashmir."), "18")
                .sources()));
  }

  @Test
  void aSeaNamedAfterACountryIsAPlace() {
    ExtractedEvent launch =
        only(
            extract("North Korea fired a ballistic missile into the Sea of Japan on Thursday."),
            "15");
    assertEquals(List.of("north-korea"), ids(launch.sources()));
    assertTrue(launch.targets().isEmpty(), launch.targets().toString());
  }

  @Test
  void anAttackClaimedInTheSameSentenceIsTheClaimers() {
    Extraction x =
        extract(
            "The Houthis claimed responsibility for a drone attack on a commercial ship near"
                + " Yemen.");
    assertEquals(List.of("houthis"), ids(only(x, "01").sources()));
    assertEquals(List.of("houthis"), ids(only(x, "18").sources()));
  }

  @Test
  void drillsWeaponsBlocksAndAmbassadors() {
    assertEquals(
        List.of("china"),
        ids(only(extract("China conducted military drills around Taiwan."), "15").sources()));
    assertEquals(
        List.of("germany"),
        ids(only(extract("Germany will send more weapons to Ukraine."), "07").sources()));
    // what is blocked did not happen; the blocking did
    Extraction blocked = extract("Hungary blocked a new package of EU sanctions against Russia.");
    assertEquals(List.of("hungary"), ids(only(blocked, "12").sources()));
    assertEquals(Factuality.NEGATED, only(blocked, "16").factuality());
    assertEquals(
        List.of("france"),
        ids(only(extract("Mali expelled the French ambassador."), "16").targets()));
    assertEquals(
        List.of("philippines", "united-states"),
        ids(
                only(
                        extract(
                            "The United States and the Philippines held joint naval patrols near"
                                + " Manila."),
                        "15")
                    .sources())
            .stream()
            .sorted()
            .toList());
    assertEquals(
        List.of("egypt"),
        ids(only(extract("Egyptian mediators hosted talks with Hamas in Cairo."), "04").sources()));
  }

  @Test
  void anUnknownPersonIsNamedAgainByTheSurname() {
    Extraction x =
        extract(
            "Deputy Minister Karim Haddad arrived in Tripoli on Monday. Haddad later condemned the"
                + " Southern Liberation Army.");
    ExtractedEvent condemnation = only(x, "11");
    assertEquals(List.of("karim-haddad"), ids(condemnation.sources()));
  }

  @Test
  void nominalEventsOfPassiveSupportVerbsAndBareStrikes() {
    ExtractedEvent sanctions =
        only(extract("New sanctions were imposed by Washington on Venezuela on Monday."), "16");
    assertEquals(List.of("united-states"), ids(sanctions.sources()));
    assertEquals(List.of("venezuela"), ids(sanctions.targets()));
    // the killing and the strike are one violent event, Israel's
    ExtractedEvent strike =
        only(extract("A senior Hamas commander was killed in an Israeli strike in Beirut."), "18");
    assertEquals(List.of("israel"), ids(strike.sources()));
    assertEquals(List.of("hamas"), ids(strike.targets()));
    // a general strike is a protest, never force
    assertTrue(
        extract("French unions called a general strike in Paris.").events().stream()
            .noneMatch(e -> e.type().equals("19")));
    assertEquals(
        List.of("ethiopia"),
        ids(
            only(extract("Ethiopia signed a memorandum of understanding with Somaliland."), "05")
                .sources()));
    assertEquals(
        List.of("japan"),
        ids(only(extract("Japan lodged a formal protest with China."), "11").sources()));
  }

  @Test
  void disastersAreNotViolence() {
    for (String text :
        new String[] {
          "An earthquake struck eastern Turkey on Monday, killing 300 people.",
          "Tragedy Strikes Moscow.",
          "At least 40 people were killed in a bus crash in Peru.",
          "The storm killed 12 people in Cuba.",
        }) {
      assertTrue(extract(text).events().isEmpty(), text + " " + extract(text).events());
    }
  }

  @Test
  void goalsAreNotEvents() {
    assertTrue(
        extract("The move is a step towards Ankara normalizing relations with Damascus.")
            .events()
            .isEmpty());
    assertTrue(
        extract("As Russia seeks to redefine its engagement with Afghanistan, the world watches.")
            .events()
            .isEmpty());
    assertTrue(extract("Turkey wants to normalize relations with Syria.").events().isEmpty());
    assertTrue(
        extract("Observers wonder whether Moscow's engagement will change the Taliban.")
            .events()
            .isEmpty());
    // a plan announces a concrete act: a possible event
    assertEquals(
        Factuality.POSSIBLE,
        only(extract("Russia plans to recognise the Taliban government."), "05").factuality());
  }

  @Test
  void backgroundCuesMakeAMentionHistorical() {
    Extraction x =
        extract(
            "Canada lifted its ban on Hezbollah, which it had previously designated as a terrorist"
                + " organization for over a decade.");
    assertFalse(only(x, "08").historical());
    ExtractedEvent designation = only(x, "17");
    assertEquals(List.of("canada"), ids(designation.sources()));
    assertTrue(designation.historical());
    // a penalty's length is no background
    assertFalse(only(extract("Germany banned Hamas for five years."), "17").historical());
  }

  @Test
  void whoKeepsTheListRemovesFromIt() {
    ExtractedEvent removal =
        only(
            extract(
                "The potential removal of Hezbollah from Canada's list of terrorist groups has"
                    + " angered Israel."),
            "08");
    assertEquals(List.of("canada"), ids(removal.sources()));
    assertEquals(List.of("hezbollah"), ids(removal.targets()));
    assertEquals(Factuality.POSSIBLE, removal.factuality());
  }

  @Test
  void passiveAgentOnThePredicateNoun() {
    ExtractedEvent designation =
        only(
            extract("Hezbollah had been designated as a terrorist organization by Canada in 2002."),
            "17");
    assertEquals(List.of("canada"), ids(designation.sources()));
    assertEquals(List.of("hezbollah"), ids(designation.targets()));
    assertTrue(designation.historical());
  }

  @Test
  void versionNamesBackendAndRules() {
    assertTrue(Pipelines.extractor().version().startsWith("corenlp-4.5.10+rules-"));
  }
}
