package org.newsgraph.entity.extraction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newsgraph.common.cameo.CameoRoot;
import org.newsgraph.entity.nlp.AnalyzedSentence;
import org.newsgraph.entity.nlp.AnalyzedText;
import org.newsgraph.entity.nlp.Dependency;
import org.newsgraph.entity.nlp.TimeExpression;
import org.newsgraph.entity.nlp.Token;

/**
 * Builds events from the triggers of a document: roles from the dependency parse, the event's own
 * date, place, casualty figures and factuality from its sentence.
 */
final class EventFinder {

  /**
   * Nouns that stand for an armed group ("the group", "militants", "rebels"), read from
   * rules/&lt;lang&gt;/group-nouns.txt; the parse gate reads the same list.
   */
  private final Set<String> groupNouns;

  private final EventDating dating;
  private final ClauseCues cues;

  /** Nouns for the doer of an act of violence ("gunman", "assailant"), rules/&lt;lang&gt;. */
  private final Set<String> perpetratorNouns;

  /** Nouns for a state's forces and authorities ("the army", "police"), rules/&lt;lang&gt;. */
  private final Set<String> stateForceNouns;

  EventFinder(WordClasses words) {
    this.groupNouns = words.get("group-nouns");
    this.dating = new EventDating(words.get("time-limits"));
    this.cues = new ClauseCues(words);
    this.perpetratorNouns = words.get("perpetrator-nouns");
    this.stateForceNouns = words.get("state-force-nouns");
    this.supportVerbs = words.get("support-verbs");
    this.causativeVerbs = words.get("causative-verbs");
    this.attributionVerbs = words.get("attribution-verbs");
    this.receiveVerbs = words.get("receive-verbs");
    this.verbTargetCases = words.get("verb-target-cases");
    this.nounTargetCases = words.get("noun-target-cases");
    this.patientPossessor = words.get("patient-possessor");
    this.listNouns = words.get("list-nouns");
    this.bodyNouns = words.get("body-nouns");
    this.quantifiers = words.get("quantifiers");
    this.anaphoric = words.get("anaphoric");
  }

  /** Verbs whose object is an event the subject performs ("carried out an attack"). */
  private final Set<String> supportVerbs;

  /**
   * Verbs whose object is an event their subject caused but did not perform: the cause is what the
   * event answers ("the government raised fuel prices, sparking protests": the protests are against
   * it).
   */
  private final Set<String> causativeVerbs;

  /** Verbs that name who performed an event ("attributed to X", "claimed by X"). */
  private final Set<String> attributionVerbs;

  private final Set<String> receiveVerbs;
  private final Set<String> verbTargetCases;
  private final Set<String> nounTargetCases;

  /** Nominal triggers whose possessor undergoes the event: "the group's delisting". */
  private final Set<String> patientPossessor;

  /** Legal acts whose passive form names the state that took them by its place: "banned in X". */
  private static final Set<CameoRoot> JURISDICTION_ROOTS =
      Set.of(CameoRoot.COERCE, CameoRoot.REDUCE_RELATIONS, CameoRoot.YIELD);

  private final Set<String> listNouns;

  private final Set<String> bodyNouns;

  /** Determiners and modifiers that make a subject a quantity, not an actor: "no nation". */
  private final Set<String> quantifiers;

  /** Determiners that point back to an event already told: "this assault", "the attack". */
  private final Set<String> anaphoric;

  /** One trigger's event while it is being built. */
  private static final class Draft {
    final AnalyzedSentence sentence;
    final TriggerLexicon.Match trigger;
    final CameoRoot root;
    final Map<String, ActorRef> sources = new LinkedHashMap<>();
    final Map<String, ActorRef> targets = new LinkedHashMap<>();
    EventDate date;
    Place place;
    Figure fatalities;
    Figure injuries;
    Factuality factuality = Factuality.ASSERTED;
    boolean unreported;
    boolean genericSubject;
    boolean background;

    Draft(AnalyzedSentence sentence, TriggerLexicon.Match trigger) {
      this.sentence = sentence;
      this.trigger = trigger;
      this.root = trigger.entry().root();
    }
  }

  /**
   * @param publishedAt the publication date, which dates what the text does not date itself; null
   *     when unknown
   * @param anchor what relative dates ("on Tuesday") count from: the publication date, else a date
   *     the text names; null when neither is known
   */
  List<LabelledEvent> find(
      AnalyzedText text,
      Map<Integer, List<TriggerLexicon.Match>> triggers,
      MentionFinder mentions,
      LocalDate publishedAt,
      LocalDate anchor,
      Set<String> usedProvisional) {
    LocalDate reference = anchor != null ? anchor : dating.latestDate(text);
    List<Draft> drafts = new ArrayList<>();
    for (AnalyzedSentence sentence : text.sentences()) {
      List<Draft> inSentence = new ArrayList<>();
      List<TriggerLexicon.Match> found = triggers.getOrDefault(sentence.index(), List.of());
      Map<TimeExpression, Integer> owner = dating.timeOwners(sentence, found);
      for (TriggerLexicon.Match trigger : found) {
        Draft draft = new Draft(sentence, trigger);
        if (sentence.parsed()) {
          roles(draft, mentions);
        }
        draft.date = dating.date(sentence, trigger.head(), publishedAt, anchor, owner);
        draft.place = place(sentence, trigger.head(), draft.root.violent(), mentions);
        draft.factuality = cues.factuality(sentence, trigger);
        draft.unreported =
            cues.aspiration(sentence, trigger)
                || (draft.root.violent() && cues.naturalCause(sentence, trigger));
        draft.background = cues.background(sentence, trigger);
        merge(inSentence, draft);
      }
      Casualties.Found figures = Casualties.find(sentence);
      for (Draft draft : inSentence) {
        if (draft.root.violent()) {
          draft.fatalities = figures.fatalities();
          draft.injuries = figures.injuries();
          break;
        }
      }
      drafts.addAll(inSentence);
    }
    attributeClaims(drafts);
    List<Draft> kept = new ArrayList<>();
    for (Draft draft : drafts) {
      draft.targets.keySet().removeAll(draft.sources.keySet());
      if (draft.unreported) {
        continue;
      }
      if (anaphoric(draft) && resolveAnaphor(kept, draft)) {
        continue;
      }
      if (reported(draft)) {
        kept.add(draft);
      }
    }
    List<LabelledEvent> events = new ArrayList<>();
    for (Draft draft : kept) {
      for (ActorRef ref : draft.sources.values()) {
        usedProvisional.add(ref.actorId());
      }
      for (ActorRef ref : draft.targets.values()) {
        usedProvisional.add(ref.actorId());
      }
      events.add(
          new LabelledEvent(
              toEvent(text.text(), draft, reference),
              draft.trigger.entry().lemmas(),
              draft.sentence));
    }
    return events;
  }

  /**
   * Whether a draft is worth an event. Precision first: an event needs the actor who performed it,
   * unless it is violence with a figure or a place; a generic mention ("safeguarding against
   * cross-border attacks") or an act whose subject is a quantity ("no nation recognises") is none.
   */
  private boolean reported(Draft draft) {
    boolean figures = draft.fatalities != null || draft.injuries != null;
    boolean violentFact = draft.root.violent() && (figures || draft.place != null);
    // crowds are generic ("tens of thousands marched in Bratislava"): a protest with a place, a
    // date of its own or someone it answers is reported without a named protester
    boolean crowdFact =
        draft.root == CameoRoot.PROTEST
            && (draft.place != null || draft.date.fromText() || !draft.targets.isEmpty());
    if (draft.sources.isEmpty() && !violentFact && !crowdFact) {
      return false;
    }
    if (draft.sources.isEmpty() && draft.genericSubject) {
      return false;
    }
    return !(draft.sources.isEmpty() && !figures && !draft.date.fromText() && bareNoun(draft));
  }

  /** A nominal trigger in the plural with no determiner, possessor or number: "attacks". */
  private boolean bareNoun(Draft draft) {
    Token head = draft.sentence.tokens().get(draft.trigger.head());
    return head.tag().startsWith("NNS")
        && determiner(draft.sentence, draft.trigger.first(), draft.trigger.head()) == null;
  }

  /** A nominal trigger that names no performer but points back: "this assault", "the attack". */
  private boolean anaphoric(Draft draft) {
    AnalyzedSentence s = draft.sentence;
    if (!draft.sources.isEmpty() || !s.tokens().get(draft.trigger.head()).isNoun()) {
      return false;
    }
    String det = determiner(s, draft.trigger.first(), draft.trigger.head());
    return det != null && anaphoric.contains(det);
  }

  /**
   * The determiner of a nominal trigger ("the", "this", a possessive or a number), or null: from
   * the parse when there is one, else the words before the noun phrase's modifiers.
   */
  private String determiner(AnalyzedSentence s, int first, int head) {
    if (s.parsed()) {
      for (Dependency d : s.children(head)) {
        if (Set.of("det", "nmod:poss", "nummod").contains(d.relation())) {
          return lower(s.tokens().get(d.dependent()).word());
        }
      }
      return null;
    }
    for (int k = first - 1; k >= 0; k--) {
      Token t = s.tokens().get(k);
      if (t.tag().equals("DT") || t.tag().equals("PRP$") || t.tag().equals("CD")) {
        return lower(t.word());
      }
      if (t.tag().equals("POS")) {
        return "'s";
      }
      boolean modifier =
          t.tag().startsWith("JJ") || t.tag().startsWith("NN") || t.tag().equals("HYPH");
      if (!modifier) {
        return null;
      }
    }
    return null;
  }

  /**
   * "IS-K fighters carried out an attack ... This assault marked ...": a definite nominal without a
   * performer refers to the latest event of its kind told before it. It is that event again, so it
   * is dropped, unless it adds figures ("The attack killed 12 people"): then it stays as a report
   * of that event with its performers, whose evidence is the anaphor itself.
   *
   * @return true when the anaphor is dropped
   */
  private boolean resolveAnaphor(List<Draft> kept, Draft anaphor) {
    for (int k = kept.size() - 1; k >= 0; k--) {
      Draft antecedent = kept.get(k);
      boolean sameKind =
          antecedent.root == anaphor.root || (antecedent.root.violent() && anaphor.root.violent());
      if (!sameKind) {
        continue;
      }
      boolean agrees =
          antecedent.factuality == anaphor.factuality
              && antecedent.background == anaphor.background
              && compatible(antecedent.targets, anaphor.targets)
              && !(antecedent.date.fromText()
                  && anaphor.date.fromText()
                  && !antecedent.date.date().equals(anaphor.date.date()));
      if (!agrees) {
        return false;
      }
      if (anaphor.fatalities == null && anaphor.injuries == null) {
        return true;
      }
      Span evidence = anaphor.sentence.span(anaphor.trigger.first(), anaphor.trigger.last());
      antecedent.sources.forEach(
          (id, ref) -> anaphor.sources.putIfAbsent(id, new ActorRef(id, evidence)));
      return false;
    }
    return false;
  }

  private ExtractedEvent toEvent(String text, Draft draft, LocalDate reference) {
    AnalyzedSentence sentence = draft.sentence;
    Span trigger = sentence.span(draft.trigger.first(), draft.trigger.last());
    boolean historical =
        draft.background
            || (draft.date.fromText()
                && reference != null
                && EventDates.end(draft.date).isBefore(reference.minusYears(1)));
    double confidence = 0.3;
    confidence += draft.sources.isEmpty() ? 0 : 0.25;
    confidence += draft.targets.isEmpty() ? 0 : 0.15;
    confidence += sentence.parsed() ? 0.1 : 0;
    confidence += draft.date.fromText() ? 0.05 : 0;
    confidence += draft.place != null ? 0.05 : 0;
    confidence += draft.fatalities != null || draft.injuries != null ? 0.05 : 0;
    return new ExtractedEvent(
        draft.root.code(),
        trigger,
        trigger.of(text),
        sentence.span(),
        List.copyOf(draft.sources.values()),
        List.copyOf(draft.targets.values()),
        draft.date,
        draft.place,
        draft.fatalities,
        draft.injuries,
        draft.factuality,
        historical,
        Math.min(0.95, confidence));
  }

  /**
   * Two triggers of one kind in one sentence with compatible roles are one event: "attack ...
   * stormed ... killing", "met in Hiroshima to discuss". Roles that differ keep events apart.
   */
  private void merge(List<Draft> inSentence, Draft draft) {
    for (Draft other : inSentence) {
      // several words for one act of violence in one sentence ("attack ... stormed ... killing");
      // other kinds of events in one sentence stay apart, they often differ in their roles
      boolean sameKind = other.root == draft.root || (other.root.violent() && draft.root.violent());
      boolean same =
          sameKind
              && compatible(other.sources, draft.sources)
              && compatible(other.targets, draft.targets);
      if (same) {
        draft.sources.forEach(other.sources::putIfAbsent);
        draft.targets.forEach(other.targets::putIfAbsent);
        if (!other.date.fromText() && draft.date.fromText()) {
          other.date = draft.date;
        }
        if (other.place == null) {
          other.place = draft.place;
        }
        if (other.factuality == Factuality.ASSERTED) {
          other.factuality = draft.factuality;
        }
        return;
      }
    }
    inSentence.add(draft);
  }

  private boolean compatible(Map<String, ActorRef> a, Map<String, ActorRef> b) {
    return a.isEmpty() || b.isEmpty() || a.keySet().equals(b.keySet());
  }

  /**
   * "X claimed responsibility for the attack": X is the perpetrator of the attack the claim refers
   * to, the closest earlier violent event without a known perpetrator.
   */
  private void attributeClaims(List<Draft> drafts) {
    for (int i = 0; i < drafts.size(); i++) {
      Draft claim = drafts.get(i);
      if (!claim.root.equals(CameoRoot.MAKE_PUBLIC_STATEMENT)
          || !claim.trigger.entry().lemmas().contains("responsibility")
          || claim.sources.isEmpty()) {
        continue;
      }
      // the act claimed in the same sentence ("claimed responsibility for a drone attack"), else
      // the latest one told before
      Draft claimed = null;
      for (int j = i + 1; j < drafts.size() && claimed == null; j++) {
        Draft attack = drafts.get(j);
        if (attack.sentence.index() != claim.sentence.index()) {
          break;
        }
        claimed = attack.root.violent() && attack.sources.isEmpty() ? attack : null;
      }
      for (int j = i; j >= 0 && claimed == null; j--) {
        Draft attack = drafts.get(j);
        if (claim.sentence.index() - attack.sentence.index() > 3) {
          break;
        }
        claimed = attack.root.violent() && attack.sources.isEmpty() ? attack : null;
      }
      if (claimed != null) {
        claim.sources.forEach(claimed.sources::putIfAbsent);
      }
    }
  }

  // ---------------------------------------------------------------- roles

  private void roles(Draft draft, MentionFinder mentions) {
    AnalyzedSentence s = draft.sentence;
    int head = draft.trigger.head();
    Token token = s.tokens().get(head);
    if (token.tag().startsWith("VB")) {
      verbRoles(draft, s, head, mentions);
    } else {
      nounRoles(draft, s, head, mentions);
    }
  }

  private void verbRoles(Draft draft, AnalyzedSentence s, int head, MentionFinder mentions) {
    List<Dependency> children = s.children(head);
    boolean passive =
        children.stream()
            .anyMatch(d -> d.relation().equals("nsubj:pass") || d.relation().equals("aux:pass"));
    for (Dependency d : children) {
      String rel = d.relation();
      if (passive) {
        if (isAgent(rel)) {
          add(draft.sources, s, d.dependent(), mentions);
        } else if (rel.equals("nsubj:pass")) {
          add(draft.targets, s, d.dependent(), mentions);
        }
      } else if (rel.equals("nsubj") || rel.equals("nsubj:xsubj")) {
        add(draft.sources, s, d.dependent(), mentions);
        draft.genericSubject |= quantified(s, d.dependent(), mentions);
      } else if (rel.equals("obj") || rel.equals("iobj")) {
        add(draft.targets, s, d.dependent(), mentions);
      }
    }
    // "lifted its ban on X", "held talks with X": the object is part of the trigger, the target
    // hangs from it
    for (Dependency d : children) {
      boolean inTrigger =
          d.dependent() >= draft.trigger.first() && d.dependent() <= draft.trigger.last();
      if (inTrigger && (d.relation().equals("obj") || d.base().equals("obl"))) {
        for (Dependency m : s.children(d.dependent())) {
          if (m.base().equals("nmod")
              && (nounTargetCases.contains(m.specifier()) || m.specifier().equals("of"))) {
            add(draft.targets, s, m.dependent(), mentions);
          }
        }
      }
    }
    if (draft.targets.isEmpty()) {
      for (Dependency d : children) {
        if (d.base().equals("obl") && verbTargetCases.contains(d.specifier())) {
          add(draft.targets, s, d.dependent(), mentions);
        }
      }
    }
    if (passive && draft.sources.isEmpty()) {
      // "designated as a terrorist movement by Russia": the parser often hangs the agent on the
      // predicate noun instead of the verb
      for (Dependency d : children) {
        if (d.relation().equals("obl:as") || d.relation().equals("xcomp")) {
          for (Dependency m : s.children(d.dependent())) {
            if (m.relation().equals("nmod:by") || m.relation().equals("nmod:agent")) {
              add(draft.sources, s, m.dependent(), mentions);
            }
          }
        }
      }
    }
    if (passive && draft.sources.isEmpty() && JURISDICTION_ROOTS.contains(draft.root)) {
      for (Dependency d : children) {
        Mention m = mentionAt(s, d.dependent(), mentions);
        if (d.relation().equals("obl:in") && m != null && isState(m)) {
          add(draft.sources, s, d.dependent(), mentions);
        }
      }
    }
    // controlled and coordinated verbs take their subject from the governing verb; a passive
    // verb's subject is its target, so it takes none; a clause with a subject of its own ("As no
    // nation recognises X, Russia ...") never takes another clause's actor
    boolean ownSubject =
        children.stream().anyMatch(d -> Set.of("nsubj", "csubj", "expl").contains(d.base()));
    int current = head;
    for (int hop = 0; hop < 3 && draft.sources.isEmpty() && !passive && !ownSubject; hop++) {
      Dependency up = governing(s, current, "xcomp", "conj", "advcl", "acl", "ccomp");
      if (up == null || up.governor() < 0) {
        break;
      }
      int governor = up.governor();
      // "accused Russia of shelling", "blamed the army for attacking", "condemned X for ...": the
      // object of the accusation is the doer of the act, not its subject
      if (Set.of("advcl", "acl").contains(up.base())
          && Set.of("of", "for", "with").contains(up.specifier())) {
        for (Dependency d : s.children(governor)) {
          if (d.relation().equals("obj")) {
            add(draft.sources, s, d.dependent(), mentions);
          }
        }
        if (!draft.sources.isEmpty()) {
          break;
        }
      }
      if (up.relation().equals("acl")) {
        // "the prospect of Russia removing the Taliban", "Russia, removing ..."
        add(draft.sources, s, governor, mentions);
        break;
      }
      boolean infinitive =
          s.children(current).stream()
              .anyMatch(
                  d ->
                      d.relation().equals("mark")
                          && lower(s.tokens().get(d.dependent()).word()).equals("to"));
      if (up.relation().startsWith("acl") || (up.base().equals("ccomp") && !infinitive)) {
        break;
      }
      for (Dependency d : s.children(governor)) {
        if (d.relation().equals("nsubj") || d.relation().equals("nsubj:xsubj")) {
          add(draft.sources, s, d.dependent(), mentions);
        }
      }
      current = governor;
    }
  }

  private void nounRoles(Draft draft, AnalyzedSentence s, int head, MentionFinder mentions) {
    int cause = causativeBefore(s, draft.trigger.first());
    if (cause >= 0) {
      // "..., sparking protests": the event answers the subject of the clause that caused it,
      // and names no performer
      int subject = -1;
      for (Dependency d : s.dependencies()) {
        if (d.base().equals("nsubj") && d.dependent() < cause && d.governor() < cause) {
          subject = Math.max(subject, d.dependent());
        }
      }
      if (subject >= 0) {
        add(draft.targets, s, subject, mentions);
      }
      return;
    }
    boolean violent = draft.root.violent();
    // "announced a deal between Israel and Hamas": the parties are named; who announces is not one
    boolean partiesNamed =
        s.children(head).stream().anyMatch(d -> d.relation().equals("nmod:between"));
    for (Dependency d : s.children(head)) {
      String rel = d.relation();
      String spec = d.specifier();
      if (rel.equals("nmod:poss")
          && patientPossessor.contains(lower(s.tokens().get(head).lemma()))) {
        add(draft.targets, s, d.dependent(), mentions);
      } else if (rel.equals("nmod:poss") || rel.equals("nmod:by") || rel.equals("nmod:between")) {
        // "Russia's engagement", "the attack by X", "a ceasefire between X and Y"
        add(draft.sources, s, d.dependent(), mentions);
      } else if (rel.equals("nmod:from") && mentionAt(s, d.dependent(), mentions) != null) {
        // "a rebuke from the ministry", but not "removal from its list"
        add(draft.sources, s, d.dependent(), mentions);
      } else if (rel.equals("nmod:from")
          && listNouns.contains(lower(s.tokens().get(d.dependent()).lemma()))) {
        // "the removal of X from Russia's list": who keeps the list takes X off it
        for (Dependency owner : s.children(d.dependent())) {
          if (owner.relation().equals("nmod:poss")) {
            add(draft.sources, s, owner.dependent(), mentions);
          }
        }
      } else if ((rel.equals("compound") || rel.equals("amod"))
          && mentionAt(s, d.dependent(), mentions) != null) {
        add(draft.sources, s, d.dependent(), mentions);
      } else if (d.base().equals("nmod")
          && (nounTargetCases.contains(spec) || (!violent && spec.equals("of")))) {
        add(draft.targets, s, d.dependent(), mentions);
      } else if (rel.startsWith("acl")) {
        Token verb = s.tokens().get(d.dependent());
        if (attributionVerbs.contains(lower(verb.lemma()))) {
          for (Dependency a : s.children(d.dependent())) {
            if (isAgent(a.relation())) {
              add(draft.sources, s, a.dependent(), mentions);
            }
          }
        }
      }
    }
    for (Dependency up : s.heads(head)) {
      if (up.governor() < 0) {
        continue;
      }
      int verb = up.governor();
      String lemma = lower(s.tokens().get(verb).lemma());
      String rel = up.relation();
      // "carried out an attack", "agreed to a ceasefire", "engaged in talks", "responded with
      // airstrikes": the verb's subject performs the nominal event
      if (rel.equals("obj") && causativeVerbs.contains(lemma)) {
        causeAsTarget(draft, s, verb, mentions);
        continue;
      }
      boolean supportObject =
          (rel.equals("obj") && supportVerbs.contains(lemma))
              || (up.base().equals("obl") && lemma.equals("engage"))
              || Set.of("obl:with", "obl:through", "obl:via").contains(rel)
              || (rel.equals("obl:to") && Set.of("agree", "commit", "consent").contains(lemma));
      if (supportObject) {
        for (Dependency d : s.children(verb)) {
          boolean subject = d.relation().equals("nsubj") || d.relation().equals("nsubj:xsubj");
          if (subject && !partiesNamed) {
            add(draft.sources, s, d.dependent(), mentions);
            draft.genericSubject |= quantified(s, d.dependent(), mentions);
          } else if (d.base().equals("obl") && nounTargetCases.contains(d.specifier())) {
            add(draft.targets, s, d.dependent(), mentions);
          }
        }
      } else if (rel.equals("obj") && receiveVerbs.contains(lemma)) {
        for (Dependency d : s.children(verb)) {
          if (d.relation().equals("obl:from")) {
            add(draft.sources, s, d.dependent(), mentions);
          }
        }
      } else if (rel.equals("nsubj:pass") && attributionVerbs.contains(lemma)) {
        for (Dependency d : s.children(verb)) {
          String r = d.relation();
          if (isAgent(r) || r.equals("obl:to") || r.equals("obl:on")) {
            add(draft.sources, s, d.dependent(), mentions);
          }
        }
      } else if (rel.equals("nsubj:pass") && supportVerbs.contains(lemma)) {
        // "the sanctions were imposed by Washington on Caracas", "talks were held by X"
        for (Dependency d : s.children(verb)) {
          if (isAgent(d.relation())) {
            add(draft.sources, s, d.dependent(), mentions);
          } else if (d.base().equals("obl") && nounTargetCases.contains(d.specifier())) {
            add(draft.targets, s, d.dependent(), mentions);
          }
        }
      }
    }
  }

  /**
   * The causative verb right before a nominal trigger ("sparking protests", "triggered mass
   * rallies"), over its determiners and adjectives; -1 when there is none.
   */
  private int causativeBefore(AnalyzedSentence s, int first) {
    for (int k = first - 1; k >= 0; k--) {
      Token t = s.tokens().get(k);
      if (causativeVerbs.contains(lower(t.lemma())) && t.tag().startsWith("VB")) {
        return k;
      }
      if (!(t.tag().startsWith("JJ") || t.tag().equals("DT") || t.tag().equals("CD"))) {
        return -1;
      }
    }
    return -1;
  }

  /** The subject of a causative verb, or of the clause it depends on, as the event's target. */
  private void causeAsTarget(Draft draft, AnalyzedSentence s, int verb, MentionFinder mentions) {
    int current = verb;
    for (int hop = 0; hop < 2 && draft.targets.isEmpty(); hop++) {
      for (Dependency d : s.children(current)) {
        if (d.relation().equals("nsubj")) {
          add(draft.targets, s, d.dependent(), mentions);
        }
      }
      Dependency up = governing(s, current, "advcl", "conj", "xcomp");
      if (up == null || up.governor() < 0) {
        break;
      }
      current = up.governor();
    }
  }

  /**
   * A subject that counts rather than names: "no nation", "many countries", "some officials",
   * "nobody". It is no actor, and the event takes none from elsewhere.
   */
  private boolean quantified(AnalyzedSentence s, int token, MentionFinder mentions) {
    if (mentionAt(s, token, mentions) != null) {
      return false;
    }
    if (quantifiers.contains(lower(s.tokens().get(token).word()))) {
      return true;
    }
    for (Dependency d : s.children(token)) {
      boolean modifier = d.relation().equals("det") || d.relation().equals("amod");
      if (modifier && quantifiers.contains(lower(s.tokens().get(d.dependent()).word()))) {
        return true;
      }
    }
    return false;
  }

  private boolean isAgent(String relation) {
    return relation.equals("obl:agent") || relation.equals("obl:by");
  }

  private Dependency governing(AnalyzedSentence s, int token, String... relations) {
    for (Dependency d : s.heads(token)) {
      for (String relation : relations) {
        if (d.base().equals(relation)) {
          return d;
        }
      }
    }
    return null;
  }

  /** Adds the actors a role's head word names, following conjunctions ("Russia and China"). */
  private void add(
      Map<String, ActorRef> role, AnalyzedSentence s, int token, MentionFinder mentions) {
    addOne(role, s, token, mentions);
    for (Dependency d : s.children(token)) {
      if (d.base().equals("conj")) {
        addOne(role, s, d.dependent(), mentions);
      }
    }
  }

  private void addOne(
      Map<String, ActorRef> role, AnalyzedSentence s, int token, MentionFinder mentions) {
    Mention direct = mentionAt(s, token, mentions);
    if (direct != null) {
      role.putIfAbsent(direct.actorId(), new ActorRef(direct.actorId(), direct.span()));
      // "Indian and Chinese troops": the other coordinated modifiers name actors too
      for (Dependency d : s.children(token)) {
        Mention other =
            d.relation().equals("amod") || d.relation().equals("compound")
                ? mentionAt(s, d.dependent(), mentions)
                : null;
        if (other != null) {
          role.putIfAbsent(other.actorId(), new ActorRef(other.actorId(), other.span()));
        }
      }
      return;
    }
    // "Islamic State militants", "Afghanistan's Taliban leaders", "the actions of Daesh"
    for (String relation :
        List.of("compound", "flat", "amod", "appos", "nmod:poss", "nmod:of", "nmod:from")) {
      for (Dependency d : s.children(token)) {
        if (d.relation().equals(relation)) {
          Mention m = mentionAt(s, d.dependent(), mentions);
          if (m != null) {
            role.putIfAbsent(m.actorId(), new ActorRef(m.actorId(), m.span()));
            // "Indian and Chinese troops"
            for (Dependency c : s.children(d.dependent())) {
              Mention other =
                  c.base().equals("conj") ? mentionAt(s, c.dependent(), mentions) : null;
              if (other != null) {
                role.putIfAbsent(other.actorId(), new ActorRef(other.actorId(), other.span()));
              }
            }
            return;
          }
          if (relation.equals("nmod:poss") && isPronoun(s, d.dependent())) {
            pronoun(role, s, d.dependent(), mentions);
            return;
          }
        }
      }
    }
    if (isPronoun(s, token)) {
      pronoun(role, s, token, mentions);
      return;
    }
    String lemma = lower(s.tokens().get(token).lemma());
    Mention perpetrator = mentions.identifiedPerpetrator();
    if (perpetrator != null && perpetratorNouns.contains(lemma)) {
      // "a gunman shot at ...", once the text has identified the gunman
      Span span = s.tokens().get(token).span();
      role.putIfAbsent(perpetrator.actorId(), new ActorRef(perpetrator.actorId(), span));
      return;
    }
    String type =
        groupNouns.contains(lemma)
            ? "ARMED_GROUP"
            : bodyNouns.contains(lemma) ? "GOVERNMENT_BODY" : null;
    Span span = s.tokens().get(token).span();
    if (type != null && definite(s, token)) {
      Mention antecedent = antecedent(s, token, type, mentions);
      if (antecedent != null) {
        role.putIfAbsent(antecedent.actorId(), new ActorRef(antecedent.actorId(), span));
      }
    } else if (stateForceNouns.contains(lemma) && definiteOrPlural(s, token)) {
      // "the army launched air strikes", "security forces fired": in a story about one state,
      // its forces
      KnownActor state = mentions.dominantState();
      if (state != null) {
        role.putIfAbsent(state.id(), new ActorRef(state.id(), span));
      }
    } else if (type != null && s.tokens().get(token).tag().equals("NNS")) {
      // "rebels captured the city", "militants stormed a school": a bare plural names the armed
      // group the story is about, the one it names most, wherever it names it
      Mention dominant = mentions.dominantArmedGroup();
      if (dominant != null) {
        role.putIfAbsent(dominant.actorId(), new ActorRef(dominant.actorId(), span));
      }
    }
  }

  private boolean isPronoun(AnalyzedSentence s, int token) {
    return s.tokens().get(token).tag().startsWith("PRP");
  }

  /**
   * Coreference-lite for pronouns in the same sentence: "he"/"she" name an earlier person, "it"/
   * "its"/"they"/"their" an earlier actor that is not a person, preferring the subject of an
   * earlier clause ("Pakistan denied that its forces ...", "While Moscow has yet to ..., it has
   * engaged ...") over the closest name.
   */
  private void pronoun(
      Map<String, ActorRef> role, AnalyzedSentence s, int token, MentionFinder mentions) {
    String word = lower(s.tokens().get(token).word());
    boolean person = Set.of("he", "she", "his", "her", "him").contains(word);
    boolean thing = Set.of("it", "its", "they", "their", "them").contains(word);
    if (!person && !thing) {
      return;
    }
    Mention found = null;
    for (Dependency d : s.dependencies()) {
      boolean groupSubject =
          thing
              && d.base().equals("nsubj")
              && d.dependent() < token
              && groupNouns.contains(lower(s.tokens().get(d.dependent()).lemma()));
      if (groupSubject) {
        // "rebel fighters claimed they captured ...": they are the fighters
        addOne(role, s, d.dependent(), mentions);
        return;
      }
      Mention m = d.base().equals("nsubj") ? mentionAt(s, d.dependent(), mentions) : null;
      if (m != null && m.last() < token && "PERSON".equals(m.nerType()) == person) {
        found = found == null || m.first() < found.first() ? m : found;
      }
    }
    List<Mention> list = mentions.mentions(s.index());
    for (int k = list.size() - 1; k >= 0 && found == null; k--) {
      Mention m = list.get(k);
      if (m.last() < token && mentions.canAct(m) && "PERSON".equals(m.nerType()) == person) {
        found = m;
      }
    }
    if (found != null) {
      role.putIfAbsent(
          found.actorId(), new ActorRef(found.actorId(), s.tokens().get(token).span()));
    }
  }

  private boolean definiteOrPlural(AnalyzedSentence s, int token) {
    return definite(s, token) || s.tokens().get(token).tag().equals("NNS");
  }

  private boolean definite(AnalyzedSentence s, int token) {
    for (Dependency d : s.children(token)) {
      if (d.relation().equals("det") || d.relation().equals("nmod:poss")) {
        String word = lower(s.tokens().get(d.dependent()).word());
        if (Set.of("the", "this", "that", "its", "their").contains(word)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Coreference-lite: the closest earlier actor of the type "the group" or "the ministry" names.
   */
  private Mention antecedent(AnalyzedSentence s, int token, String type, MentionFinder mentions) {
    for (int index = s.index(); index >= Math.max(0, s.index() - 5); index--) {
      List<Mention> list = mentions.mentions(index);
      for (int k = list.size() - 1; k >= 0; k--) {
        Mention m = list.get(k);
        if (index == s.index() && m.first() >= token) {
          continue;
        }
        if (m.actor() != null && type.equals(m.actor().type())) {
          return m;
        }
      }
    }
    return null;
  }

  /** The actor named at a token: a known one, or an unknown one with political standing. */
  private Mention mentionAt(AnalyzedSentence s, int token, MentionFinder mentions) {
    for (Mention m : mentions.mentions(s.index())) {
      if (m.covers(token) && mentions.canAct(m)) {
        return m;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- date, place, factuality

  /**
   * Where the event happened: for violence, the closest place near the trigger in the parse; for
   * other events only a place the trigger governs ("talks in Astana").
   */
  private Place place(AnalyzedSentence s, int head, boolean violent, MentionFinder mentions) {
    if (!s.parsed()) {
      return null;
    }
    int[] distance = ParsePaths.distances(s, head);
    Mention best = null;
    int bestScore = Integer.MAX_VALUE;
    for (Mention m : mentions.mentions(s.index())) {
      boolean locative = m.place() || (isState(m) && afterLocativePreposition(s, m.first()));
      if (!locative) {
        continue;
      }
      int d = ParsePaths.distance(distance, m.first(), m.last());
      boolean governed = false;
      for (int k = m.first(); k <= m.last(); k++) {
        for (Dependency up : s.heads(k)) {
          governed |=
              distance[Math.max(up.governor(), 0)] <= 1
                  && up.governor() >= 0
                  && Set.of("obl:in", "obl:at", "nmod:in", "nmod:at").contains(up.relation());
        }
      }
      if (violent ? d > 3 : !governed) {
        continue;
      }
      // "in Krasnogorsk, near Moscow": the place itself before its landmark; cities before states
      int score =
          d * 4
              + (afterPreposition(s, m.first(), "in", "at", "inside") ? 0 : 2)
              + (isState(m) ? 1 : 0);
      if (score < bestScore) {
        best = m;
        bestScore = score;
      }
    }
    if (best == null) {
      return null;
    }
    String country = best.country();
    if (country == null) {
      for (Mention m : mentions.mentions(s.index())) {
        if (m.place() && m.country() != null) {
          country = m.country();
          break;
        }
      }
    }
    String name =
        String.join(
            " ",
            s.tokens().subList(best.first(), best.last() + 1).stream().map(Token::word).toList());
    return new Place(name, country, best.span());
  }

  private boolean isState(Mention m) {
    return m.actor() != null && "STATE".equals(m.actor().type());
  }

  private boolean afterLocativePreposition(AnalyzedSentence s, int first) {
    return afterPreposition(s, first, "in", "at", "near", "inside", "outside", "across");
  }

  private boolean afterPreposition(AnalyzedSentence s, int first, String... words) {
    int k = first - 1;
    if (k >= 0 && lower(s.tokens().get(k).word()).equals("the")) {
      k--;
    }
    if (k < 0) {
      return false;
    }
    String before = lower(s.tokens().get(k).word());
    return Arrays.asList(words).contains(before);
  }

  private String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
