package org.newsgraph.entity.event;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The content words of a trigger's sentence, compared between mentions as a tie-breaker. */
public final class ContextTerms {

  private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");
  private static final Set<String> STOP =
      Set.of(
          "that",
          "this",
          "with",
          "from",
          "have",
          "were",
          "been",
          "their",
          "there",
          "they",
          "which",
          "would",
          "could",
          "said",
          "says",
          "also",
          "after",
          "before",
          "when",
          "where",
          "while",
          "into",
          "than",
          "then",
          "them",
          "over",
          "more",
          "most",
          "some",
          "such",
          "about",
          "other",
          "these",
          "those",
          "will",
          "what",
          "whose",
          "being",
          "under",
          "since",
          "according",
          "people",
          "year",
          "years",
          "last",
          "week",
          "month",
          "told",
          "including");

  private ContextTerms() {}

  /** Lower-case content words of the sentence, without the trigger's own words. */
  public static Set<String> of(String sentence, String trigger) {
    Set<String> exclude = words(trigger);
    Set<String> terms = words(sentence);
    terms.removeAll(exclude);
    return terms;
  }

  private static Set<String> words(String text) {
    Set<String> words = new TreeSet<>();
    Matcher matcher = WORD.matcher(text == null ? "" : text);
    while (matcher.find()) {
      String word = matcher.group().toLowerCase(Locale.ROOT);
      if (!STOP.contains(word)) {
        words.add(word);
      }
    }
    return words;
  }
}
