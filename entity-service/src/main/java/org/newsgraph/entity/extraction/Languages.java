package org.newsgraph.entity.extraction;

import java.util.Locale;
import java.util.Set;

/**
 * A cheap guess whether an untagged text is English: the share of very common English function
 * words among its first words. The extractor only handles English and must do no harm elsewhere.
 */
final class Languages {

  private static final Set<String> ENGLISH =
      Set.of(
          "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "was", "by",
          "it", "its", "has", "have", "from", "at", "are", "be", "this", "which", "an");

  private Languages() {}

  /** "en" when the text reads as English, else "und" (undetermined). */
  static String guess(String text) {
    String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+", 400);
    int total = 0;
    int english = 0;
    for (String word : words) {
      if (word.isEmpty()) {
        continue;
      }
      total++;
      if (ENGLISH.contains(word)) {
        english++;
      }
    }
    return total > 0 && english * 100 >= total * 12 ? "en" : "und";
  }
}
