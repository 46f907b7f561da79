package org.newsgraph.ingest.cleaning;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.newsgraph.common.problem.ProblemException;
import org.newsgraph.ingest.Seeds;

class TextCleanerTest {

  @Test
  void dateLineOnTheSameLineAsTheBodyIsStrippedAndGivesTheDate() {
    CleanedText cleaned = TextCleaner.clean(Seeds.read("000"));
    assertThat(cleaned.publishedAt(), equalTo(LocalDate.of(2024, 3, 23)));
    assertThat(cleaned.text(), startsWith("In a decisive statement issued last night"));
    assertThat(cleaned.headline(), nullValue());
    assertThat(cleaned.text(), containsString("\n\nContext and Condemnation\n\n"));
  }

  @Test
  void pageChromeAboveTheHeadlineGoesAndTheDateClosestToTheBodyCounts() {
    CleanedText cleaned = TextCleaner.clean(Seeds.read("001"));
    assertThat(cleaned.publishedAt(), equalTo(LocalDate.of(2024, 3, 24)));
    assertThat(
        cleaned.headline(), equalTo("Tragedy Strikes Moscow: Joint Efforts Urged to Combat IS"));
    assertThat(
        cleaned.text(), startsWith("In a devastating attack in Moscow, 143 lives were lost"));
    for (String chrome : new String[] {"regional convergence", "18 May", "1024x576", "\u00A0"}) {
      assertThat(cleaned.text(), not(containsString(chrome)));
    }
    assertThat(cleaned.text(), endsWith("sustained multilateral efforts in the region."));
  }

  @Test
  void seed002() {
    CleanedText cleaned = TextCleaner.clean(Seeds.read("002"));
    assertThat(cleaned.publishedAt(), equalTo(LocalDate.of(2024, 4, 2)));
    assertThat(cleaned.text(), startsWith("In a striking policy shift"));
  }

  @Test
  void headlineOnItsOwnLineAndAuthorBlurbAtTheEnd() {
    CleanedText cleaned = TextCleaner.clean(Seeds.read("003"));
    assertThat(cleaned.publishedAt(), nullValue());
    assertThat(
        cleaned.headline(),
        equalTo("Putin Says Taliban \u2018Our Allies\u2019 in Fighting Terrorism"));
    assertThat(cleaned.text(), startsWith("In a surprising declaration"));
    assertThat(cleaned.text(), not(containsString("This article is written by")));
    assertThat(cleaned.text(), endsWith("in a rapidly changing world."));
    // one line per paragraph in the input: each becomes a paragraph
    assertThat(cleaned.text().split("\n\n").length, equalTo(7));
  }

  @Test
  void relatedSourcesListGoesAndAYearInTheBodyIsNoDate() {
    CleanedText cleaned = TextCleaner.clean(Seeds.read("004"));
    assertThat(cleaned.publishedAt(), nullValue());
    assertThat(
        cleaned.headline(),
        equalTo("Russia Lifts Ban on Taliban, Opening Doors for Diplomatic Relations"));
    assertThat(cleaned.text(), not(containsString("Related Sources")));
    assertThat(cleaned.text(), not(containsString("Source 1")));
    assertThat(cleaned.text(), endsWith("approach from the Afghan leadership."));
  }

  @Test
  void aWireDatelineOpeningTheFirstParagraphGivesTheDate() {
    String[][] cases = {
      {"MOSCOW, 24 March 2024 – Gunmen opened fire at a concert hall.", "2024-03-24"},
      {"KABUL, Afghanistan, March 3, 2025 (AP) — The Taliban met Russian envoys.", "2025-03-03"},
      {"Kabul, Afghanistan (AP) — March 3, 2025: The Taliban met Russian envoys.", "2025-03-03"},
      {
        "Talks Resume in Geneva\n\nGENEVA (Reuters) - 5 Jan. 2023 - Talks between the two"
            + " delegations resumed on Thursday after a pause of three weeks, officials said.",
        "2023-01-05"
      },
    };
    for (String[] c : cases) {
      assertThat(c[0], TextCleaner.clean(c[0]).publishedAt(), equalTo(LocalDate.parse(c[1])));
    }
    // no year, an impossible day, or a date that is the sentence's own: no publication date
    for (String text :
        new String[] {
          "MOSCOW, March 24 (Reuters) - Gunmen opened fire at a concert hall.",
          "MOSCOW, 31 February 2024 – Gunmen opened fire at a concert hall.",
          "On March 24, 2024, gunmen opened fire at a concert hall - police said.",
          "Talks resumed.\n\nGENEVA, 5 January 2023 - A second paragraph is no dateline.",
        }) {
      assertThat(text, TextCleaner.clean(text).publishedAt(), nullValue());
    }
  }

  @Test
  void impossibleDateLineIsRejectedNamingTheText() {
    ProblemException e =
        assertThrows(
            ProblemException.class,
            () -> TextCleaner.clean(" date 2024-02-30 Something happened today."));
    assertThat(e.errors().get(0).field(), equalTo("text"));
  }

  @Test
  void aBodyStartingWithTheWordDateIsNotADateLine() {
    CleanedText cleaned = TextCleaner.clean("date night is back in fashion, say planners.");
    assertThat(cleaned.publishedAt(), nullValue());
    assertThat(cleaned.text(), equalTo("date night is back in fashion, say planners."));
  }

  @Test
  void whiteSpaceIsNormalisedAndUnicodeComposed() {
    CleanedText cleaned =
        TextCleaner.clean(
            "  Cafe\u0301 \u00A0 owners\t protest.\r\n\r\n\r\nSecond   paragraph here. ");
    assertThat(cleaned.text(), equalTo("Caf\u00E9 owners protest.\n\nSecond paragraph here."));
  }

  @Test
  void hardWrappedLinesInsideAParagraphAreJoined() {
    CleanedText cleaned = TextCleaner.clean("First line\nwraps here.\n\nSecond paragraph.");
    assertThat(cleaned.text(), equalTo("First line wraps here.\n\nSecond paragraph."));
  }

  @Test
  void aHardWrappedTextWithoutBlankLinesKeepsItsOpeningLinesAsOneParagraph() {
    CleanedText cleaned =
        TextCleaner.clean(
            "Ce lundi 3 mars 2025, un cessez-le-feu a été\n"
                + "signé entre les deux pays par l'intermédiaire de la Norvège, portant sur\n"
                + "le retrait des troupes de la frontière, et sur l'échange de\n"
                + "prisonniers dans les trois semaines à venir selon les deux parties.\n"
                + "Le ministre des Affaires étrangères a salué un accord \"historique\"\n"
                + "et a promis que la frontière serait rouverte dès la semaine prochaine.\n"
                + "Réactions\n"
                + "Les habitants de la région frontalière ont accueilli la nouvelle avec prudence.");
    assertThat(
        cleaned.text(),
        equalTo(
            "Ce lundi 3 mars 2025, un cessez-le-feu a été signé entre les deux pays par"
                + " l'intermédiaire de la Norvège, portant sur le retrait des troupes de la"
                + " frontière, et sur l'échange de prisonniers dans les trois semaines à venir"
                + " selon les deux parties.\n\n"
                + "Le ministre des Affaires étrangères a salué un accord \"historique\" et a"
                + " promis que la frontière serait rouverte dès la semaine prochaine.\n\n"
                + "Réactions\n\n"
                + "Les habitants de la région frontalière ont accueilli la nouvelle avec"
                + " prudence."));
    assertThat(cleaned.headline(), nullValue());
  }

  @Test
  void aRunOfOneSymbolIsCutToTwelveAndWordsAndSpacesAreKept() {
    CleanedText cleaned =
        TextCleaner.clean(
            "The council met on Monday "
                + "&".repeat(40_000)
                + " and voted "
                + "-".repeat(60)
                + " aaaaaaaaaaaaaaaaaaaa 1000000000000000 . . . . .");
    assertThat(
        cleaned.text(),
        equalTo(
            "The council met on Monday "
                + "&".repeat(12)
                + " and voted "
                + "-".repeat(12)
                + " aaaaaaaaaaaaaaaaaaaa 1000000000000000 . . . . ."));
  }
}
