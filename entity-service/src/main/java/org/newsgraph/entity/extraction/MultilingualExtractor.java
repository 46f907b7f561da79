package org.newsgraph.entity.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.newsgraph.entity.extraction.lexical.LexicalExtractor;

/**
 * The one place that chooses the analysis by language: English goes to {@link RuleBasedExtractor}
 * (CoreNLP and its rules), every language with a folder under {@code rules/} listed in {@code
 * rules/languages.txt} to a {@link LexicalExtractor} over that folder, and any other language to a
 * lexical extractor over {@code rules/und/}, which finds the registry's names and the states' names
 * in that language and no events. Only the languages of {@code newsgraph.extraction.languages} get
 * events; the others get their actors.
 */
public final class MultilingualExtractor implements Extractor {

  private static final String ENGLISH = "en";
  private static final String UNDETERMINED = "und";

  private final RuleBasedExtractor english;
  private final ActorDirectory directory;
  private final Set<String> eventLanguages;
  private final Map<String, LexicalExtractor> lexical = new TreeMap<>();
  private final Map<String, LexicalExtractor> namesOnly = new ConcurrentHashMap<>();
  private final String version;

  /**
   * @param eventLanguages ISO 639-1 codes of the languages whose events are extracted; each must be
   *     English or have a rules folder
   */
  public MultilingualExtractor(
      RuleBasedExtractor english, ActorDirectory directory, Set<String> eventLanguages) {
    this.english = english;
    this.directory = directory;
    this.eventLanguages = Set.copyOf(new TreeSet<>(eventLanguages));
    StringBuilder hashes = new StringBuilder();
    for (String code : listedLanguages()) {
      RuleFiles files = new RuleFiles(code);
      lexical.put(code, new LexicalExtractor(code, files, directory));
      hashes.append(code).append('=').append(files.hash()).append(';');
    }
    RuleFiles und = new RuleFiles(UNDETERMINED);
    namesOnly.put(UNDETERMINED, new LexicalExtractor(UNDETERMINED, und, directory));
    hashes.append(UNDETERMINED).append('=').append(und.hash());
    for (String language : this.eventLanguages) {
      if (!language.equals(ENGLISH) && !lexical.containsKey(language)) {
        throw new IllegalStateException(
            "newsgraph.extraction.languages: no rules for '" + language + "' under rules/");
      }
    }
    this.version = english.version() + "+lexical-" + sha(hashes.toString());
  }

  private static List<String> listedLanguages() {
    try (InputStream in =
        MultilingualExtractor.class.getClassLoader().getResourceAsStream("rules/languages.txt")) {
      if (in == null) {
        throw new IllegalStateException("missing rules/languages.txt");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String version() {
    return version;
  }

  /** The languages whose events are extracted. */
  public Set<String> eventLanguages() {
    return eventLanguages;
  }

  @Override
  public boolean extractsEvents(String language) {
    return eventLanguages.contains(base(language == null ? ENGLISH : language));
  }

  @Override
  public Extraction extract(String text, LocalDate publishedAt, String language) {
    String lang = base(language == null ? Languages.guess(text) : language);
    boolean events = eventLanguages.contains(lang);
    if (lang.equals(ENGLISH)) {
      Extraction found = english.extract(text, publishedAt, ENGLISH);
      return new Extraction(
          version,
          found.language(),
          found.mentions(),
          events ? found.events() : List.of(),
          found.provisionalActors());
    }
    LexicalExtractor extractor = lexical.get(lang);
    if (extractor == null) {
      extractor =
          namesOnly.computeIfAbsent(
              lang, code -> new LexicalExtractor(code, new RuleFiles(UNDETERMINED), directory));
      events = false;
    }
    return extractor.extract(text, publishedAt, events, version);
  }

  private static String base(String language) {
    String lower = language.toLowerCase(Locale.ROOT);
    int dash = lower.indexOf('-');
    return dash < 0 ? lower : lower.substring(0, dash);
  }
}
