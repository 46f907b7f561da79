package org.newsgraph.entity.extraction;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.newsgraph.entity.nlp.AnalyzedSentence;
import org.newsgraph.entity.nlp.Dependency;
import org.newsgraph.entity.nlp.Token;

/**
 * What the words of a trigger's own clause say about it: whether it is hedged or negated, wanted
 * rather than done, a force of nature, or background.
 */
final class ClauseCues {

  private static final Set<String> CLAUSE_BREAKS =
      Set.of(",", ";", ":", "(", ")", "-LRB-", "-RRB-", "\"", "``", "''", "--", "—", "–");

  private final Set<String> hedges;

  /**
   * Verbs and nouns of wanting whose complement is a goal, not a report of a happening: "seeks to
   * redefine its engagement", "in a bid to end the talks". Plans and intentions ("plans to", "is
   * preparing to") stay possible events: they announce a concrete act.
   */
  private final Set<String> aspirations;

  /**
   * Forces of nature and misfortune: when one is what struck or killed, it is a disaster, not
   * violence between actors ("an earthquake struck eastern Turkey, killing 300").
   */
  private final Set<String> naturalCauses;

  /** Prepositions whose object is a goal: "a step towards normalising ties". */
  private final Set<String> goalCases;

  /** Adverbs that put an event in the background: "which it had previously classified". */
  private final Set<String> backgroundAdverbs;

  private final Set<String> backgroundPeriods;
  private final Set<String> negations;

  ClauseCues(WordClasses words) {
    this.hedges = words.get("hedges");
    this.aspirations = words.get("aspirations");
    this.naturalCauses = words.get("natural-causes");
    this.goalCases = words.get("goal-cases");
    this.backgroundAdverbs = words.get("background-adverbs");
    this.backgroundPeriods = words.get("background-periods");
    this.negations = words.get("negations");
  }

  /**
   * Hedges and negations in the trigger's own clause, before it: "may lift", "a potential removal",
   * "is considering", "did not attack", "has yet to recognise".
   */
  Factuality factuality(AnalyzedSentence s, TriggerLexicon.Match trigger) {
    List<Token> tokens = s.tokens();
    Factuality result = Factuality.ASSERTED;
    for (int k = trigger.first() - 1; k >= Math.max(0, trigger.first() - 6); k--) {
      Token token = tokens.get(k);
      String word = lower(token.word());
      if (CLAUSE_BREAKS.contains(word) || token.tag().startsWith("W")) {
        break;
      }
      String lemma = lower(token.lemma());
      if (negations.contains(word) || negations.contains(lemma)) {
        return Factuality.NEGATED;
      }
      if (word.equals("yet")
          && k + 1 < tokens.size()
          && lower(tokens.get(k + 1).word()).equals("to")) {
        return Factuality.NEGATED;
      }
      // a proper noun is no hedge: "14 May 2025"
      if ((hedges.contains(word) || hedges.contains(lemma)) && !token.tag().startsWith("NNP")) {
        result = Factuality.POSSIBLE;
      }
    }
    return result;
  }

  /**
   * A force of nature or an accident in the trigger's clause: "a storm struck", "killed in a
   * crash".
   */
  boolean naturalCause(AnalyzedSentence s, TriggerLexicon.Match trigger) {
    return naturalCauseFrom(s.tokens(), trigger.first() - 1, -1, 6)
        || naturalCauseFrom(s.tokens(), trigger.last() + 1, 1, 5);
  }

  /** Up to {@code count} tokens from {@code from} in direction {@code step}, within the clause. */
  boolean naturalCauseFrom(List<Token> tokens, int from, int step, int count) {
    for (int k = from, n = 0; n < count && k >= 0 && k < tokens.size(); k += step, n++) {
      if (CLAUSE_BREAKS.contains(lower(tokens.get(k).word()))) {
        return false;
      }
      if (naturalCauses.contains(lower(tokens.get(k).lemma()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the trigger is what an actor wants, or what is asked, rather than what happened or may
   * happen: a word of wanting in its clause before it ("seeks to redefine its engagement", "in a
   * bid to end the war"), a goal it is the object of ("a step towards Moscow normalising ties"), an
   * open question ("to see whether Moscow's engagement will influence"). Such mentions are
   * commentary on other events; counted as events they would repeat the acts they describe.
   */
  boolean aspiration(AnalyzedSentence s, TriggerLexicon.Match trigger) {
    List<Token> tokens = s.tokens();
    for (int k = trigger.first() - 1; k >= Math.max(0, trigger.first() - 6); k--) {
      Token token = tokens.get(k);
      String word = lower(token.word());
      if (word.equals("whether")) {
        return true;
      }
      if (CLAUSE_BREAKS.contains(word) || token.tag().startsWith("W")) {
        break;
      }
      if (aspirations.contains(lower(token.lemma()))
          && k + 1 < tokens.size()
          && lower(tokens.get(k + 1).word()).equals("to")) {
        return true;
      }
    }
    for (Dependency up : s.heads(trigger.head())) {
      if (goalCases.contains(up.specifier())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Background cues in the trigger's clause: "previously" or "formerly" before it ("which it had
   * previously classified"), a long period after it ("for over two decades", "for years"). The past
   * perfect alone is no cue: reported speech uses it for this week's news ("denied that its forces
   * had attacked").
   */
  boolean background(AnalyzedSentence s, TriggerLexicon.Match trigger) {
    List<Token> tokens = s.tokens();
    for (int k = trigger.first() - 1; k >= Math.max(0, trigger.first() - 6); k--) {
      String word = lower(tokens.get(k).word());
      if (CLAUSE_BREAKS.contains(word) || tokens.get(k).tag().startsWith("W")) {
        break;
      }
      if (backgroundAdverbs.contains(word)) {
        return true;
      }
    }
    for (int k = trigger.last() + 1; k < Math.min(tokens.size(), trigger.last() + 10); k++) {
      String word = lower(tokens.get(k).word());
      if (CLAUSE_BREAKS.contains(word)) {
        break;
      }
      if (!word.equals("for")) {
        continue;
      }
      // "for over two decades", "for more than 20 years", "for years"; but "banned for five years"
      // is a sentence being passed now
      boolean over = false;
      boolean counted = false;
      for (int j = k + 1; j < Math.min(tokens.size(), k + 6); j++) {
        String next = lower(tokens.get(j).word());
        if (backgroundPeriods.contains(next)) {
          return over || !counted || next.startsWith("decade") || next.startsWith("centur");
        }
        over |= Set.of("over", "more", "nearly", "almost").contains(next);
        counted |= tokens.get(j).tag().equals("CD") || next.equals("a");
        if (!tokens.get(j).tag().equals("CD")
            && !Set.of("over", "more", "than", "nearly", "almost", "a").contains(next)) {
          break;
        }
      }
    }
    return false;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
