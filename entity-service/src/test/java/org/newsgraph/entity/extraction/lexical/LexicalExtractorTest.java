package org.newsgraph.entity.extraction.lexical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsgraph.entity.extraction.ActorMention;
import org.newsgraph.entity.extraction.ActorRef;
import org.newsgraph.entity.extraction.ExtractedEvent;
import org.newsgraph.entity.extraction.Extraction;
import org.newsgraph.entity.extraction.Factuality;
import org.newsgraph.entity.extraction.RuleFiles;
import org.newsgraph.entity.registry.RegistryDirectory;

/**
 * Invented news in every language of the lexical path: an attack with casualties and a date, an
 * agreement and a protest, each with the actors and the main event a reader would take from it.
 */
class LexicalExtractorTest {

  /**
   * @param source null when the event has none; likewise target, date and killed
   */
  record Case(
      String language,
      String text,
      LocalDate published,
      Set<String> actors,
      String type,
      String source,
      String target,
      LocalDate date,
      Integer killed) {

    @Override
    public String toString() {
      return language + " " + type + ": " + text.substring(0, Math.min(40, text.length()));
    }
  }

  private static final LocalDate PUBLISHED = LocalDate.parse("2025-03-05");

  static Stream<Case> cases() {
    return Stream.of(
        // Spanish
        new Case(
            "es",
            "Milicianos de Hamás atacaron el 3 de marzo una base militar en Israel y mataron al"
                + " menos a 12 soldados, según el ejército israelí.",
            PUBLISHED,
            Set.of("hamas", "israel"),
            "18",
            "hamas",
            "israel",
            LocalDate.parse("2025-03-03"),
            12),
        new Case(
            "es",
            "El Gobierno de Colombia y el Gobierno de Ecuador firmaron ayer un acuerdo de"
                + " cooperación fronteriza en Quito.",
            PUBLISHED,
            Set.of("colombia", "ecuador"),
            "05",
            "colombia",
            "ecuador",
            LocalDate.parse("2025-03-04"),
            null),
        new Case(
            "es",
            "Miles de estudiantes marcharon este lunes en Caracas. La protesta contra Nicolás"
                + " Maduro reunió a la oposición.",
            PUBLISHED,
            Set.of("nicolas-maduro", "venezuela"),
            "14",
            null,
            "nicolas-maduro",
            LocalDate.parse("2025-03-05"),
            null),
        // French
        new Case(
            "fr",
            "Le 2 mars 2025, des combattants du Hamas ont lancé une attaque contre Israël qui a"
                + " fait au moins 7 morts.",
            null,
            Set.of("hamas", "israel"),
            "18",
            "hamas",
            "israel",
            LocalDate.parse("2025-03-02"),
            7),
        new Case(
            "fr",
            "Ce mardi 4 mars 2025, un accord a été conclu entre la France et l'Algérie sur les"
                + " visas.",
            null,
            Set.of("france", "algeria"),
            "05",
            "france",
            "algeria",
            LocalDate.parse("2025-03-04"),
            null),
        new Case(
            "fr",
            "Des milliers de personnes ont manifesté hier à Paris contre le gouvernement. La"
                + " manifestation visait Emmanuel Macron.",
            PUBLISHED,
            Set.of("emmanuel-macron"),
            "14",
            null,
            "emmanuel-macron",
            LocalDate.parse("2025-03-05"),
            null),
        // German
        new Case(
            "de",
            "Am 3. März 2025 griffen Kämpfer der Hamas Israel an. Bei dem Angriff der Hamas auf"
                + " Israel wurden mindestens 9 Menschen getötet.",
            null,
            Set.of("hamas", "israel"),
            "18",
            "hamas",
            "israel",
            LocalDate.parse("2025-03-03"),
            9),
        new Case(
            "de",
            "Deutschland und Frankreich unterzeichneten am 4. März 2025 ein Abkommen über"
                + " Grenzkontrollen.",
            null,
            Set.of("germany", "france"),
            "05",
            "germany",
            "france",
            LocalDate.parse("2025-03-04"),
            null),
        new Case(
            "de",
            "Tausende Menschen demonstrierten gestern in Berlin. Der Protest richtete sich gegen"
                + " Russland.",
            PUBLISHED,
            Set.of("russia"),
            "14",
            null,
            "russia",
            LocalDate.parse("2025-03-05"),
            null),
        // Portuguese
        new Case(
            "pt",
            "Em 3 de março de 2025, o Hamas lançou um ataque contra Israel que deixou pelo menos 5"
                + " mortos.",
            null,
            Set.of("hamas", "israel"),
            "18",
            "hamas",
            "israel",
            LocalDate.parse("2025-03-03"),
            5),
        new Case(
            "pt",
            "O Brasil e a Argentina assinaram nesta terça-feira um acordo comercial em Brasília.",
            PUBLISHED,
            Set.of("brazil", "argentina"),
            "05",
            "brazil",
            "argentina",
            LocalDate.parse("2025-03-04"),
            null),
        new Case(
            "pt",
            "Milhares de pessoas foram às ruas de Caracas em protesto contra Nicolás Maduro.",
            PUBLISHED,
            Set.of("nicolas-maduro"),
            "14",
            null,
            "nicolas-maduro",
            PUBLISHED,
            null),
        // Russian
        new Case(
            "ru",
            "3 марта боевики ХАМАС совершили нападение на Израиль, погибли не менее 8 человек.",
            PUBLISHED,
            Set.of("hamas", "israel"),
            "18",
            "hamas",
            "israel",
            LocalDate.parse("2025-03-03"),
            8),
        new Case(
            "ru",
            "Россия и Китай подписали 4 марта соглашение о торговле.",
            PUBLISHED,
            Set.of("russia", "china"),
            "05",
            "russia",
            "china",
            LocalDate.parse("2025-03-04"),
            null),
        new Case(
            "ru",
            "Тысячи людей вышли вчера на протест против Израиля в Москве.",
            PUBLISHED,
            Set.of("israel"),
            "14",
            null,
            "israel",
            LocalDate.parse("2025-03-04"),
            null),
        // Ukrainian
        new Case(
            "uk",
            "Російські війська 3 березня здійснили напад на Україну, загинули щонайменше 6 людей.",
            PUBLISHED,
            Set.of("russia", "ukraine"),
            "18",
            "russia",
            "ukraine",
            LocalDate.parse("2025-03-03"),
            6),
        new Case(
            "uk",
            "Україна та Польща підписали 4 березня угоду про енергетику.",
            PUBLISHED,
            Set.of("ukraine", "poland"),
            "05",
            "ukraine",
            "poland",
            LocalDate.parse("2025-03-04"),
            null),
        new Case(
            "uk",
            "Тисячі людей вийшли вчора на протест проти Росії.",
            PUBLISHED,
            Set.of("russia"),
            "14",
            null,
            "russia",
            LocalDate.parse("2025-03-04"),
            null),
        // Arabic
        new Case(
            "ar",
            "شنت حماس هجوم على إسرائيل في 3 مارس 2025 أسفر عن مقتل 4 أشخاص.",
            null,
            Set.of("hamas", "israel"),
            "18",
            "hamas",
            "israel",
            LocalDate.parse("2025-03-03"),
            4),
        new Case(
            "ar",
            "وقعت مصر والأردن اتفاق تعاون في 4 مارس 2025.",
            null,
            Set.of("egypt", "jordan"),
            "05",
            "egypt",
            "jordan",
            LocalDate.parse("2025-03-04"),
            null),
        new Case(
            "ar",
            "خرج آلاف المتظاهرين أمس في احتجاجات ضد إسرائيل.",
            PUBLISHED,
            Set.of("israel"),
            "14",
            null,
            "israel",
            LocalDate.parse("2025-03-04"),
            null),
        // Korean
        new Case(
            "ko",
            "북한이 3일 한국을 공격해 최소 3명이 사망했다.",
            PUBLISHED,
            Set.of("north-korea", "south-korea"),
            "18",
            "north-korea",
            "south-korea",
            LocalDate.parse("2025-03-03"),
            3),
        new Case(
            "ko",
            "한국과 일본이 4일 서울에서 협정에 서명했다.",
            PUBLISHED,
            Set.of("south-korea", "japan"),
            "05",
            "south-korea",
            "japan",
            LocalDate.parse("2025-03-04"),
            null),
        // Italian
        new Case(
            "it",
            "Miliziani di Hamas hanno attaccato il 3 marzo una base militare in Israele,"
                + " uccidendo almeno 12 soldati, secondo l'esercito israeliano.",
            PUBLISHED,
            Set.of("hamas", "israel"),
            "18",
            "hamas",
            "israel",
            LocalDate.parse("2025-03-03"),
            12),
        new Case(
            "it",
            "Il governo della Colombia e il governo dell'Ecuador hanno firmato ieri un accordo di"
                + " cooperazione alla frontiera.",
            PUBLISHED,
            Set.of("colombia", "ecuador"),
            "05",
            "colombia",
            "ecuador",
            LocalDate.parse("2025-03-04"),
            null),
        new Case(
            "it",
            "Migliaia di studenti hanno manifestato lunedì a Caracas contro Nicolás Maduro.",
            PUBLISHED,
            Set.of("nicolas-maduro", "venezuela"),
            "14",
            null,
            "nicolas-maduro",
            LocalDate.parse("2025-03-03"),
            null),
        new Case(
            "ko",
            "시민 수천 명이 어제 서울에서 미국에 항의하는 시위를 벌였다.",
            PUBLISHED,
            Set.of("united-states"),
            "14",
            null,
            "united-states",
            LocalDate.parse("2025-03-04"),
            null));
  }

  private static final RegistryDirectory REGISTRY = RegistryDirectory.shipped();

  @ParameterizedTest
  @MethodSource("cases")
  void findsTheActorsAndTheMainEvent(Case c) {
    Extraction extraction =
        new LexicalExtractor(c.language(), new RuleFiles(c.language()), REGISTRY)
            .extract(c.text(), c.published(), true, "test");
    Set<String> actors =
        extraction.mentions().stream()
            .map(ActorMention::actorId)
            .filter(Objects::nonNull)
            .collect(Collectors.toSet());
    assertTrue(actors.containsAll(c.actors()), () -> "actors " + actors);
    List<ExtractedEvent> events = extraction.events();
    assertTrue(
        events.stream().anyMatch(e -> matches(c, e)),
        () -> "no " + c.type() + " event as expected among " + describe(events));
  }

  private static boolean matches(Case c, ExtractedEvent e) {
    return e.type().equals(c.type())
        && (c.source() == null || ids(e.sources()).contains(c.source()))
        && (c.target() == null || ids(e.targets()).contains(c.target()))
        && Objects.equals(e.date().date(), c.date())
        && (c.killed() == null || (e.fatalities() != null && e.fatalities().value() == c.killed()))
        && e.factuality() == Factuality.ASSERTED;
  }

  private static Set<String> ids(List<ActorRef> refs) {
    return refs.stream().map(ActorRef::actorId).collect(Collectors.toSet());
  }

  private static String describe(List<ExtractedEvent> events) {
    return events.stream()
        .map(
            e ->
                e.type()
                    + " "
                    + e.triggerText()
                    + " "
                    + ids(e.sources())
                    + "->"
                    + ids(e.targets())
                    + " "
                    + e.date().date()
                    + " "
                    + (e.fatalities() == null ? "" : e.fatalities().value())
                    + " "
                    + e.factuality())
        .toList()
        .toString();
  }

  private static Set<String> actorsOf(String language, String text) {
    return new LexicalExtractor(language, new RuleFiles(language), REGISTRY)
        .extract(text, PUBLISHED, true, "test").mentions().stream()
            .map(ActorMention::actorId)
            .filter(Objects::nonNull)
            .collect(Collectors.toSet());
  }

  @org.junit.jupiter.api.Test
  void inflectedNamesAndNamesKnownOnlyByTheirFunctionResolve() {
    // case endings: genitive, instrumental, dative
    assertEquals(
        Set.of("russia", "ukraine", "china"),
        actorsOf("ru", "Переговоры России с Украиной прошли вчера. Позже Китаю предложили план."));
    // a ministry named by its function belongs to the state after it, not to the language's own
    assertTrue(
        actorsOf("de", "Das Verteidigungsministerium in Moskau dementierte den Bericht.")
            .contains("rus-ministry-of-defence"));
    // where every noun is capitalised, a genitive "s" without article marks a personal name
    assertTrue(
        actorsOf("de", "Laut Petrenkos Angaben zog Petrenko am Morgen weiter.")
            .contains("petrenko"));
    // a sentence wrapped over lines, with blank lines between them, is still one sentence
    assertTrue(
        new LexicalExtractor("fr", new RuleFiles("fr"), REGISTRY)
                .extract("Le Hamas a lancé une\n\nattaque contre Israël.", PUBLISHED, true, "test")
                .events()
                .stream()
                .anyMatch(
                    e ->
                        ids(e.sources()).contains("hamas") && ids(e.targets()).contains("israel")));
    // the abbreviation of a kind of power station names a facility, no actor
    assertEquals(
        Set.of("russia"), actorsOf("ru", "Россия обстреляла Запорожскую АЭС в понедельник."));
    // where names do not inflect, a surname is not another person's by its stem ("Machar")
    assertTrue(
        !actorsOf("pt", "A ministra Ana Machado visitou Luanda ontem.").contains("riek-machar"));
    // a body the registry knows by its name in the language wins over the demonym rule
    assertEquals(
        Set.of("syr-armed-forces"), actorsOf("es", "El ejército sirio se retiró del norte."));
  }

  @org.junit.jupiter.api.Test
  void pronounsAndPossessivesStandForTheActorNamedBefore() {
    // after a verb-second verb, the possessive's noun is the subject: the actor named before
    assertEvent(
        "de",
        "Kim Jong Un besuchte am Freitag eine Raketenfabrik. Am Samstag besetzten seine Truppen"
            + " eine Insel vor Südkorea.",
        "19",
        "kim-jong-un",
        "south-korea");
    // an object clitic stands for a person, never for its own clause's subject
    assertEvent(
        "es",
        "Nicolás Maduro llegó el martes a Pekín, donde Xi Jinping le ofreció un crédito de"
            + " emergencia.",
        "03",
        "xi-jinping",
        "nicolas-maduro");
    // a subject pronoun is the person named in a sentence before
    assertEvent(
        "fr",
        "Emmanuel Macron est arrivé lundi à Alger. Il a rencontré Abdelmadjid Tebboune au palais.",
        "04",
        "emmanuel-macron",
        "abdelmadjid-tebboune");
    assertEvent(
        "ru",
        "Владимир Путин прибыл в Пекин во вторник. Он подписал соглашение с Китаем.",
        "05",
        "vladimir-putin",
        "china");
  }

  private static void assertEvent(
      String language, String text, String type, String source, String target) {
    List<ExtractedEvent> events =
        new LexicalExtractor(language, new RuleFiles(language), REGISTRY)
            .extract(text, PUBLISHED, true, "test")
            .events();
    assertTrue(
        events.stream()
            .anyMatch(
                e ->
                    e.type().equals(type)
                        && ids(e.sources()).contains(source)
                        && ids(e.targets()).contains(target)),
        () -> "no " + type + " " + source + "->" + target + " among " + describe(events));
  }

  @ParameterizedTest
  @MethodSource("undatedTexts")
  void anUndatedTextTakesTheYearInWhichItsWeekdayFellOnItsDayAndMonth(
      String language, String text, String date) {
    // 3 March was a Monday and 12 March a Wednesday in 2025, not in 2026
    Clock today = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);
    List<ExtractedEvent> events =
        new LexicalExtractor(language, new RuleFiles(language), REGISTRY, today)
            .extract(text, null, true, "test")
            .events();
    assertTrue(
        events.stream()
            .anyMatch(
                e ->
                    e.type().equals("18")
                        && LocalDate.parse(date).equals(e.date().date())
                        && e.date().fromText()),
        () -> "no attack on " + date + " among " + describe(events));
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> undatedTexts() {
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of(
            "es",
            "Milicianos de Hamás atacaron el lunes 3 de marzo una base militar en Israel.",
            "2025-03-03"),
        org.junit.jupiter.params.provider.Arguments.of(
            "pt",
            "Milicianos do Hamas atacaram nesta quarta-feira (12/03) uma base militar em Israel.",
            "2025-03-12"),
        org.junit.jupiter.params.provider.Arguments.of(
            "fr",
            "Des miliciens du Hamas ont attaqué ce mercredi 12 mars une base militaire en Israël.",
            "2025-03-12"));
  }

  @ParameterizedTest
  @MethodSource("negations")
  void aDeniedAttackIsNegatedAndAnAllegedOnePossible(String language, String text, String want) {
    Extraction extraction =
        new LexicalExtractor(language, new RuleFiles(language), REGISTRY)
            .extract(text, PUBLISHED, true, "test");
    assertEquals(
        Factuality.valueOf(want),
        extraction.events().stream()
            .filter(e -> e.type().equals("18"))
            .findFirst()
            .orElseThrow()
            .factuality());
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> negations() {
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of(
            "es", "Rusia no atacó a Ucrania el lunes.", "NEGATED"),
        org.junit.jupiter.params.provider.Arguments.of(
            "fr", "Le présumé attentat de la Russie contre l'Ukraine.", "POSSIBLE"),
        org.junit.jupiter.params.provider.Arguments.of(
            "de", "Nach dem angeblichen Angriff Russlands auf die Ukraine.", "POSSIBLE"));
  }
}
