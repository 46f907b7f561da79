package org.newsgraph.entity.extraction;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.newsgraph.entity.nlp.AnalyzedSentence;
import org.newsgraph.entity.nlp.Token;

/**
 * Numbers of people killed or injured in one sentence: "143 lives were lost", "killing over 140
 * people", "the deaths of 145 people", "at least 20 wounded". Vague amounts ("scores", "dozens")
 * give no figure.
 */
final class Casualties {

  record Found(Figure fatalities, Figure injuries) {}

  private static final Set<String> PEOPLE =
      Set.of(
          "people",
          "person",
          "civilian",
          "life",
          "soldier",
          "troop",
          "policeman",
          "officer",
          "worker",
          "child",
          "student",
          "member",
          "resident",
          "fighter",
          "militant",
          "victim",
          "passenger",
          "villager",
          "protester",
          "other",
          "man",
          "woman",
          "pilgrim",
          "worshipper",
          "journalist",
          "staff",
          "personnel",
          "migrant",
          "refugee",
          "guard",
          "servicemen",
          "serviceman",
          "individual");
  private static final Set<String> DEATH =
      Set.of(
          "kill",
          "die",
          "dead",
          "death",
          "fatality",
          "slay",
          "perish",
          "massacre",
          "lose",
          "toll",
          "killed",
          "life");
  private static final Set<String> INJURY =
      Set.of("injure", "wound", "hurt", "injury", "injured", "wounded", "casualty");
  private static final Set<String> DIRECT = Set.of("dead", "killed", "injured", "wounded");

  /** Words of the qualifiers below, which may stand between a cue and its number. */
  private static final Set<String> QUALIFIER_WORDS =
      Set.of(
          "at",
          "least",
          "more",
          "than",
          "over",
          "about",
          "around",
          "nearly",
          "almost",
          "some",
          "up",
          "to",
          "an",
          "estimated",
          "roughly",
          "approximately");

  private Casualties() {}

  static Found find(AnalyzedSentence sentence) {
    List<Token> tokens = sentence.tokens();
    Figure fatalities = null;
    Figure injuries = null;
    for (Token token : tokens) {
      Integer value = count(token);
      if (value == null) {
        continue;
      }
      int i = token.index();
      int next = i + 1;
      while (next < tokens.size()
          && next <= i + 2
          && tokens.get(next).tag().startsWith("JJ")
          && !DIRECT.contains(lower(tokens.get(next).word()))) {
        next++;
      }
      // "27 Palestinians", "12 Afghans": a plural demonym counts people too
      boolean people =
          next < tokens.size()
              && (PEOPLE.contains(lower(tokens.get(next).lemma()))
                  || DIRECT.contains(lower(tokens.get(next).word()))
                  || tokens.get(next).tag().equals("NNPS"));
      int before = i - 1;
      while (before >= 0
          && before >= i - 2
          && QUALIFIER_WORDS.contains(lower(tokens.get(before).word()))) {
        before--;
      }
      // "killing 20 people", "killed at least 27"
      boolean afterCue = before >= 0 && isCue(tokens.get(before));
      if (!people && !afterCue) {
        continue;
      }
      Boolean death = kind(tokens, i);
      if (death == null) {
        continue;
      }
      int qualifierStart = i;
      Qualifier qualifier = Qualifier.EXACT;
      String prev1 = i >= 1 ? lower(tokens.get(i - 1).word()) : "";
      String prev2 = i >= 2 ? lower(tokens.get(i - 2).word()) + " " + prev1 : "";
      if (prev2.equals("at least")) {
        qualifier = Qualifier.AT_LEAST;
        qualifierStart = i - 2;
      } else if (prev2.equals("more than") || prev2.equals("upwards of")) {
        qualifier = Qualifier.OVER;
        qualifierStart = i - 2;
      } else if (prev2.equals("up to") || prev2.equals("at most") || prev2.equals("as many")) {
        qualifier = Qualifier.AT_MOST;
        qualifierStart = i - 2;
      } else if (prev2.equals("close to") || prev2.equals("an estimated")) {
        qualifier = Qualifier.ABOUT;
        qualifierStart = i - 2;
      } else if (Set.of("over", "above", "exceeding").contains(prev1)) {
        qualifier = Qualifier.OVER;
        qualifierStart = i - 1;
      } else if (Set.of("about", "around", "nearly", "almost", "approximately", "roughly", "some")
          .contains(prev1)) {
        qualifier = Qualifier.ABOUT;
        qualifierStart = i - 1;
      }
      Figure figure = new Figure(value, qualifier, sentence.span(qualifierStart, i));
      if (death && fatalities == null) {
        fatalities = figure;
      } else if (!death && injuries == null) {
        injuries = figure;
      }
    }
    return new Found(fatalities, injuries);
  }

  private static final List<String> UNITS =
      List.of(
          "zero",
          "one",
          "two",
          "three",
          "four",
          "five",
          "six",
          "seven",
          "eight",
          "nine",
          "ten",
          "eleven",
          "twelve",
          "thirteen",
          "fourteen",
          "fifteen",
          "sixteen",
          "seventeen",
          "eighteen",
          "nineteen");
  private static final List<String> TENS =
      List.of("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");

  /** A cardinal written in digits ("1,200") or in words up to ninety-nine ("twenty-two"). */
  static Integer count(Token token) {
    if (!token.tag().equals("CD")) {
      return null;
    }
    String word = lower(token.word()).replace(",", "");
    if (word.matches("\\d{1,7}")) {
      int value = Integer.parseInt(word);
      // a year is a date, not a head count
      boolean year = value >= 1900 && value <= 2100 && word.length() == 4;
      return value >= 1 && !year ? value : null;
    }
    String[] parts = word.split("-");
    int value = 0;
    for (String part : parts) {
      if (UNITS.contains(part)) {
        value += UNITS.indexOf(part);
      } else if (TENS.indexOf(part) >= 2) {
        value += TENS.indexOf(part) * 10;
      } else {
        return null;
      }
    }
    return value >= 1 ? value : null;
  }

  private static boolean isCue(Token token) {
    String lemma = lower(token.lemma());
    return Set.of("kill", "injure", "wound", "hurt", "slay").contains(lemma);
  }

  /**
   * True for deaths, false for injuries, null when neither is near the number. A cue just before
   * the number wins ("killing 20 people and wounding 50"), then the closest one after or around it.
   */
  private static Boolean kind(List<Token> tokens, int i) {
    for (int k = i - 1; k >= Math.max(0, i - 4); k--) {
      Token token = tokens.get(k);
      if (token.tag().equals(",") || token.tag().equals("CC") || token.tag().equals(".")) {
        break;
      }
      Boolean cue = cue(token);
      if (cue != null) {
        return cue;
      }
    }
    for (int distance = 1; distance <= 6; distance++) {
      for (int k : new int[] {i + distance, i - distance}) {
        if (k >= 0 && k < tokens.size()) {
          Boolean cue = cue(tokens.get(k));
          if (cue != null) {
            return cue;
          }
        }
      }
    }
    return null;
  }

  private static Boolean cue(Token token) {
    String lemma = lower(token.lemma());
    String word = lower(token.word());
    if (INJURY.contains(lemma) || INJURY.contains(word)) {
      return false;
    }
    if (DEATH.contains(lemma) || DEATH.contains(word)) {
      return true;
    }
    return null;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
