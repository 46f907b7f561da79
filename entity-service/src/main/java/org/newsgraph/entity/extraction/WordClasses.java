package org.newsgraph.entity.extraction;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The named word classes a language's event rules consult (support verbs, hedges, negations, ...),
 * read from {@code rules/<lang>/word-classes.tsv} plus the lists that have files of their own.
 */
final class WordClasses {

  private final Map<String, Set<String>> classes = new HashMap<>();

  private WordClasses() {}

  static WordClasses load(RuleFiles rules) {
    WordClasses words = new WordClasses();
    for (String line : rules.lines("word-classes.tsv")) {
      String[] cols = line.split("\t");
      if (cols.length != 2) {
        throw new IllegalStateException(rules.language() + "/word-classes.tsv: bad line: " + line);
      }
      words.classes.put(
          cols[0].trim(), Set.of(cols[1].trim().toLowerCase(Locale.ROOT).split(" +")));
    }
    return words;
  }

  /** The same classes and one more, read from a file of its own. */
  WordClasses with(String name, Set<String> words) {
    classes.put(name, Set.copyOf(words));
    return this;
  }

  /** A class by name; a rule asking for a class its language lacks is a bug in the rules. */
  Set<String> get(String name) {
    Set<String> words = classes.get(name);
    if (words == null) {
      throw new IllegalStateException("no word class " + name);
    }
    return words;
  }
}
