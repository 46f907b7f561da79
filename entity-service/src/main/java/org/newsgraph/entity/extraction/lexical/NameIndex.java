package org.newsgraph.entity.extraction.lexical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.newsgraph.entity.extraction.KnownActor;

/**
 * The names of the known actors in one language, matched over words by their folded or stemmed
 * forms, so that inflected names resolve ("России", "Prigoschins", "талибами"). Besides the
 * registry's own names, every state gets its name in this language from the JDK's locale data
 * (CLDR), and the language's {@code actors.tsv} adds capitals and other names the registry lacks. A
 * name several actors share resolves to none of them.
 */
final class NameIndex {

  enum Kind {
    ALIAS,
    METONYM
  }

  record Piece(String text, String fold, String stem, boolean capitalized, boolean acronym) {}

  record Entry(List<Piece> pieces, KnownActor actor, Kind kind) {}

  record Hit(Entry entry, int first, int last) {}

  /** A state's name as one word, for the demonyms that derive from it ("qatari", "sirio"). */
  private record StateWord(String fold, KnownActor state) {}

  private static final Map<String, String> ALPHA2 = alpha2ByAlpha3();

  private final LanguageRules rules;
  private final long revision;
  private final Map<String, List<Entry>> byFirst = new HashMap<>();
  private final Map<String, KnownActor> statesByCountry = new HashMap<>();
  private final Map<String, KnownActor> byId = new HashMap<>();
  private final List<StateWord> stateWords = new ArrayList<>();

  private NameIndex(LanguageRules rules, long revision) {
    this.rules = rules;
    this.revision = revision;
  }

  static NameIndex of(List<KnownActor> actors, long revision, LanguageRules rules) {
    NameIndex index = new NameIndex(rules, revision);
    Map<String, KnownActor> byId = index.byId;
    Locale locale = rules.locale();
    for (KnownActor actor : actors) {
      byId.put(actor.id(), actor);
      index.add(actor.name(), actor, Kind.ALIAS);
      actor.aliases().forEach(alias -> index.add(alias, actor, Kind.ALIAS));
      actor.metonyms().forEach(metonym -> index.add(metonym, actor, Kind.METONYM));
      if (actor.type().equals("STATE") && actor.country() != null) {
        index.statesByCountry.putIfAbsent(actor.country(), actor);
        String alpha2 = ALPHA2.get(actor.country());
        if (alpha2 != null) {
          String local = new Locale("", alpha2).getDisplayCountry(locale);
          if (!local.equalsIgnoreCase(alpha2)) {
            index.add(local, actor, Kind.ALIAS);
            if (!local.contains(" ")) {
              index.stateWords.add(new StateWord(Tokenizer.fold(local), actor));
            }
          }
        }
      }
    }
    for (LanguageRules.Name name : rules.names()) {
      KnownActor actor = byId.get(name.actorId());
      if (actor != null) {
        index.add(name.name(), actor, Kind.valueOf(name.kind()));
      }
    }
    index.dropShared();
    return index;
  }

  private static Map<String, String> alpha2ByAlpha3() {
    Map<String, String> out = new HashMap<>();
    for (String alpha2 : Locale.getISOCountries()) {
      out.put(new Locale("", alpha2).getISO3Country(), alpha2);
    }
    return out;
  }

  long revision() {
    return revision;
  }

  KnownActor actor(String id) {
    return byId.get(id);
  }

  KnownActor state(String country) {
    return country == null ? null : statesByCountry.get(country);
  }

  private void add(String name, KnownActor actor, Kind kind) {
    List<Piece> pieces = new ArrayList<>();
    for (Sentence sentence : rules.tokenizer().sentences(name)) {
      for (Word w : sentence.words()) {
        pieces.add(new Piece(w.text(), w.fold(), w.stem(), w.capitalized(), w.isAcronym()));
      }
    }
    if (pieces.isEmpty() || (pieces.size() == 1 && pieces.get(0).fold().length() < 2)) {
      return;
    }
    List<Entry> entries = byFirst.computeIfAbsent(pieces.get(0).fold(), k -> new ArrayList<>());
    Entry entry = new Entry(pieces, actor, kind);
    if (entries.stream().noneMatch(e -> same(e, entry) && e.actor().id().equals(actor.id()))) {
      entries.add(entry);
    }
    Piece first = pieces.get(0);
    if (!first.stem().equals(first.fold()) && first.stem().length() >= rules.minStem()) {
      List<Entry> byStem = byFirst.computeIfAbsent(first.stem(), k -> new ArrayList<>());
      if (!byStem.contains(entry)) {
        byStem.add(entry);
      }
    }
  }

  private static boolean same(Entry a, Entry b) {
    if (a.pieces().size() != b.pieces().size()) {
      return false;
    }
    for (int k = 0; k < a.pieces().size(); k++) {
      if (!a.pieces().get(k).fold().equals(b.pieces().get(k).fold())) {
        return false;
      }
    }
    return true;
  }

  private void dropShared() {
    for (List<Entry> entries : byFirst.values()) {
      entries.removeIf(
          e ->
              entries.stream().anyMatch(o -> !o.actor().id().equals(e.actor().id()) && same(o, e)));
      entries.sort(
          Comparator.comparingInt((Entry e) -> -e.pieces().size())
              .thenComparing(Entry::kind)
              .thenComparing(e -> e.actor().id()));
    }
  }

  /**
   * The longest name starting at word {@code start}, or null; in a language that writes some
   * conjunctions and prepositions as one word with the next ("والأردن"), also the name after them.
   */
  Hit match(List<Word> words, int start) {
    Hit hit = matchWord(words, start);
    if (hit != null || rules.cliticPrefixes().isEmpty()) {
      return hit;
    }
    Word word = words.get(start);
    for (String prefix : rules.cliticPrefixes()) {
      if (word.fold().startsWith(prefix) && word.fold().length() > prefix.length() + 2) {
        List<Word> bare = new ArrayList<>(words);
        String rest = word.text().substring(prefix.length());
        String fold = Tokenizer.fold(rest);
        bare.set(
            start,
            new Word(
                word.index(),
                rest,
                fold,
                rules.stem(rest),
                word.span(),
                word.capitalized(),
                word.breakBefore(),
                word.commaBefore()));
        hit = matchWord(bare, start);
        if (hit != null) {
          return hit;
        }
      }
    }
    return null;
  }

  private Hit matchWord(List<Word> words, int start) {
    Word word = words.get(start);
    Hit best = best(byFirst.get(word.fold()), words, start, null);
    return best(byFirst.get(word.stem()), words, start, best);
  }

  private Hit best(List<Entry> entries, List<Word> words, int start, Hit best) {
    if (entries == null) {
      return best;
    }
    for (Entry entry : entries) {
      int last = start + entry.pieces().size() - 1;
      if ((best == null || last > best.last()) && matches(entry, words, start)) {
        best = new Hit(entry, start, last);
      }
    }
    return best;
  }

  private boolean matches(Entry entry, List<Word> words, int start) {
    List<Piece> pieces = entry.pieces();
    if (start + pieces.size() > words.size()) {
      return false;
    }
    // where names do not inflect, a person's name is matched as written: by stem, "Machado" was
    // "Machar"
    boolean byStem = rules.inflectsNames() || !entry.actor().type().equals("PERSON");
    for (int k = 0; k < pieces.size(); k++) {
      Word word = words.get(start + k);
      Piece piece = pieces.get(k);
      if (k > 0 && (word.breakBefore() || word.commaBefore())) {
        return false;
      }
      if (piece.acronym()) {
        if (!word.text().equals(piece.text())) {
          return false;
        }
        continue;
      }
      boolean same =
          word.fold().equals(piece.fold())
              || (byStem
                  && word.stem().length() >= Math.max(2, rules.minStem())
                  && word.stem().equals(piece.stem()));
      if (!same || (rules.cased() && piece.capitalized() && !word.capitalized())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The state an adjective derives from ("qatari" from "Qatar", "sirio" from "Siria", "російські"
   * from "Росія"): it starts with the state's name in this language, less at most two final
   * letters, and is no shorter than four letters. Callers accept it only beside an agent noun.
   */
  KnownActor demonymOf(Word word) {
    String fold = word.fold();
    if (fold.length() < 4) {
      return null;
    }
    KnownActor found = null;
    for (StateWord state : stateWords) {
      int need = Math.max(4, state.fold().length() - 2);
      if (fold.length() >= need
          && state.fold().length() >= 4
          && fold.regionMatches(0, state.fold(), 0, need)
          && !fold.equals(state.fold())) {
        if (found != null && !found.id().equals(state.state().id())) {
          return null;
        }
        found = state.state();
      }
    }
    return found;
  }
}
