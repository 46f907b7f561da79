package org.newsgraph.entity.extraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.newsgraph.entity.nlp.Token;

/**
 * Longest-match lookup of actor names over tokens. Acronyms ("IS", "US", "IS-K") match in their
 * exact case; other names match in any case but must start with a capital in the text when they do
 * in the registry, so that "turkey" or "chad" as common words stay unmatched.
 */
final class ActorGazetteer {

  enum Kind {
    ALIAS,
    METONYM,
    DEMONYM
  }

  record Entry(List<String> pieces, KnownActor actor, Kind kind, boolean exactCase) {}

  /** A name found over tokens first..last (inclusive). */
  record Hit(Entry entry, int first, int last) {}

  private final Map<String, List<Entry>> byFirstPiece = new HashMap<>();
  private final Map<String, KnownActor> byId = new HashMap<>();
  private final long revision;

  private ActorGazetteer(long revision) {
    this.revision = revision;
  }

  /**
   * An empty gazetteer, for the names one document introduces ("Islamic State Khorasan (IS-K)").
   */
  static ActorGazetteer empty() {
    return new ActorGazetteer(0);
  }

  static ActorGazetteer of(List<KnownActor> actors, long revision) {
    ActorGazetteer gazetteer = new ActorGazetteer(revision);
    for (KnownActor actor : actors) {
      gazetteer.byId.put(actor.id(), actor);
      gazetteer.add(actor.name(), actor, Kind.ALIAS);
      actor.aliases().forEach(alias -> gazetteer.add(alias, actor, Kind.ALIAS));
      actor.metonyms().forEach(metonym -> gazetteer.add(metonym, actor, Kind.METONYM));
      actor.demonyms().forEach(demonym -> gazetteer.add(demonym, actor, Kind.DEMONYM));
    }
    // a name several actors share ("Congolese") resolves to none of them: context cannot tell
    for (List<Entry> entries : gazetteer.byFirstPiece.values()) {
      entries.removeIf(
          e ->
              entries.stream()
                  .anyMatch(
                      o ->
                          !o.actor().id().equals(e.actor().id())
                              && lower(o.pieces()).equals(lower(e.pieces()))));
    }
    return gazetteer;
  }

  long revision() {
    return revision;
  }

  KnownActor actor(String id) {
    return byId.get(id);
  }

  void add(String name, KnownActor actor, Kind kind) {
    List<String> pieces = pieces(name);
    if (pieces.isEmpty() || (pieces.size() == 1 && pieces.get(0).length() < 2)) {
      return;
    }
    boolean acronym = name.chars().noneMatch(Character::isLowerCase);
    Entry entry = new Entry(pieces, actor, kind, acronym);
    List<Entry> entries =
        byFirstPiece.computeIfAbsent(
            pieces.get(0).toLowerCase(Locale.ROOT), k -> new ArrayList<>());
    boolean known =
        entries.stream()
            .anyMatch(
                e ->
                    e.pieces().equals(pieces)
                        && e.actor().id().equals(actor.id())
                        && e.kind() == kind);
    if (!known) {
      entries.add(entry);
      sort(entries);
    }
  }

  private static void sort(List<Entry> entries) {
    entries.sort(
        Comparator.comparingInt((Entry e) -> -e.pieces().size())
            .thenComparing(Entry::kind)
            .thenComparing(e -> e.actor().id()));
  }

  private static List<String> lower(List<String> pieces) {
    return pieces.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
  }

  /** Names split as the tokenizer splits them: on spaces, with the possessive "'s" apart. */
  static List<String> pieces(String name) {
    List<String> out = new ArrayList<>();
    String trimmed = name.trim().replace('’', '\'');
    if (trimmed.regionMatches(true, 0, "the ", 0, 4)) {
      trimmed = trimmed.substring(4);
    }
    for (String word : trimmed.split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (word.length() > 2 && word.endsWith("'s")) {
        out.add(word.substring(0, word.length() - 2));
        out.add("'s");
      } else {
        out.add(word);
      }
    }
    return out;
  }

  static String word(Token token) {
    return token.word().replace('’', '\'');
  }

  /** The longest name starting at token {@code start}, or null. */
  Hit match(List<Token> tokens, int start) {
    List<Entry> entries = byFirstPiece.get(word(tokens.get(start)).toLowerCase(Locale.ROOT));
    if (entries == null) {
      return null;
    }
    for (Entry entry : entries) {
      if (matches(entry, tokens, start)) {
        return new Hit(entry, start, start + entry.pieces().size() - 1);
      }
    }
    return null;
  }

  private static boolean matches(Entry entry, List<Token> tokens, int start) {
    List<String> pieces = entry.pieces();
    if (start + pieces.size() > tokens.size()) {
      return false;
    }
    for (int k = 0; k < pieces.size(); k++) {
      String word = word(tokens.get(start + k));
      String piece = pieces.get(k);
      boolean same = entry.exactCase() ? word.equals(piece) : word.equalsIgnoreCase(piece);
      if (!same) {
        return false;
      }
    }
    String first = pieces.get(0);
    String firstWord = word(tokens.get(start));
    return !Character.isUpperCase(first.charAt(0)) || Character.isUpperCase(firstWord.charAt(0));
  }
}
