package org.newsgraph.entity.extraction;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newsgraph.entity.nlp.AnalyzedSentence;
import org.newsgraph.entity.nlp.Token;

/**
 * Finds the actors and places of one document, sentence by sentence and in order, so that names a
 * sentence introduces ("Islamic State Khorasan (IS-K)") resolve in the sentences that follow. Not
 * thread-safe: one instance per document.
 */
final class MentionFinder {

  private static final Set<String> PLACE_PREPOSITIONS =
      Set.of(
          "in",
          "near",
          "outside",
          "at",
          "from",
          "to",
          "into",
          "inside",
          "across",
          "around",
          "towards",
          "toward",
          "via",
          "through",
          "throughout",
          "within",
          "of");

  /** Prepositions after which a place followed by a gerund is that gerund's subject. */
  private static final Set<String> GERUND_SUBJECT_PREPOSITIONS = Set.of("towards", "toward");

  private static final Set<String> PLACE_NER =
      Set.of("LOCATION", "CITY", "COUNTRY", "STATE_OR_PROVINCE");
  private static final Set<String> NAME_NER = Set.of("PERSON", "ORGANIZATION");

  /** Capitalised words CoreNLP sometimes tags as names that never name an actor on their own. */
  private static final Set<String> GENERIC =
      Set.of(
          "government",
          "ministry",
          "state",
          "group",
          "president",
          "minister",
          "army",
          "police",
          "council",
          "court",
          "parliament",
          "news",
          "source",
          "sources",
          "related",
          "islam",
          "security",
          "international",
          "regional",
          "world",
          "western",
          "eastern",
          "central");

  private final ActorGazetteer gazetteer;
  private final ActorGazetteer introduced = ActorGazetteer.empty();
  private final Lexicon lexicon;
  private final Map<Integer, List<Mention>> bySentence = new HashMap<>();
  private final Map<String, Integer> provisionalCounts = new HashMap<>();
  private final Map<String, String> provisionalTypes = new HashMap<>();
  private final Map<String, String> provisionalNames = new HashMap<>();
  private final Map<String, String> provisionalCountries = new HashMap<>();

  /** Acronyms the text introduced for names the registry does not know: "(FCF)". */
  private static final Set<String> GEOGRAPHIC_FEATURES =
      Set.of(
          "sea",
          "gulf",
          "bay",
          "strait",
          "straits",
          "coast",
          "island",
          "islands",
          "lake",
          "river",
          "peninsula",
          "mountains",
          "desert");

  private final Map<String, String> provisionalAcronyms = new HashMap<>();

  /** The last word of each unknown person's full name, first one named first. */
  private final Map<String, String> surnames = new HashMap<>();

  /** Family names learnt from known people named in full, with whose they are. */
  private final Map<String, String> learnedSurnames = new HashMap<>();

  /** Unknown names seen with a title or a political word at least once in the text. */
  private final Set<String> provisionalPolitical = new HashSet<>();

  private Mention identifiedPerpetrator;

  MentionFinder(ActorGazetteer gazetteer, Lexicon lexicon) {
    this.gazetteer = gazetteer;
    this.lexicon = lexicon;
  }

  List<Mention> mentions(int sentence) {
    return bySentence.getOrDefault(sentence, List.of());
  }

  /**
   * The armed group the document names most often (the earliest on a tie), or null: whom "the
   * rebels" and "militants" of a story most likely are.
   */
  Mention dominantArmedGroup() {
    Map<String, Integer> counts = new HashMap<>();
    Mention best = null;
    for (int index : bySentence.keySet().stream().sorted().toList()) {
      for (Mention m : bySentence.get(index)) {
        if (m.actor() == null || !"ARMED_GROUP".equals(m.actor().type())) {
          continue;
        }
        int count = counts.merge(m.actor().id(), 1, Integer::sum);
        if (best == null || count > counts.get(best.actor().id())) {
          best = m;
        }
      }
    }
    return best;
  }

  /**
   * The state the document is about, when one clearly dominates: named at least twice and more than
   * half again as often as any other. Null otherwise. Whose "army" or "police" an unqualified
   * mention is.
   */
  KnownActor dominantState() {
    Map<String, Integer> counts = new HashMap<>();
    Map<String, KnownActor> states = new HashMap<>();
    for (List<Mention> sentence : bySentence.values()) {
      for (Mention m : sentence) {
        if (m.actor() != null && "STATE".equals(m.actor().type())) {
          counts.merge(m.actor().id(), 1, Integer::sum);
          states.put(m.actor().id(), m.actor());
        }
      }
    }
    List<Map.Entry<String, Integer>> ranked =
        counts.entrySet().stream()
            .sorted(Map.Entry.comparingByValue(Comparator.reverseOrder()))
            .toList();
    if (ranked.isEmpty() || ranked.get(0).getValue() < 2) {
      return null;
    }
    boolean clear =
        ranked.size() == 1 || ranked.get(0).getValue() * 2 > ranked.get(1).getValue() * 3;
    return clear ? states.get(ranked.get(0).getKey()) : null;
  }

  int provisionalCount(String id) {
    return provisionalCounts.getOrDefault(id, 0);
  }

  /**
   * Whether a mention names an actor that may take part in events: a known actor, or an unknown
   * name with political standing: a person named with a title somewhere in the text ("Deputy
   * Minister X"), an organisation whose name has a political word ("X Brigade"). Without this a
   * sports or business story ("Tesla warned", "Flick criticised the referee") would make events.
   */
  boolean canAct(Mention m) {
    return m.actor() != null
        || (m.provisionalId() != null && provisionalPolitical.contains(m.provisionalId()));
  }

  ProvisionalActor provisional(String id) {
    return new ProvisionalActor(
        id, provisionalNames.get(id), provisionalTypes.get(id), provisionalCountries.get(id));
  }

  KnownActor known(String id) {
    return gazetteer.actor(id);
  }

  /** Resolves the names of the next sentence; {@code triggerTokens} marks event trigger tokens. */
  List<Mention> find(AnalyzedSentence sentence, boolean[] triggerTokens) {
    List<Token> tokens = sentence.tokens();
    List<Mention> out = new ArrayList<>();
    boolean[] covered = new boolean[tokens.size()];
    for (int i = 0; i < tokens.size(); ) {
      ActorGazetteer.Hit hit = longest(gazetteer.match(tokens, i), introduced.match(tokens, i));
      if (hit == null) {
        i++;
        continue;
      }
      for (int k = hit.first(); k <= hit.last(); k++) {
        covered[k] = true;
      }
      learnAcronym(tokens, hit);
      Mention mention = resolve(sentence, hit, triggerTokens);
      if (mention != null) {
        out.add(mention);
        for (int k = mention.first(); k <= mention.last(); k++) {
          covered[k] = true;
        }
        if (mention.actor() != null && "PERSON".equals(mention.actor().type())) {
          learnSurname(mention.actor());
        }
      }
      i = Math.max(hit.last(), mention == null ? hit.last() : mention.last()) + 1;
    }
    out.addAll(namedEntities(sentence, covered));
    out.sort(java.util.Comparator.comparingInt(Mention::first));
    bySentence.put(sentence.index(), out);
    noteIdentification(sentence, out);
    return out;
  }

  /**
   * "The FBI identified the suspected gunman as X", "X has been identified as the assailant": the
   * person a sentence identifies as a perpetrator is who "the gunman" and "a shooter" of the story
   * are. Being identified so gives an unknown person the standing to act in events.
   */
  private void noteIdentification(AnalyzedSentence sentence, List<Mention> found) {
    List<Token> tokens = sentence.tokens();
    boolean identifies = tokens.stream().anyMatch(t -> lower(t.lemma()).equals("identify"));
    boolean perpetrator =
        tokens.stream().anyMatch(t -> lexicon.perpetratorNouns().contains(lower(t.lemma())));
    if (perpetrator && identifies && identifiedPerpetrator == null) {
      for (Mention m : found) {
        if ("PERSON".equals(m.nerType()) && m.last() > m.first()) {
          identifiedPerpetrator = m;
          if (m.provisionalId() != null) {
            provisionalPolitical.add(m.provisionalId());
          }
          return;
        }
      }
    }
  }

  /** The person the text identifies as the perpetrator, or null. */
  Mention identifiedPerpetrator() {
    return identifiedPerpetrator;
  }

  private static ActorGazetteer.Hit longest(ActorGazetteer.Hit a, ActorGazetteer.Hit b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return b.last() > a.last() ? b : a;
  }

  /** "Islamic State Khorasan (IS-K)": the bracketed acronym names the same actor from now on. */
  private void learnAcronym(List<Token> tokens, ActorGazetteer.Hit hit) {
    int open = hit.last() + 1;
    if (hit.entry().kind() != ActorGazetteer.Kind.ALIAS || open + 2 >= tokens.size()) {
      return;
    }
    String acronym = tokens.get(open + 1).word();
    if (isOpenBracket(tokens.get(open).word())
        && isCloseBracket(tokens.get(open + 2).word())
        && acronym.length() >= 2
        && acronym.length() <= 10
        && acronym.chars().anyMatch(Character::isUpperCase)
        && acronym.chars().noneMatch(Character::isLowerCase)) {
      introduced.add(acronym, hit.entry().actor(), ActorGazetteer.Kind.ALIAS);
    }
  }

  /**
   * A known person named in full may be named again by the family name alone: the last name, or the
   * first where names put the family name first ("Kim Jong Un" → "Kim", rules/&lt;lang&gt;/
   * family-name-first.txt lists the countries). A family name two people of the text share names
   * neither.
   */
  private void learnSurname(KnownActor person) {
    List<String> pieces = ActorGazetteer.pieces(person.name());
    if (pieces.size() < 2) {
      return;
    }
    boolean familyFirst =
        person.country() != null && lexicon.familyNameFirst().contains(lower(person.country()));
    String family = familyFirst ? pieces.get(0) : pieces.get(pieces.size() - 1);
    String known = learnedSurnames.putIfAbsent(family, person.id());
    if (known == null) {
      introduced.add(family, person, ActorGazetteer.Kind.ALIAS);
    }
  }

  private static boolean isOpenBracket(String word) {
    return word.equals("(") || word.equals("-LRB-");
  }

  private static boolean isCloseBracket(String word) {
    return word.equals(")") || word.equals("-RRB-");
  }

  private Mention resolve(AnalyzedSentence sentence, ActorGazetteer.Hit hit, boolean[] triggers) {
    List<Token> tokens = sentence.tokens();
    KnownActor actor = hit.entry().actor();
    int first = hit.first();
    int last = hit.last();
    switch (hit.entry().kind()) {
      case ALIAS -> {
        // "the Sea of Japan", "the Gulf of Aden": a place named after a country is no actor
        if (first >= 2
            && lower(tokens.get(first - 1).word()).equals("of")
            && GEOGRAPHIC_FEATURES.contains(lower(tokens.get(first - 2).lemma()))) {
          return place(sentence, first - 2, last, null);
        }
        return mention(sentence, first, last, nerType(actor), actor, null);
      }
      case DEMONYM -> {
        if (titleBeforeName(tokens, last + 1)) {
          return null;
        }
        // "Russian authorities", "Russian security forces", "Indian and Chinese troops"
        for (int k = last + 1; k <= Math.min(last + 4, tokens.size() - 1); k++) {
          Token next = tokens.get(k);
          if (next.isNoun() && isAgentNoun(next)) {
            return mention(sentence, first, k == last + 1 ? k : last, nerType(actor), actor, null);
          }
          if (triggers[k] && next.isNoun()) {
            return mention(sentence, first, last, nerType(actor), actor, null);
          }
          boolean modifier = next.tag().startsWith("JJ") || next.tag().equals("NNP");
          boolean coordination = next.tag().equals("CC") || next.word().equals(",");
          if (!modifier && !coordination && !next.isNoun()) {
            break;
          }
        }
        return null;
      }
      default -> {
        if (titleBeforeName(tokens, last + 1)) {
          return null;
        }
        return actsAsActor(tokens, first, last)
            ? mention(sentence, first, last, nerType(actor), actor, null)
            : place(sentence, first, last, actor.country());
      }
    }
  }

  /** CoreNLP leaves some plurals unlemmatised ("troops"), so the plain singular counts too. */
  private boolean isAgentNoun(Token token) {
    String lemma = lower(token.lemma());
    return lexicon.agentNouns().contains(lemma)
        || (lemma.endsWith("s")
            && lexicon.agentNouns().contains(lemma.substring(0, lemma.length() - 1)));
  }

  /**
   * A metonym acts when it is the subject of a verb ("Moscow removed", "the Kremlin said"), owns
   * something ("Moscow's policy") or is a passive agent ("by Moscow"); otherwise it is a place.
   */
  private static boolean actsAsActor(List<Token> tokens, int first, int last) {
    if (first > 0) {
      String before = lower(tokens.get(first - 1).word());
      int k = first - 1;
      if (before.equals("the") && k > 0) {
        before = lower(tokens.get(k - 1).word());
      }
      if (before.equals("by")) {
        return true;
      }
      if (PLACE_PREPOSITIONS.contains(before)) {
        // "a step towards Moscow normalising ties": the subject of a gerund acts; other
        // prepositions keep their place ("in Moscow killing", "the outskirts of Moscow killing")
        return GERUND_SUBJECT_PREPOSITIONS.contains(before)
            && last + 1 < tokens.size()
            && tokens.get(last + 1).tag().equals("VBG");
      }
    }
    for (int k = last + 1; k < tokens.size(); k++) {
      Token next = tokens.get(k);
      if (ActorGazetteer.word(next).equals("'s")) {
        return true;
      }
      if (next.tag().equals("RB")) {
        continue;
      }
      return next.isVerb();
    }
    return false;
  }

  /** Titles then a person's name: "President Vladimir Putin", "spokesman Dmitry Peskov". */
  private boolean titleBeforeName(List<Token> tokens, int start) {
    int k = start;
    while (k < tokens.size() && lexicon.titles().contains(lower(tokens.get(k).word()))) {
      k++;
    }
    if (k == start || k >= tokens.size()) {
      return false;
    }
    Token next = tokens.get(k);
    if (next.ner().equals("PERSON")) {
      return true;
    }
    ActorGazetteer.Hit hit = longest(gazetteer.match(tokens, k), introduced.match(tokens, k));
    return hit != null && "PERSON".equals(hit.entry().actor().type());
  }

  private Mention mention(
      AnalyzedSentence sentence,
      int first,
      int last,
      String nerType,
      KnownActor actor,
      String provisionalId) {
    return new Mention(
        sentence.index(),
        first,
        last,
        sentence.span(first, last),
        nerType,
        actor,
        provisionalId,
        false,
        actor == null ? null : actor.country());
  }

  private static Mention place(AnalyzedSentence sentence, int first, int last, String country) {
    return new Mention(
        sentence.index(),
        first,
        last,
        sentence.span(first, last),
        "LOCATION",
        null,
        null,
        true,
        country);
  }

  static String nerType(KnownActor actor) {
    return switch (actor.type()) {
      case "PERSON" -> "PERSON";
      case "STATE" -> "COUNTRY";
      default -> "ORGANIZATION";
    };
  }

  /**
   * "The Free Coastal Front (FCF)": capitalised words followed by a bracketed acronym of their
   * initials name an organisation, whether or not the NER model saw it.
   */
  private List<Mention> definedAcronyms(AnalyzedSentence sentence, boolean[] covered) {
    List<Token> tokens = sentence.tokens();
    List<Mention> out = new ArrayList<>();
    for (int open = 1; open + 2 < tokens.size(); open++) {
      String acronym = tokens.get(open + 1).word();
      if (!isOpenBracket(tokens.get(open).word())
          || !isCloseBracket(tokens.get(open + 2).word())
          || acronym.length() < 2
          || !acronym.chars().allMatch(Character::isUpperCase)) {
        continue;
      }
      int first = open;
      int letters = 0;
      StringBuilder initials = new StringBuilder();
      for (int k = open - 1; k >= 0 && !covered[k]; k--) {
        String word = tokens.get(k).word();
        if (Character.isUpperCase(word.charAt(0))) {
          initials.insert(0, word.charAt(0));
          letters++;
          first = k;
        } else if (!Set.of("of", "for", "and", "the").contains(word) || letters == 0) {
          break;
        }
        if (initials.toString().equals(acronym)) {
          break;
        }
      }
      if (first < open && initials.toString().equals(acronym)) {
        String name =
            String.join(" ", tokens.subList(first, open).stream().map(Token::word).toList());
        String id = slug(name);
        provisionalCounts.merge(id, 1, Integer::sum);
        provisionalNames.putIfAbsent(id, name);
        provisionalTypes.putIfAbsent(id, "ORGANIZATION");
        provisionalAcronyms.putIfAbsent(acronym, id);
        judgeOrganisation(id, name);
        out.add(mention(sentence, first, open - 1, "ORGANIZATION", null, id));
        for (int k = first; k <= open - 1; k++) {
          covered[k] = true;
        }
      }
    }
    return out;
  }

  /** Places and unknown people and organisations that CoreNLP found and the registry did not. */
  private List<Mention> namedEntities(AnalyzedSentence sentence, boolean[] covered) {
    List<Token> tokens = sentence.tokens();
    List<Mention> out = definedAcronyms(sentence, covered);
    int i = 0;
    while (i < tokens.size()) {
      String ner = tokens.get(i).ner();
      String acronymOf = covered[i] ? null : provisionalAcronyms.get(tokens.get(i).word());
      if (acronymOf != null) {
        provisionalCounts.merge(acronymOf, 1, Integer::sum);
        out.add(mention(sentence, i, i, provisionalTypes.get(acronymOf), null, acronymOf));
        i++;
        continue;
      }
      if (!PLACE_NER.contains(ner) && !NAME_NER.contains(ner)) {
        i++;
        continue;
      }
      int end = i;
      while (end + 1 < tokens.size() && tokens.get(end + 1).ner().equals(ner)) {
        end++;
      }
      int first = i;
      while (first <= end && tokens.get(first).tag().equals("DT")) {
        first++;
      }
      boolean free = true;
      for (int k = i; k <= end; k++) {
        free &= !covered[k];
      }
      if (free && first <= end) {
        Mention mention =
            PLACE_NER.contains(ner)
                ? place(sentence, first, end, null)
                : unknownName(sentence, first, end, ner);
        if (mention != null) {
          out.add(mention);
        }
      }
      i = end + 1;
    }
    return out;
  }

  private Mention unknownName(AnalyzedSentence sentence, int first, int last, String ner) {
    List<Token> tokens = sentence.tokens();
    StringBuilder name = new StringBuilder();
    for (int k = first; k <= last; k++) {
      Token token = tokens.get(k);
      String word = token.word();
      boolean connector = word.equals("of") || word.equals("and") || word.equals("for");
      if (!connector && !Character.isUpperCase(word.charAt(0))) {
        return null;
      }
      if (k > first) {
        name.append(' ');
      }
      name.append(word);
    }
    boolean knownSurname = first == last && surnames.containsKey(name.toString());
    if (first == last
        && !knownSurname
        && (GENERIC.contains(lower(tokens.get(first).word())) || first == 0)) {
      return null;
    }
    if (tokens.get(last).word().length() < 2) {
      return null;
    }
    String plain = name.toString().replaceFirst("^(?i)the ", "").toLowerCase(Locale.ROOT);
    if (lexicon.nonActors().contains(plain)) {
      return null;
    }
    String id = provisionalAcronyms.getOrDefault(name.toString(), slug(name.toString()));
    if (ner.equals("PERSON") && first == last) {
      // "Haddad" after "Karim Haddad": the same person, by the surname
      id = surnames.getOrDefault(name.toString(), id);
    }
    if (id.isEmpty()) {
      return null;
    }
    KnownActor known = gazetteer.actor(id);
    if (known != null) {
      return mention(sentence, first, last, nerType(known), known, null);
    }
    provisionalCounts.merge(id, 1, Integer::sum);
    provisionalNames.putIfAbsent(id, name.toString());
    provisionalTypes.putIfAbsent(id, ner);
    if (ner.equals("PERSON") && first < last) {
      surnames.putIfAbsent(tokens.get(last).word(), id);
    }
    if (last + 3 < tokens.size()
        && isOpenBracket(tokens.get(last + 1).word())
        && isCloseBracket(tokens.get(last + 3).word())) {
      String acronym = tokens.get(last + 2).word();
      if (acronym.length() >= 2 && acronym.chars().noneMatch(Character::isLowerCase)) {
        provisionalAcronyms.putIfAbsent(acronym, id);
      }
    }
    if (ner.equals("PERSON")) {
      String country = titleCountry(sentence, first);
      if (country != null) {
        provisionalCountries.putIfAbsent(id, country);
      }
      if (first > 0 && lexicon.titles().contains(lower(tokens.get(first - 1).word()))) {
        provisionalPolitical.add(id);
      }
    } else {
      judgeOrganisation(id, plain);
    }
    return mention(sentence, first, last, ner, null, id);
  }

  private void judgeOrganisation(String id, String name) {
    if (Arrays.stream(lower(name).split("[^\\p{L}]+"))
        .anyMatch(lexicon.politicalNames()::contains)) {
      provisionalPolitical.add(id);
    }
  }

  /** The country of a titled person: "Kremlin spokesman X", "Turkish Foreign Minister X". */
  private String titleCountry(AnalyzedSentence sentence, int nameStart) {
    List<Token> tokens = sentence.tokens();
    int k = nameStart - 1;
    while (k >= 0 && lexicon.titles().contains(lower(tokens.get(k).word()))) {
      k--;
    }
    if (k == nameStart - 1 || k < 0) {
      return null;
    }
    for (int start = Math.max(0, k - 3); start <= k; start++) {
      ActorGazetteer.Hit hit = gazetteer.match(tokens, start);
      if (hit != null && hit.last() == k) {
        return hit.entry().actor().country();
      }
    }
    return null;
  }

  static String slug(String name) {
    String ascii =
        Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('’', '\'');
    return ascii
        .toLowerCase(Locale.ROOT)
        .replace("'s", "")
        .replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
