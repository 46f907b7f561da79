package org.newsgraph.entity.extraction.lexical;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsgraph.entity.extraction.ActorDirectory;
import org.newsgraph.entity.extraction.ActorMention;
import org.newsgraph.entity.extraction.ActorRef;
import org.newsgraph.entity.extraction.DatePrecision;
import org.newsgraph.entity.extraction.EventDate;
import org.newsgraph.entity.extraction.ExtractedEvent;
import org.newsgraph.entity.extraction.Extraction;
import org.newsgraph.entity.extraction.Factuality;
import org.newsgraph.entity.extraction.Figure;
import org.newsgraph.entity.extraction.KnownActor;
import org.newsgraph.entity.extraction.Place;
import org.newsgraph.entity.extraction.ProvisionalActor;
import org.newsgraph.entity.extraction.Qualifier;
import org.newsgraph.entity.extraction.RuleFiles;
import org.newsgraph.entity.extraction.Span;

/**
 * Actors and events of one language without a parser: words and sentences by {@link Tokenizer},
 * names by {@link Names}, events where a word of the language's trigger lexicon stands in a clause
 * with actors. In a clause, the source is the nearest actor before the trigger and the target the
 * first one after it (both before it in a verb-final language); "entre/zwischen/между" A and B
 * makes A the source and B the target, a passive agent ("por", "par", "von") the source, and
 * "contra/gegen/против" marks the target. A violent event without a target has the state where it
 * happened for its target (the CAMEO convention for victims). The date is the sentence's nearest
 * date expression, else the publication date; casualty figures, negations and hedges are read in
 * the trigger's sentence.
 */
public final class LexicalExtractor {

  /** Words before and after the trigger in which its actors are looked for. */
  private static final int BEFORE = 20;

  private static final int AFTER = 10;
  private static final int MULTIWORD_WINDOW = 4;

  /** How many sentences back a pronoun's actor is looked for. */
  private static final int ANAPHOR_SENTENCES = 3;

  private final LanguageRules rules;
  private final ActorDirectory directory;
  private final Clock clock;
  private final Map<String, List<LanguageRules.Trigger>> triggersByFirst = new HashMap<>();
  private volatile NameIndex index;

  /** Reads the rules of {@code language} through {@code files}, which hashes them. */
  public LexicalExtractor(String language, RuleFiles files, ActorDirectory directory) {
    this(language, files, directory, Clock.systemUTC());
  }

  /**
   * @param clock today's date, the latest an undated text's weekday with its day and month may fall
   */
  public LexicalExtractor(String language, RuleFiles files, ActorDirectory directory, Clock clock) {
    this.rules = LanguageRules.load(language, files);
    this.directory = directory;
    this.clock = clock;
    for (LanguageRules.Trigger trigger : rules.triggers()) {
      for (String first : new HashSet<>(List.of(trigger.stems().get(0), trigger.folds().get(0)))) {
        triggersByFirst.computeIfAbsent(first, k -> new ArrayList<>()).add(trigger);
      }
    }
  }

  /**
   * @param events false to find the actors only
   */
  public Extraction extract(String text, LocalDate publishedAt, boolean events, String version) {
    List<Sentence> sentences = rules.tokenizer().sentences(text);
    NameIndex names = index();
    Names found = new Names(rules, names, sentences);
    List<ExtractedEvent> extracted = new ArrayList<>();
    Set<String> inEvents = new HashSet<>();
    if (events) {
      DateFinder dates = DateFinder.of(rules, sentences, publishedAt, LocalDate.now(clock));
      EventDate fallback = fallbackDate(sentences, dates, publishedAt);
      KnownActor setting = setting(sentences, found);
      for (Sentence sentence : sentences) {
        events(sentence, sentences, found, names, dates, fallback, setting, extracted, inEvents);
      }
    }
    List<ActorMention> mentions = new ArrayList<>();
    Map<String, ProvisionalActor> kept = new LinkedHashMap<>();
    for (Sentence sentence : sentences) {
      for (Names.Mention m : found.in(sentence.index())) {
        String actorId = m.actorId();
        if (m.provisionalId() != null) {
          if (keep(m, found, inEvents)) {
            kept.putIfAbsent(m.provisionalId(), found.provisional(m.provisionalId()));
          } else {
            actorId = null;
          }
        }
        mentions.add(new ActorMention(m.span(), m.span().of(text), m.nerType(), actorId));
      }
    }
    return new Extraction(
        version, rules.language(), mentions, extracted, List.copyOf(kept.values()));
  }

  /**
   * An unknown name is an actor when it takes part in an event, recurs, is cited as a source
   * ("según EFE", "пишет ТАСС"), or is a full personal name or an organisation named in three words
   * or more; a single passing word is too often noise.
   */
  private static boolean keep(Names.Mention m, Names found, Set<String> inEvents) {
    String id = m.provisionalId();
    ProvisionalActor actor = found.provisional(id);
    if (actor == null) {
      return false;
    }
    int words = actor.name().split(" ").length;
    return inEvents.contains(id)
        || found.count(id) >= 2
        || found.isReporter(id)
        || (actor.type().equals("PERSON") && words >= 2)
        || words >= 3;
  }

  private NameIndex index() {
    NameIndex current = index;
    long revision = directory.revision();
    if (current == null || current.revision() != revision) {
      synchronized (this) {
        current = index;
        if (current == null || current.revision() != revision) {
          current = NameIndex.of(directory.actors(), revision, rules);
          index = current;
        }
      }
    }
    return current;
  }

  /** The publication date, else the first date the text gives, as a fallback for every event. */
  private static EventDate fallbackDate(
      List<Sentence> sentences, DateFinder dates, LocalDate publishedAt) {
    if (publishedAt != null) {
      return new EventDate(publishedAt, DatePrecision.DAY, false, null);
    }
    for (Sentence sentence : sentences) {
      for (DateFinder.Found date : dates.find(sentence.words())) {
        return new EventDate(date.date().date(), date.date().precision(), false, null);
      }
    }
    return EventDate.UNKNOWN;
  }

  /** The state the article names most often (first named on a tie): where its events happen. */
  private static KnownActor setting(List<Sentence> sentences, Names found) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, KnownActor> states = new HashMap<>();
    for (Sentence sentence : sentences) {
      for (Names.Mention m : found.in(sentence.index())) {
        if (m.actor() != null && m.actor().type().equals("STATE")) {
          counts.merge(m.actor().id(), 1, Integer::sum);
          states.put(m.actor().id(), m.actor());
        }
      }
    }
    return counts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(e -> states.get(e.getKey()))
        .orElse(null);
  }

  private void events(
      Sentence sentence,
      List<Sentence> sentences,
      Names found,
      NameIndex names,
      DateFinder dates,
      EventDate fallback,
      KnownActor setting,
      List<ExtractedEvent> out,
      Set<String> inEvents) {
    List<Word> words = sentence.words();
    List<Names.Mention> mentions = found.in(sentence.index());
    List<DateFinder.Found> sentenceDates = dates.find(words);
    List<Names.Mention> actors = new ArrayList<>();
    for (Names.Mention m : mentions) {
      if (m.actorId() != null && !m.place()) {
        actors.add(m);
      }
    }
    List<Names.Mention> pronouns = new ArrayList<>();
    List<Names.Mention> objects = new ArrayList<>();
    List<int[]> triggers = triggers(words, mentions);
    if (!triggers.isEmpty()) {
      anaphors(sentence, sentences, found, actors, pronouns, objects);
    }
    List<Names.Mention> withPronouns = new ArrayList<>(actors);
    withPronouns.addAll(pronouns);
    withPronouns.sort(Comparator.comparingInt(Names.Mention::first));
    List<Names.Mention> objectsAndPronouns = new ArrayList<>(objects);
    objectsAndPronouns.addAll(pronouns);
    objectsAndPronouns.sort(Comparator.comparingInt(Names.Mention::first));
    for (int[] trigger : triggers) {
      LanguageRules.Trigger entry = rules.triggers().get(trigger[3]);
      int head = trigger[2];
      // a name before the trigger wins over a pronoun there; a pronoun after the verb is its
      // subject where the subject follows the verb ("Am Samstag besetzten seine Truppen ...")
      Roles roles = roles(words, actors, trigger[0], trigger[1], entry.pos());
      if (!pronouns.isEmpty()) {
        Roles withThem = roles(words, withPronouns, trigger[0], trigger[1], entry.pos());
        boolean afterVerb =
            withThem.source() != null
                && pronouns.contains(withThem.source())
                && withThem.source().first() > trigger[1];
        if (roles.source() == null || afterVerb) {
          roles = withThem;
        }
      }
      if (roles.target() == null) {
        Names.Mention object = objectBefore(words, objectsAndPronouns, trigger[0], roles.source());
        if (object != null) {
          roles = new Roles(roles.source(), object);
        }
      }
      Place place = place(sentence, mentions);
      List<ActorRef> sources = refs(roles.source());
      List<ActorRef> targets = refs(roles.target());
      boolean violent = entry.root().violent();
      if (violent && targets.isEmpty()) {
        KnownActor where = place != null ? names.state(place.country()) : setting;
        String sourceCountry = roles.source() == null ? null : country(roles.source());
        if (where != null && !where.country().equals(sourceCountry)) {
          Span span = place != null ? place.span() : words.get(head).span();
          targets = List.of(new ActorRef(where.id(), span));
        }
      }
      if (sources.isEmpty() && targets.isEmpty()) {
        continue;
      }
      sources.forEach(r -> inEvents.add(r.actorId()));
      targets.forEach(r -> inEvents.add(r.actorId()));
      Word first = words.get(trigger[0]);
      Word last = words.get(trigger[1]);
      Span triggerSpan = new Span(first.span().start(), last.span().end());
      Figure[] casualties = casualties(sentence, sentences, found);
      double confidence = 0.3 + (sources.isEmpty() ? 0 : 0.2) + (targets.isEmpty() ? 0 : 0.1);
      out.add(
          new ExtractedEvent(
              entry.root().code(),
              triggerSpan,
              triggerText(words, trigger[0], trigger[1]),
              sentence.span(),
              sources,
              targets,
              date(sentenceDates, head, fallback),
              place,
              casualties[0],
              casualties[1],
              factuality(words, trigger[0]),
              false,
              confidence));
    }
  }

  /**
   * Pronouns and possessives that stand for an actor named before ("seine Truppen", "él", "его"),
   * each as a mention of that actor: a possessive ({@code any}) of the nearest actor before it; a
   * personal pronoun ({@code person}) of the nearest person before its own clause, since a pronoun
   * is not its own clause's subject ("donde Putin le ha concedido": "le" is not Putin). They go to
   * {@code pronouns}, which take the role their position gives where no name takes it; an object
   * clitic before the verb ("le", "lhe", "lui") goes to {@code objects}, only ever the target.
   */
  private void anaphors(
      Sentence sentence,
      List<Sentence> sentences,
      Names found,
      List<Names.Mention> actors,
      List<Names.Mention> pronouns,
      List<Names.Mention> objects) {
    List<Word> words = sentence.words();
    for (int i = 0; i < words.size(); i++) {
      final int at = i;
      if (actors.stream().anyMatch(m -> m.first() <= at && at <= m.last())) {
        continue;
      }
      LanguageRules.Phrase phrase = rules.match("anaphor", words, i);
      boolean object = phrase == null;
      if (object) {
        phrase = rules.match("object-anaphor", words, i);
      }
      if (phrase == null || phrase.folds().size() != 1) {
        continue;
      }
      boolean person = !"any".equals(phrase.value());
      Names.Mention referent = referent(sentences, found, sentence.index(), i, person);
      if (referent != null) {
        Names.Mention anaphor =
            new Names.Mention(
                sentence.index(),
                i,
                i,
                words.get(i).span(),
                referent.nerType(),
                referent.actor(),
                referent.provisionalId(),
                false);
        (object ? objects : pronouns).add(anaphor);
      }
    }
  }

  private static Names.Mention referent(
      List<Sentence> sentences, Names found, int sentence, int at, boolean person) {
    int clause = at;
    List<Word> words = sentences.get(sentence).words();
    while (person
        && clause > 0
        && !words.get(clause).breakBefore()
        && !words.get(clause).commaBefore()) {
      clause--;
    }
    int before = person ? clause : at;
    for (int s = sentence; s >= Math.max(0, sentence - ANAPHOR_SENTENCES); s--) {
      List<Names.Mention> in = found.in(s);
      for (int k = in.size() - 1; k >= 0; k--) {
        Names.Mention m = in.get(k);
        boolean earlier = s < sentence || m.last() < before;
        if (earlier
            && m.actorId() != null
            && !m.place()
            && (!person || m.nerType().equals("PERSON"))) {
          return m;
        }
      }
    }
    return null;
  }

  /**
   * A pronoun or object clitic between the source (or the clause's start) and the trigger: "Putin
   * le ha concedido a él ... el asilo".
   */
  private static Names.Mention objectBefore(
      List<Word> words, List<Names.Mention> objects, int first, Names.Mention source) {
    for (Names.Mention m : objects) {
      boolean inClause = true;
      for (int k = m.first() + 1; k <= first && inClause; k++) {
        inClause = !words.get(k).breakBefore();
      }
      if (m.last() < first
          && first - m.last() <= BEFORE
          && inClause
          && (source == null || (m.first() > source.last() && !same(m, source)))) {
        return m;
      }
    }
    return null;
  }

  private static String triggerText(List<Word> words, int first, int last) {
    return words.get(first).text() + (last > first ? " … " + words.get(last).text() : "");
  }

  private static String country(Names.Mention m) {
    return m.actor() == null ? null : m.actor().country();
  }

  private static List<ActorRef> refs(Names.Mention m) {
    return m == null ? List.of() : List.of(new ActorRef(m.actorId(), m.span()));
  }

  /** Non-overlapping triggers outside names: {first, last, head, entry index}, longer first. */
  private List<int[]> triggers(List<Word> words, List<Names.Mention> mentions) {
    boolean[] named = new boolean[words.size()];
    for (Names.Mention m : mentions) {
      for (int k = m.first(); k <= m.last(); k++) {
        named[k] = true;
      }
    }
    List<int[]> candidates = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      if (named[i]) {
        continue;
      }
      Set<LanguageRules.Trigger> seen = new HashSet<>();
      for (String form : List.of(words.get(i).fold(), words.get(i).stem())) {
        for (LanguageRules.Trigger trigger : triggersByFirst.getOrDefault(form, List.of())) {
          int[] match = seen.add(trigger) ? match(words, named, i, trigger) : null;
          if (match != null) {
            candidates.add(match);
          }
        }
      }
    }
    candidates.sort(
        Comparator.comparingInt((int[] c) -> -rules.triggers().get(c[3]).stems().size())
            .thenComparingInt(c -> c[0]));
    List<int[]> chosen = new ArrayList<>();
    for (int[] c : candidates) {
      if (chosen.stream().noneMatch(o -> c[0] <= o[1] && o[0] <= c[1])) {
        chosen.add(c);
      }
    }
    chosen.sort(Comparator.comparingInt(c -> c[0]));
    return chosen;
  }

  private int[] match(List<Word> words, boolean[] named, int start, LanguageRules.Trigger trigger) {
    int[] positions = new int[trigger.stems().size()];
    positions[0] = start;
    for (int k = 1; k < positions.length; k++) {
      int found = -1;
      for (int j = positions[k - 1] + 1;
          j < words.size() && j <= positions[k - 1] + MULTIWORD_WINDOW && found < 0;
          j++) {
        Word w = words.get(j);
        if (!named[j] && trigger.matches(k, w)) {
          found = j;
        }
      }
      if (found < 0) {
        return null;
      }
      positions[k] = found;
    }
    return new int[] {
      start,
      positions[positions.length - 1],
      positions[trigger.head()],
      rules.triggers().indexOf(trigger)
    };
  }

  private record Roles(Names.Mention source, Names.Mention target) {}

  private Roles roles(List<Word> words, List<Names.Mention> actors, int first, int last, char pos) {
    int clauseStart = first;
    while (clauseStart > 0 && !words.get(clauseStart).breakBefore()) {
      clauseStart--;
    }
    int clauseEnd = last + 1;
    while (clauseEnd < words.size() && !words.get(clauseEnd).breakBefore()) {
      clauseEnd++;
    }
    List<Names.Mention> before = new ArrayList<>();
    List<Names.Mention> after = new ArrayList<>();
    for (Names.Mention m : actors) {
      if (m.last() < first && m.first() >= Math.max(clauseStart, first - BEFORE)) {
        before.add(m);
      } else if (m.first() > last && m.last() < Math.min(clauseEnd, last + 1 + AFTER)) {
        after.add(m);
      }
    }
    if (rules.verbFinal()) {
      Names.Mention source = before.isEmpty() ? null : before.get(0);
      // the other side of a meeting or an attack is rather another state's actor
      Names.Mention target =
          before.stream()
              .filter(m -> !same(m, source) && !sameCountry(m, source))
              .findFirst()
              .orElse(before.stream().filter(m -> !same(m, source)).findFirst().orElse(null));
      return new Roles(source, target);
    }
    if ((rules.verbInitial() || rules.verbSecond()) && pos != 'N' && before.isEmpty()) {
      Names.Mention source = after.isEmpty() ? null : after.get(0);
      Names.Mention target =
          after.stream().filter(m -> !same(m, source) && !m.locative()).findFirst().orElse(null);
      return new Roles(source, target);
    }
    Names.Mention between = marked("between", words, after, last);
    if (between != null) {
      Names.Mention other =
          after.stream()
              .filter(m -> m.first() > between.last() && !same(m, between))
              .findFirst()
              .orElse(null);
      return new Roles(between, other);
    }
    Names.Mention agent = marked("passive", words, after, last);
    Names.Mention against = marked("against", words, after, last);
    Names.Mention nearestBefore = before.isEmpty() ? null : before.get(before.size() - 1);
    if (agent != null) {
      return new Roles(agent, against != null ? against : nearestBefore);
    }
    Names.Mention of = pos == 'N' ? marked("of", words, after, last) : null;
    Names.Mention source = of != null ? of : nearestBefore;
    Names.Mention target = against;
    if (target == null) {
      target =
          after.stream().filter(m -> !same(m, source) && !m.locative()).findFirst().orElse(null);
    }
    Names.Mention joined =
        target == null && source == nearestBefore ? conjoined(words, before) : null;
    if (joined != null) {
      // "Россия и Китай подписали соглашение": the first of two joined subjects is the source
      return new Roles(joined, source);
    }
    return new Roles(source, same(source, target) ? null : target);
  }

  /** The actor before "A and" when the nearest actor before the trigger is B of "A and B". */
  private Names.Mention conjoined(List<Word> words, List<Names.Mention> before) {
    if (before.size() < 2) {
      return null;
    }
    Names.Mention second = before.get(before.size() - 1);
    Names.Mention first = before.get(before.size() - 2);
    for (int k = first.last() + 1; k < second.first(); k++) {
      if (rules.is("and", words.get(k))
          && second.first() - first.last() <= 5
          && !same(first, second)) {
        return first;
      }
    }
    return null;
  }

  private static boolean sameCountry(Names.Mention a, Names.Mention b) {
    String country = country(a);
    return country != null && country.equals(country(b));
  }

  private static boolean same(Names.Mention a, Names.Mention b) {
    return a != null && b != null && a.actorId().equals(b.actorId());
  }

  /** The first actor after the trigger that directly follows a word of class {@code cls}. */
  private Names.Mention marked(String cls, List<Word> words, List<Names.Mention> after, int last) {
    for (Names.Mention m : after) {
      for (int k = m.first() - 1; k > last && k >= m.first() - 3; k--) {
        if (rules.is(cls, words.get(k))) {
          return m;
        }
      }
    }
    return null;
  }

  /** The first state or capital the sentence names after a locative preposition. */
  private static Place place(Sentence sentence, List<Names.Mention> mentions) {
    for (Names.Mention m : mentions) {
      if (m.place()) {
        List<Word> words = sentence.words();
        StringBuilder name = new StringBuilder();
        for (int k = m.first(); k <= m.last(); k++) {
          name.append(k > m.first() ? " " : "").append(words.get(k).text());
        }
        return new Place(name.toString(), m.actor().country(), m.span());
      }
    }
    return null;
  }

  private EventDate date(List<DateFinder.Found> dates, int head, EventDate fallback) {
    DateFinder.Found best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (DateFinder.Found date : dates) {
      int d = date.last() < head ? head - date.last() : date.first() - head;
      if (d < bestDistance) {
        best = date;
        bestDistance = d;
      }
    }
    return best == null ? fallback : best.date();
  }

  private Factuality factuality(List<Word> words, int trigger) {
    for (int k = Math.max(0, trigger - 3); k < trigger; k++) {
      if (rules.is("negation", words.get(k))) {
        return Factuality.NEGATED;
      }
    }
    for (int k = Math.max(0, trigger - 6); k < Math.min(words.size(), trigger + 4); k++) {
      if (rules.is("hedge", words.get(k))) {
        return Factuality.POSSIBLE;
      }
    }
    return Factuality.ASSERTED;
  }

  /**
   * Killed and injured figures: a number (digits or a number word, after an optional qualifier such
   * as "al menos") before a casualty word within three words ("23 efectivos ... heridos"), or after
   * it ("ha fallecido una persona"). The next sentence counts when it names no actor of its own, as
   * reports often give the toll right after the act.
   */
  private Figure[] casualties(Sentence sentence, List<Sentence> sentences, Names found) {
    Figure[] out = new Figure[2];
    read(sentence.words(), out);
    int next = sentence.index() + 1;
    if (out[0] == null && out[1] == null && next < sentences.size()) {
      if (found.in(next).stream().noneMatch(m -> m.actorId() != null)) {
        read(sentences.get(next).words(), out);
      }
    }
    return out;
  }

  private void read(List<Word> words, Figure[] out) {
    for (int i = 0; i < words.size(); i++) {
      Integer value = number(words, i);
      if (value == null) {
        continue;
      }
      int slot = -1;
      for (int k = i + 1; k < Math.min(words.size(), i + 5) && slot < 0; k++) {
        slot = casualtySlot(words.get(k));
      }
      for (int k = i - 1; k >= Math.max(0, i - 4) && slot < 0; k--) {
        slot = casualtySlot(words.get(k));
      }
      if (slot >= 0 && out[slot] == null) {
        LanguageRules.Phrase qualifier = rules.matchEndingAt("qualifier", words, i - 1);
        if (qualifier == null && i >= 2) {
          // "al menos a 12": a preposition may stand between the qualifier and the number
          qualifier = rules.matchEndingAt("qualifier", words, i - 2);
        }
        Qualifier q = qualifier == null ? Qualifier.EXACT : Qualifier.valueOf(qualifier.value());
        out[slot] = new Figure(value, q, words.get(i).span());
      }
    }
  }

  private int casualtySlot(Word word) {
    if (rules.is("killed", word)) {
      return 0;
    }
    return rules.is("injured", word) ? 1 : -1;
  }

  private Integer number(List<Word> words, int i) {
    Word w = words.get(i);
    // a year is no toll
    if (w.text().matches("\\d{1,5}") && !w.text().matches("(19|20)\\d\\d")) {
      return Integer.parseInt(w.text());
    }
    LanguageRules.Phrase phrase = rules.match("number", words, i);
    return phrase == null || phrase.folds().size() != 1 ? null : Integer.valueOf(phrase.value());
  }
}
