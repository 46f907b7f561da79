package org.newsgraph.entity.extraction;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Word lists the rules of one language consult, read from its folder {@code rules/<lang>/}. */
record Lexicon(
    TriggerLexicon triggers,
    Set<String> titles,
    Set<String> agentNouns,
    Set<String> nonActors,
    Set<String> politicalNames,
    Set<String> perpetratorNouns,
    Set<String> familyNameFirst) {

  static Lexicon load(RuleFiles rules) {
    return new Lexicon(
        TriggerLexicon.load(rules),
        words(rules, "titles.txt"),
        words(rules, "agent-nouns.txt"),
        words(rules, "non-actors.txt"),
        words(rules, "political-names.txt"),
        words(rules, "perpetrator-nouns.txt"),
        words(rules, "family-name-first.txt"));
  }

  /** A word list: one lower-cased entry per line. */
  static Set<String> words(RuleFiles rules, String name) {
    return rules.lines(name).stream()
        .map(line -> line.trim().toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }
}
