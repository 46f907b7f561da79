package org.newsgraph.entity.extraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newsgraph.common.cameo.CameoRoot;
import org.newsgraph.entity.nlp.AnalyzedSentence;
import org.newsgraph.entity.nlp.Token;

/** Event triggers over lemmas, single words and multiword expressions, read from a data file. */
final class TriggerLexicon {

  /** How far (in tokens) each later lemma of a multiword trigger may follow the previous one. */
  private static final int WINDOW = 6;

  /** Words that end a clause: a multiword trigger never spans one. */
  private static final Set<String> CLAUSE_GAPS = Set.of("that", "which", "who", ",", ";", ":");

  record Entry(List<String> lemmas, int head, CameoRoot root, char pos) {}

  /** A trigger found in a sentence: its tokens from first to last, and its head token. */
  record Match(Entry entry, int first, int last, int head) {

    boolean overlaps(Match other) {
      return first <= other.last && other.first <= last;
    }
  }

  private final Map<String, List<Entry>> byFirstLemma = new HashMap<>();

  TriggerLexicon(List<Entry> entries) {
    for (Entry entry : entries) {
      byFirstLemma.computeIfAbsent(entry.lemmas().get(0), k -> new ArrayList<>()).add(entry);
    }
  }

  /** Reads {@code triggers.tsv}: lemmas, CAMEO root and head part of speech per line. */
  static TriggerLexicon load(RuleFiles rules) {
    List<Entry> entries = new ArrayList<>();
    for (String line : rules.lines("triggers.tsv")) {
      String[] cols = line.split("\t");
      if (cols.length != 3) {
        throw new IllegalStateException(rules.language() + "/triggers.tsv: bad line: " + line);
      }
      List<String> lemmas = new ArrayList<>();
      int head = 0;
      for (String lemma : cols[0].trim().split("\\s+")) {
        if (lemma.startsWith("*")) {
          head = lemmas.size();
          lemma = lemma.substring(1);
        }
        lemmas.add(lemma.toLowerCase(Locale.ROOT));
      }
      entries.add(new Entry(lemmas, head, CameoRoot.of(cols[1].trim()), cols[2].trim().charAt(0)));
    }
    return new TriggerLexicon(entries);
  }

  /** Non-overlapping triggers of a sentence, longer ones first. */
  List<Match> find(AnalyzedSentence sentence) {
    List<Token> tokens = sentence.tokens();
    List<Match> candidates = new ArrayList<>();
    for (Token token : tokens) {
      List<Entry> entries = byFirstLemma.get(token.lemma().toLowerCase(Locale.ROOT));
      if (entries == null) {
        continue;
      }
      for (Entry entry : entries) {
        Match match = match(tokens, token.index(), entry);
        if (match != null) {
          candidates.add(match);
        }
      }
    }
    candidates.sort(
        Comparator.comparingInt((Match m) -> m.entry().lemmas().size())
            .reversed()
            .thenComparingInt(Match::first));
    List<Match> chosen = new ArrayList<>();
    for (Match candidate : candidates) {
      if (chosen.stream().noneMatch(candidate::overlaps)) {
        chosen.add(candidate);
      }
    }
    chosen.sort(Comparator.comparingInt(Match::first));
    return chosen;
  }

  private static Match match(List<Token> tokens, int start, Entry entry) {
    int[] positions = new int[entry.lemmas().size()];
    positions[0] = start;
    for (int k = 1; k < positions.length; k++) {
      int found = -1;
      for (int j = positions[k - 1] + 1;
          j < tokens.size() && j <= positions[k - 1] + WINDOW && found < 0;
          j++) {
        String lemma = tokens.get(j).lemma().toLowerCase(Locale.ROOT);
        if (lemma.equals(entry.lemmas().get(k))) {
          found = j;
        } else if (CLAUSE_GAPS.contains(lemma)) {
          // "declared that the martial law was invalid" is no declaration of martial law: the
          // words of one trigger stay within one clause
          break;
        }
      }
      if (found < 0) {
        return null;
      }
      positions[k] = found;
    }
    Token head = tokens.get(positions[entry.head()]);
    boolean posOk =
        switch (entry.pos()) {
          case 'V' -> head.tag().startsWith("VB");
          case 'N' -> head.isNoun();
          default -> head.tag().startsWith("VB") || head.isNoun();
        };
    if (!posOk) {
      return null;
    }
    return new Match(entry, start, positions[positions.length - 1], positions[entry.head()]);
  }
}
