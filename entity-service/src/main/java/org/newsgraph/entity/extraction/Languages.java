package org.newsgraph.entity.extraction;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A cheap guess at the language of an untagged text from its most common function words. The
 * extractor only handles English and must do no harm elsewhere, so the guess only needs to tell
 * English from the languages news most often comes in.
 */
public final class Languages {

  private static final Map<String, Set<String>> FUNCTION_WORDS =
      Map.of(
          "en",
          Set.of(
              "the", "of", "and", "to", "is", "that", "for", "with", "was", "were", "said", "he",
              "by", "it", "its", "has", "have", "from", "at", "are", "be", "this", "which", "an"),
          "fr",
          Set.of(
              "le", "la", "les", "des", "du", "et", "est", "une", "dans", "pour", "qui", "sur",
              "au", "aux", "pas", "par", "avec", "ce", "été"),
          "de",
          Set.of(
              "der", "die", "das", "und", "ist", "nicht", "mit", "den", "dem", "ein", "eine", "zu",
              "von", "auf", "für", "sich", "hat", "wurde"),
          "es",
          Set.of(
              "el", "los", "las", "y", "es", "una", "por", "para", "con", "del", "que", "se", "fue",
              "su", "como", "pero"),
          "it",
          Set.of("il", "gli", "della", "che", "è", "di", "e", "una", "per", "con", "del", "sono"),
          "pt",
          Set.of("o", "os", "as", "do", "da", "dos", "não", "uma", "com", "que", "em", "foi"));

  private Languages() {}

  /** The ISO 639-1 code of the likeliest language, or "und" when no function word is found. */
  public static String guess(String text) {
    String best = byFunctionWords(text);
    if (best.equals("und") && mostlyLatin(text)) {
      // too short to tell: headlines and one-line texts carry few function words
      return "en";
    }
    return best;
  }

  /**
   * The language whose function words the text uses most, or "und" when it uses none: unlike {@link
   * #guess}, a Latin text without any (an Indonesian or Turkish one) is no English.
   */
  public static String byFunctionWords(String text) {
    String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+", 500);
    String best = "und";
    int bestCount = 0;
    for (Map.Entry<String, Set<String>> language : FUNCTION_WORDS.entrySet()) {
      int count = 0;
      for (String word : words) {
        if (language.getValue().contains(word)) {
          count++;
        }
      }
      boolean better =
          count > bestCount || (count == bestCount && count > 0 && language.getKey().equals("en"));
      if (better) {
        best = language.getKey();
        bestCount = count;
      }
    }
    return best;
  }

  private static boolean mostlyLatin(String text) {
    long letters = text.codePoints().filter(Character::isLetter).count();
    long basic = text.codePoints().filter(c -> c < 128 && Character.isLetter(c)).count();
    return letters > 0 && basic * 10 >= letters * 9;
  }
}
