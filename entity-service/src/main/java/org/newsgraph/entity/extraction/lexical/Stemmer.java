package org.newsgraph.entity.extraction.lexical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.tartarus.snowball.SnowballStemmer;

/**
 * Reduces a word to the form that inflections share ("России" and "Россия", "talibans" and
 * "taliban"): Lucene's Snowball stemmer of the language when it has one, else the longest suffix of
 * the language's {@code suffixes.txt} that leaves a stem of at least three letters.
 */
final class Stemmer {

  private final ThreadLocal<SnowballStemmer> snowball;
  private final List<String> suffixes;
  private final int minStem;

  private Stemmer(Supplier<SnowballStemmer> snowball, List<String> suffixes, int minStem) {
    this.minStem = minStem;
    this.snowball = snowball == null ? null : ThreadLocal.withInitial(snowball);
    List<String> sorted = new ArrayList<>(suffixes);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    this.suffixes = List.copyOf(sorted);
  }

  /** Snowball's stemmer named {@code name} ("Spanish", "Russian"), as Lucene ships it. */
  static Stemmer snowball(String name) {
    String className = "org.tartarus.snowball.ext." + name + "Stemmer";
    try {
      var type = Class.forName(className).asSubclass(SnowballStemmer.class);
      var constructor = type.getConstructor();
      constructor.newInstance();
      return new Stemmer(
          () -> {
            try {
              return constructor.newInstance();
            } catch (ReflectiveOperationException e) {
              throw new IllegalStateException(e);
            }
          },
          List.of(),
          0);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no Snowball stemmer " + className, e);
    }
  }

  /** Strips up to two suffixes of the list ("일에도" → "일"), keeping at least {@code minStem}. */
  static Stemmer suffixes(List<String> suffixes, int minStem) {
    return new Stemmer(null, suffixes, minStem);
  }

  /**
   * The folded stem of a word as written. The stemmer reads the word in lower case with its
   * accents, which its rules are written for ("ofreció" is "ofrec", as "ofrecer"; unaccented,
   * "ofrecio" was "ofreci"), and the stem is folded after.
   */
  String stem(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (snowball != null) {
      SnowballStemmer stemmer = snowball.get();
      stemmer.setCurrent(lower);
      stemmer.stem();
      return Tokenizer.fold(stemmer.getCurrent());
    }
    String stem = Tokenizer.fold(lower);
    for (int pass = 0; pass < 2; pass++) {
      stem = strip(stem);
    }
    return stem;
  }

  private String strip(String word) {
    for (String suffix : suffixes) {
      if (word.endsWith(suffix)
          && word.codePointCount(0, word.length() - suffix.length()) >= minStem) {
        return word.substring(0, word.length() - suffix.length());
      }
    }
    return word;
  }
}
