package org.newsgraph.entity.extraction.lexical;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newsgraph.entity.extraction.KnownActor;
import org.newsgraph.entity.extraction.ProvisionalActor;
import org.newsgraph.entity.extraction.Span;

/**
 * The names of one text: known actors from the {@link NameIndex}, demonyms beside agent nouns ("le
 * ministre qatari", "Російські окупаційні війська"), and unknown names found by their capitals
 * where the language has them: full personal names, organisations named with an organisation noun
 * ("Conselho Nacional Eleitoral"), acronyms they define in brackets, and an unknown acronym before
 * a state ("ВС Украины"). Capitalised runs after a locative preposition are places, and stay places
 * wherever else the text names them.
 */
final class Names {

  /** A name over words first..last of one sentence. */
  record Mention(
      int sentence,
      int first,
      int last,
      Span span,
      String nerType,
      KnownActor actor,
      String provisionalId,
      boolean locative) {

    String actorId() {
      return actor != null ? actor.id() : provisionalId;
    }

    /** A state or its capital after "en", "в", "à": where, not who. */
    boolean place() {
      return locative && actor != null && actor.type().equals("STATE");
    }
  }

  private final LanguageRules rules;
  private final NameIndex index;
  private final Map<Integer, List<Mention>> bySentence = new HashMap<>();
  private final Map<String, ProvisionalActor> provisional = new LinkedHashMap<>();
  private final Map<String, Integer> counts = new HashMap<>();
  private final Map<String, String> acronyms = new HashMap<>();
  private final Map<String, String> surnames = new HashMap<>();
  private final Set<String> placeStems = new HashSet<>();
  private final Set<String> reporters = new HashSet<>();
  private final Map<String, String> possessiveNames = new HashMap<>();

  Names(LanguageRules rules, NameIndex index, List<Sentence> sentences) {
    this.rules = rules;
    this.index = index;
    for (Sentence sentence : sentences) {
      collectPlaces(sentence);
    }
    if (rules.nounCapitals()) {
      collectPossessiveNames(sentences);
    }
    for (Sentence sentence : sentences) {
      bySentence.put(sentence.index(), find(sentence));
    }
  }

  List<Mention> in(int sentence) {
    return bySentence.getOrDefault(sentence, List.of());
  }

  int count(String provisionalId) {
    return counts.getOrDefault(provisionalId, 0);
  }

  ProvisionalActor provisional(String id) {
    return provisional.get(id);
  }

  /** The name stands beside a word that cites a source ("según", "пишет", "laut"). */
  boolean isReporter(String provisionalId) {
    return reporters.contains(provisionalId);
  }

  private boolean locative(List<Word> words, int i) {
    return i > 0 && !words.get(i).breakBefore() && rules.is("locative", words.get(i - 1));
  }

  /** Capitalised runs after a locative preposition ("в Новой Каховке", "en Damasco") are places. */
  private void collectPlaces(Sentence sentence) {
    if (!rules.cased()) {
      return;
    }
    List<Word> words = sentence.words();
    for (int i = 1; i < words.size(); i++) {
      if (locative(words, i) && words.get(i).capitalized() && index.match(words, i) == null) {
        for (int k = i; k < words.size() && words.get(k).capitalized(); k++) {
          if (k > i && (words.get(k).breakBefore() || words.get(k).commaBefore())) {
            break;
          }
          placeStems.add(words.get(k).stem());
        }
      }
    }
  }

  /**
   * Where every noun is capitalised, a name shows itself by the genitive "s" that only names take
   * without an article ("Prigoschins Angaben", "Putins Sprecher"): such a word whose bare form the
   * text also uses is a personal name, in both forms.
   */
  private void collectPossessiveNames(List<Sentence> sentences) {
    Map<String, String> candidates = new HashMap<>();
    Set<String> bare = new HashSet<>();
    for (Sentence sentence : sentences) {
      List<Word> words = sentence.words();
      for (int i = 0; i < words.size(); i++) {
        Word w = words.get(i);
        boolean article = i > 0 && rules.is("article", words.get(i - 1));
        if (w.capitalized() && !article) {
          bare.add(w.fold());
          boolean nounAfter = i + 1 < words.size() && words.get(i + 1).capitalized();
          if (nounAfter && w.fold().length() >= 5 && w.fold().endsWith("s")) {
            candidates.put(w.fold(), w.text().substring(0, w.text().length() - 1));
          }
        }
      }
    }
    candidates.forEach(
        (possessive, name) -> {
          String fold = Tokenizer.fold(name);
          if (bare.contains(fold)) {
            possessiveNames.put(possessive, name);
            possessiveNames.put(fold, name);
          }
        });
  }

  private List<Mention> find(Sentence sentence) {
    List<Word> words = sentence.words();
    List<Mention> out = new ArrayList<>();
    boolean[] covered = new boolean[words.size()];
    for (int i = 0; i < words.size(); i++) {
      NameIndex.Hit hit = index.match(words, i);
      if (hit != null) {
        KnownActor actor = counterpart(hit, words);
        out.add(
            mention(
                sentence,
                hit.first(),
                hit.last(),
                nerType(actor),
                actor,
                null,
                locative(words, i)));
        for (int k = hit.first(); k <= hit.last(); k++) {
          covered[k] = true;
        }
        i = hit.last();
      }
    }
    for (int i = 0; i < words.size(); i++) {
      if (!covered[i] && besideAgent(words, i)) {
        KnownActor state = index.demonymOf(words.get(i));
        if (state != null && !words.get(i).capitalized() || state != null && rules.nounCapitals()) {
          out.add(mention(sentence, i, i, "COUNTRY", state, null, false));
          covered[i] = true;
        }
      }
    }
    if (rules.cased()) {
      unknown(sentence, covered, out);
    }
    out.sort((a, b) -> Integer.compare(a.first(), b.first()));
    return List.copyOf(out);
  }

  /**
   * A body named by its function only takes the state named right after it: the German text's
   * "Verteidigungsministerium in Moskau" is Russia's ministry, not Germany's. Government bodies'
   * ids are {@code <alpha-3>-<body>} (registry README), so the counterpart is found by its id.
   */
  private KnownActor counterpart(NameIndex.Hit hit, List<Word> words) {
    KnownActor actor = hit.entry().actor();
    int next = hit.last() + 1;
    String prefix = actor.country() == null ? null : actor.country().toLowerCase(Locale.ROOT) + "-";
    if (!actor.type().equals("GOVERNMENT_BODY")
        || prefix == null
        || !actor.id().startsWith(prefix)
        || next + 1 >= words.size()
        || !locative(words, next + 1)) {
      return actor;
    }
    NameIndex.Hit where = index.match(words, next + 1);
    if (where == null || where.entry().actor().country() == null) {
      return actor;
    }
    String country = where.entry().actor().country();
    KnownActor other =
        index.actor(country.toLowerCase(Locale.ROOT) + "-" + actor.id().substring(prefix.length()));
    return other != null ? other : actor;
  }

  private boolean besideAgent(List<Word> words, int i) {
    for (int k = Math.max(0, i - 2); k <= Math.min(words.size() - 1, i + 2); k++) {
      if (k != i && rules.is("agent", words.get(k))) {
        return true;
      }
    }
    return false;
  }

  private void unknown(Sentence sentence, boolean[] covered, List<Mention> out) {
    List<Word> words = sentence.words();
    int i = 0;
    while (i < words.size()) {
      if (covered[i] || !nameWord(words, i)) {
        i++;
        continue;
      }
      int end = i;
      // where every noun is capitalised, neighbouring capitals are no one name
      while (!rules.nounCapitals()) {
        int next = end + 1;
        if (next < words.size() && joins(words, next) && !covered[next] && nameWord(words, next)) {
          end = next;
        } else if (next + 1 < words.size()
            && rules.is("connector", words.get(next))
            && !words.get(next).capitalized()
            && joins(words, next)
            && joins(words, next + 1)
            && !covered[next + 1]
            && nameWord(words, next + 1)) {
          end = next + 1;
        } else {
          break;
        }
      }
      name(sentence, i, end, covered, out);
      i = end + 1;
    }
  }

  private static boolean joins(List<Word> words, int k) {
    return !words.get(k).breakBefore() && !words.get(k).commaBefore();
  }

  /**
   * A capitalised word that is no stop word, month, weekday or title, nor a common word that opens
   * the sentence ("Підрив Каховської ГЕС": an event word).
   */
  private boolean nameWord(List<Word> words, int i) {
    Word w = words.get(i);
    return w.capitalized()
        && !w.isNumber()
        && !rules.is("stop", w)
        && !(i == 0 && rules.isTriggerWord(w))
        && !rules.is("title", w)
        && rules.match("month", words, i) == null
        && rules.match("weekday", words, i) == null;
  }

  private void name(Sentence sentence, int first, int last, boolean[] covered, List<Mention> out) {
    List<Word> words = sentence.words();
    while (first <= last && placeStems.contains(words.get(first).stem())) {
      first++;
    }
    if (first > last || locative(words, first)) {
      return;
    }
    boolean titled = first > 0 && rules.is("title", words.get(first - 1));
    boolean sentenceStart = first == 0 || words.get(first).breakBefore();
    int length = last - first + 1;
    String name = text(words, first, last);
    String id;
    String type;
    if (length == 1) {
      Word w = words.get(first);
      String surnameOf = surnames.get(w.stem());
      if (acronyms.containsKey(w.text())) {
        id = acronyms.get(w.text());
        type = provisional.get(id).type();
      } else if (surnameOf != null) {
        id = surnameOf;
        type = "PERSON";
      } else if (w.isAcronym() && !sentenceStart) {
        if (definesAcronym(words, first, out)) {
          return;
        }
        KnownActor state = stateAfter(sentence, first, out);
        type = "ORGANIZATION";
        id =
            register(
                state == null ? name : name + " " + text(words, first + 1, first + 1), type, state);
      } else if (titled && !rules.nounCapitals()) {
        type = "PERSON";
        id = register(name, type, null);
      } else if (possessiveNames.containsKey(w.fold())) {
        type = "PERSON";
        id = register(possessiveNames.get(w.fold()), type, null);
      } else {
        return;
      }
    } else {
      if (rules.nounCapitals() && !titled) {
        return;
      }
      boolean organisation = false;
      for (int k = first; k <= last; k++) {
        organisation |= rules.is("org", words.get(k));
      }
      type = organisation || length >= 4 ? "ORGANIZATION" : "PERSON";
      String surname = words.get(last).stem();
      id =
          type.equals("PERSON") && surnames.containsKey(surname)
              ? surnames.get(surname)
              : register(name, type, null);
      if (type.equals("PERSON")) {
        surnames.putIfAbsent(surname, id);
      }
    }
    count(id, sentence, first, last, type, covered, out);
  }

  /** "(CNE)" after the organisation it abbreviates: later mentions of the acronym are that name. */
  private boolean definesAcronym(List<Word> words, int at, List<Mention> out) {
    if (!words.get(at).breakBefore() || out.isEmpty()) {
      return false;
    }
    Mention before = out.get(out.size() - 1);
    if (before.last() != at - 1 || before.provisionalId() == null) {
      return false;
    }
    acronyms.put(words.get(at).text(), before.provisionalId());
    return true;
  }

  private KnownActor stateAfter(Sentence sentence, int at, List<Mention> out) {
    List<Word> words = sentence.words();
    if (at + 1 >= words.size() || !joins(words, at + 1)) {
      return null;
    }
    NameIndex.Hit hit = index.match(words, at + 1);
    return hit != null && hit.entry().actor().type().equals("STATE") ? hit.entry().actor() : null;
  }

  private void count(
      String id,
      Sentence sentence,
      int first,
      int last,
      String type,
      boolean[] covered,
      List<Mention> out) {
    counts.merge(id, 1, Integer::sum);
    List<Word> words = sentence.words();
    for (int k = Math.max(0, first - 2); k <= Math.min(words.size() - 1, last + 1); k++) {
      if ((k < first || k > last) && rules.is("report", words.get(k))) {
        reporters.add(id);
      }
    }
    out.add(mention(sentence, first, last, type, null, id, false));
    for (int k = first; k <= last; k++) {
      covered[k] = true;
    }
  }

  private String register(String name, String type, KnownActor state) {
    String id = slug(name);
    provisional.putIfAbsent(
        id, new ProvisionalActor(id, name, type, state == null ? null : state.country()));
    return id;
  }

  /**
   * A readable id in the name's own script: "Elvis Amoroso" → "elvis-amoroso", "Леонтьев" →
   * "леонтьев".
   */
  static String slug(String name) {
    return Tokenizer.fold(name)
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{Nd}]+", "-")
        .replaceAll("^-+|-+$", "");
  }

  private static String text(List<Word> words, int first, int last) {
    StringBuilder out = new StringBuilder();
    for (int k = first; k <= last; k++) {
      if (k > first) {
        out.append(' ');
      }
      out.append(words.get(k).text());
    }
    return out.toString();
  }

  private static Mention mention(
      Sentence sentence,
      int first,
      int last,
      String nerType,
      KnownActor actor,
      String id,
      boolean locative) {
    List<Word> words = sentence.words();
    Span span = new Span(words.get(first).span().start(), words.get(last).span().end());
    return new Mention(sentence.index(), first, last, span, nerType, actor, id, locative);
  }

  static String nerType(KnownActor actor) {
    return switch (actor.type()) {
      case "PERSON" -> "PERSON";
      case "STATE" -> "COUNTRY";
      default -> "ORGANIZATION";
    };
  }
}
