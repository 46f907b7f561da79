package org.newsgraph.entity.extraction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Word lists the rules consult, read from data files under extraction/. */
record Lexicon(
    TriggerLexicon triggers,
    Set<String> titles,
    Set<String> agentNouns,
    Set<String> nonActors,
    Set<String> politicalNames) {

  static Lexicon load() {
    return new Lexicon(
        TriggerLexicon.load("extraction/triggers.tsv"),
        words("extraction/titles.txt"),
        words("extraction/agent-nouns.txt"),
        words("extraction/non-actors.txt"),
        words("extraction/political-names.txt"));
  }

  private static Set<String> words(String resource) {
    Set<String> out = new HashSet<>();
    try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.trim().toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(out);
  }
}
