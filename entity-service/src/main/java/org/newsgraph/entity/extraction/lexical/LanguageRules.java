package org.newsgraph.entity.extraction.lexical;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newsgraph.common.cameo.CameoRoot;
import org.newsgraph.entity.extraction.RuleFiles;

/**
 * The rules of one language for the lexical path, read from {@code rules/<lang>/}:
 *
 * <ul>
 *   <li>{@code language.properties}: the stemmer, whether capitals mark names, word order;
 *   <li>{@code triggers.tsv}: word forms (stemmed when read), CAMEO root, part of speech, as in
 *       English;
 *   <li>{@code words.tsv}: word classes, {@code class<TAB>entry[<TAB>value]} (stop words, titles,
 *       agent nouns, locative prepositions, negations, hedges, number words, casualty words, ...);
 *   <li>{@code actors.tsv} (optional): names of registry actors in this language that neither the
 *       registry nor the JDK's locale data give, {@code name<TAB>actor id<TAB>ALIAS|METONYM};
 *   <li>{@code suffixes.txt}: the suffixes to strip when Snowball has no stemmer for the language.
 * </ul>
 *
 * Month and weekday names come from the JDK's locale data, in every form it knows.
 */
final class LanguageRules {

  /**
   * A word class entry: its words as folded and stemmed, and its value column ("2", "AT_LEAST").
   */
  record Phrase(List<String> folds, List<String> stems, String value) {}

  /** A trigger's words, each as folded ("подрыв") and stemmed ("подр"): either may match. */
  record Trigger(List<String> folds, List<String> stems, int head, CameoRoot root, char pos) {

    boolean matches(int k, Word word) {
      return word.stem().equals(stems.get(k))
          || word.stem().equals(folds.get(k))
          || word.fold().equals(folds.get(k));
    }
  }

  record Name(String name, String actorId, String kind) {}

  private final String language;
  private final Locale locale;
  private final Stemmer stemmer;
  private final Tokenizer tokenizer;
  private final int minStem;
  private final List<String> cliticPrefixes;
  private final boolean cased;
  private final boolean nounCapitals;
  private final boolean verbFinal;
  private final boolean verbInitial;
  private final boolean verbSecond;
  private final boolean inflectsNames;
  private final List<Trigger> triggers;
  private final Map<String, List<Phrase>> classes = new HashMap<>();
  private final List<Name> names;

  private LanguageRules(String language, RuleFiles files) {
    this.language = language;
    this.locale = Locale.forLanguageTag(language);
    Map<String, String> settings = settings(files);
    String stemmerName = settings.getOrDefault("stemmer", "none");
    this.minStem = Integer.parseInt(settings.getOrDefault("min-stem", "3"));
    this.stemmer =
        switch (stemmerName) {
          case "suffixes" ->
              Stemmer.suffixes(
                  files.lines("suffixes.txt").stream().map(String::strip).toList(), minStem);
          case "none" -> Stemmer.suffixes(List.of(), minStem);
          default -> Stemmer.snowball(stemmerName);
        };
    this.cliticPrefixes =
        settings.containsKey("clitic-prefixes")
            ? List.of(settings.get("clitic-prefixes").split(","))
            : List.of();
    this.cased = Boolean.parseBoolean(settings.getOrDefault("cased", "true"));
    this.nounCapitals = Boolean.parseBoolean(settings.getOrDefault("noun-capitals", "false"));
    this.verbFinal = Boolean.parseBoolean(settings.getOrDefault("verb-final", "false"));
    this.verbInitial = Boolean.parseBoolean(settings.getOrDefault("verb-initial", "false"));
    this.verbSecond = Boolean.parseBoolean(settings.getOrDefault("verb-second", "false"));
    this.inflectsNames = Boolean.parseBoolean(settings.getOrDefault("inflected-names", "true"));
    Set<String> elisions = new HashSet<>();
    for (String line : files.lines("words.tsv")) {
      String[] cols = line.split("\t");
      if (cols.length < 2) {
        throw new IllegalStateException(language + "/words.tsv: bad line: " + line);
      }
      if (cols[0].strip().equals("elision")) {
        elisions.add(Tokenizer.fold(cols[1].strip()));
      }
    }
    this.tokenizer = new Tokenizer(elisions, stemmer);
    for (String line : files.lines("words.tsv")) {
      String[] cols = line.split("\t");
      add(cols[0].strip(), cols[1].strip(), cols.length > 2 ? cols[2].strip() : null);
    }
    for (Month month : Month.values()) {
      for (TextStyle style :
          List.of(
              TextStyle.FULL,
              TextStyle.FULL_STANDALONE,
              TextStyle.SHORT,
              TextStyle.SHORT_STANDALONE)) {
        add("month", month.getDisplayName(style, locale), String.valueOf(month.getValue()));
      }
    }
    for (DayOfWeek day : DayOfWeek.values()) {
      for (TextStyle style : List.of(TextStyle.FULL, TextStyle.FULL_STANDALONE)) {
        add("weekday", day.getDisplayName(style, locale), String.valueOf(day.getValue()));
      }
    }
    this.triggers = triggers(files);
    this.names = files.has("actors.tsv") ? names(files) : List.of();
  }

  /** The rules of a language with a folder of rule files; hashed into {@code files}. */
  static LanguageRules load(String language, RuleFiles files) {
    return new LanguageRules(language, files);
  }

  private static Map<String, String> settings(RuleFiles files) {
    Map<String, String> settings = new HashMap<>();
    for (String line : files.lines("language.properties")) {
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new IllegalStateException(
            files.language() + "/language.properties: bad line: " + line);
      }
      settings.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
    }
    return settings;
  }

  private void add(String cls, String entry, String value) {
    if (entry.isBlank() || entry.chars().allMatch(Character::isDigit)) {
      return;
    }
    List<String> folds = new ArrayList<>();
    List<String> stems = new ArrayList<>();
    for (Sentence sentence : tokenizer.sentences(entry)) {
      for (Word word : sentence.words()) {
        folds.add(word.fold());
        stems.add(word.stem());
      }
    }
    if (!folds.isEmpty()) {
      classes.computeIfAbsent(cls, k -> new ArrayList<>()).add(new Phrase(folds, stems, value));
    }
  }

  private List<Trigger> triggers(RuleFiles files) {
    List<Trigger> out = new ArrayList<>();
    for (String line : files.lines("triggers.tsv")) {
      String[] cols = line.split("\t");
      if (cols.length != 3) {
        throw new IllegalStateException(language + "/triggers.tsv: bad line: " + line);
      }
      List<String> folds = new ArrayList<>();
      List<String> stems = new ArrayList<>();
      int head = 0;
      for (String form : cols[0].strip().split("\\s+")) {
        if (form.startsWith("*")) {
          head = stems.size();
          form = form.substring(1);
        }
        folds.add(Tokenizer.fold(form));
        stems.add(stemmer.stem(form));
      }
      out.add(
          new Trigger(
              folds, stems, head, CameoRoot.of(cols[1].strip()), cols[2].strip().charAt(0)));
    }
    return List.copyOf(out);
  }

  private List<Name> names(RuleFiles files) {
    List<Name> out = new ArrayList<>();
    for (String line : files.lines("actors.tsv")) {
      String[] cols = line.split("\t");
      if (cols.length != 3) {
        throw new IllegalStateException(language + "/actors.tsv: bad line: " + line);
      }
      out.add(new Name(cols[0].strip(), cols[1].strip(), cols[2].strip()));
    }
    return List.copyOf(out);
  }

  String language() {
    return language;
  }

  Locale locale() {
    return locale;
  }

  Tokenizer tokenizer() {
    return tokenizer;
  }

  /** The shortest stem that may stand for a word (suffixes are not stripped below it). */
  int minStem() {
    return minStem;
  }

  /** Conjunctions and prepositions written as one word with the next ("و" in "والأردن"). */
  List<String> cliticPrefixes() {
    return cliticPrefixes;
  }

  /** The folded stem of a word as written. */
  String stem(String word) {
    return stemmer.stem(word);
  }

  /** Capitals mark names (not in scripts without case). */
  boolean cased() {
    return cased;
  }

  /** Every noun is capitalised (German), so capitals alone do not make a name. */
  boolean nounCapitals() {
    return nounCapitals;
  }

  /** Subject and object both come before the verb (Korean, Japanese, Turkish). */
  boolean verbFinal() {
    return verbFinal;
  }

  /** The verb usually comes first, its subject after it (Arabic). */
  boolean verbInitial() {
    return verbInitial;
  }

  /**
   * The finite verb is the clause's second part, so a clause opened by an adverbial has its subject
   * after the verb ("Am Montag griff Russland ... an": German).
   */
  boolean verbSecond() {
    return verbSecond;
  }

  /**
   * Names take case endings ("Путина", "Prigoschins"), so they are matched by stem too; where they
   * do not (the Romance languages), a person's name is matched only as written.
   */
  boolean inflectsNames() {
    return inflectsNames;
  }

  List<Trigger> triggers() {
    return triggers;
  }

  List<Name> names() {
    return names;
  }

  /**
   * The entry of class {@code cls} that starts at word {@code at}, longest first, or null. A word
   * matches by its fold, or by its stem when the stem has at least four letters (fewer where the
   * language allows shorter stems).
   */
  Phrase match(String cls, List<Word> words, int at) {
    Phrase best = null;
    for (Phrase phrase : classes.getOrDefault(cls, List.of())) {
      int n = phrase.folds().size();
      if (at + n > words.size() || (best != null && best.folds().size() >= n)) {
        continue;
      }
      boolean all = true;
      for (int k = 0; k < n && all; k++) {
        Word word = words.get(at + k);
        all =
            word.fold().equals(phrase.folds().get(k))
                || (word.stem().length() >= Math.min(4, minStem + 1)
                    && word.stem().equals(phrase.stems().get(k)));
      }
      if (all) {
        best = phrase;
      }
    }
    return best;
  }

  /** Whether the word is the first word of a trigger. */
  boolean isTriggerWord(Word word) {
    for (Trigger trigger : triggers) {
      if (trigger.matches(0, word)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the word starts with an entry of the class: units attached to their ending ("일에도"). */
  boolean startsWith(String cls, Word word) {
    for (Phrase phrase : classes.getOrDefault(cls, List.of())) {
      if (phrase.folds().size() == 1 && word.fold().startsWith(phrase.folds().get(0))) {
        return true;
      }
    }
    return false;
  }

  boolean is(String cls, Word word) {
    Phrase phrase = match(cls, List.of(word), 0);
    return phrase != null;
  }

  /** The entry of class {@code cls} that ends at word {@code end}, or null. */
  Phrase matchEndingAt(String cls, List<Word> words, int end) {
    for (int length = 3; length >= 1; length--) {
      int start = end - length + 1;
      if (start < 0) {
        continue;
      }
      Phrase phrase = match(cls, words, start);
      if (phrase != null && phrase.folds().size() == length) {
        return phrase;
      }
    }
    return null;
  }
}
