package org.newsgraph.entity.extraction;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newsgraph.entity.nlp.AnalyzedSentence;
import org.newsgraph.entity.nlp.AnalyzedText;
import org.newsgraph.entity.nlp.Depth;
import org.newsgraph.entity.nlp.LinguisticAnalyzer;

/**
 * Actors from a registry gazetteer plus rules over the linguistic analysis, events from a trigger
 * lexicon plus rules over the dependency parse. Only sentences with a trigger get time expressions,
 * only those with a trigger and an actor a parse. English only: other languages get an empty
 * extraction.
 */
public final class RuleBasedExtractor implements Extractor {

  private final ActorDirectory directory;
  private final LinguisticAnalyzer analyzer;
  private final RuleFiles rules = new RuleFiles("en");
  private final Lexicon lexicon = Lexicon.load(rules);
  private final Set<String> groupNouns = Lexicon.words(rules, "group-nouns.txt");
  private final EventFinder events =
      new EventFinder(
          WordClasses.load(rules)
              .with("group-nouns", groupNouns)
              .with("perpetrator-nouns", lexicon.perpetratorNouns()));
  private final List<EventStage> stages =
      List.of(
          new MutualParties(Lexicon.words(rules, "mutual.txt")),
          new ShowOfForce(),
          new VictimState(),
          new OwnPopulation(),
          new CampaignRally());
  private final Clock clock;
  private volatile ActorGazetteer gazetteer;
  private volatile ActorIndex index;

  public RuleBasedExtractor(ActorDirectory directory, LinguisticAnalyzer analyzer) {
    this(directory, analyzer, Clock.systemUTC());
  }

  RuleBasedExtractor(ActorDirectory directory, LinguisticAnalyzer analyzer, Clock clock) {
    this.directory = directory;
    this.analyzer = analyzer;
    this.clock = clock;
  }

  @Override
  public String version() {
    return analyzer.version() + "+rules-" + rules.hash();
  }

  @Override
  public Extraction extract(String text, LocalDate publishedAt, String language) {
    String lang = language == null ? Languages.guess(text) : language.toLowerCase(Locale.ROOT);
    if (!lang.equals("en") && !lang.startsWith("en-")) {
      return new Extraction(version(), lang, List.of(), List.of(), List.of());
    }
    ActorGazetteer gazetteer = gazetteer();
    MentionFinder mentions = new MentionFinder(gazetteer, lexicon);
    Map<Integer, List<TriggerLexicon.Match>> triggers = new HashMap<>();
    LocalDate anchor =
        publishedAt != null ? publishedAt : TextDates.anchor(text, LocalDate.now(clock));
    AnalyzedText analyzed =
        analyzer.analyze(
            Datelines.endSentences(text),
            anchor,
            sentence -> {
              List<TriggerLexicon.Match> found = lexicon.triggers().find(sentence);
              triggers.put(sentence.index(), found);
              List<Mention> names = mentions.find(sentence, marks(sentence, found));
              boolean violent = found.stream().anyMatch(t -> t.entry().root().violent());
              if (found.isEmpty()) {
                return Depth.NONE;
              }
              boolean parse =
                  names.stream().anyMatch(m -> m.actorId() != null)
                      || mentionsGroupNoun(sentence, groupNouns)
                      || (violent && names.stream().anyMatch(Mention::place));
              return parse ? Depth.PARSE : Depth.TIMES;
            });
    Set<String> inEvents = new HashSet<>();
    ActorIndex actors = index;
    List<ExtractedEvent> found = new ArrayList<>();
    for (LabelledEvent event :
        events.find(analyzed, triggers, mentions, publishedAt, anchor, inEvents)) {
      for (int k = 0; k < stages.size() && event != null; k++) {
        event = stages.get(k).apply(event, actors);
      }
      if (event != null) {
        found.add(event.event());
      }
    }
    return new Extraction(
        version(),
        "en",
        actorMentions(text, analyzed, mentions, inEvents),
        found,
        provisional(analyzed, mentions, inEvents));
  }

  private static boolean[] marks(AnalyzedSentence sentence, List<TriggerLexicon.Match> found) {
    boolean[] marks = new boolean[sentence.tokens().size()];
    for (TriggerLexicon.Match match : found) {
      marks[match.head()] = true;
    }
    return marks;
  }

  private static boolean mentionsGroupNoun(AnalyzedSentence sentence, Set<String> groupNouns) {
    return sentence.tokens().stream()
        .map(t -> t.lemma().toLowerCase(Locale.ROOT))
        .anyMatch(l -> groupNouns.contains(l) || l.equals("ministry"));
  }

  /**
   * An unknown name becomes an actor only when it takes part in an event, recurs, is a full
   * personal name, or is an organisation whose name says it is an institution ("Federal Air
   * Transport Agency", "Operational Command South"): other single passing mentions of
   * organisation-like names are too often noise.
   */
  private static boolean keep(Mention m, MentionFinder mentions, Set<String> inEvents) {
    String id = m.provisionalId();
    return inEvents.contains(id)
        || mentions.provisionalCount(id) >= 2
        || ("PERSON".equals(m.nerType()) && m.last() > m.first())
        || ("ORGANIZATION".equals(m.nerType()) && m.last() > m.first() && mentions.canAct(m));
  }

  private static List<ActorMention> actorMentions(
      String text, AnalyzedText analyzed, MentionFinder mentions, Set<String> inEvents) {
    List<ActorMention> out = new ArrayList<>();
    for (AnalyzedSentence sentence : analyzed.sentences()) {
      for (Mention m : mentions.mentions(sentence.index())) {
        String actorId = m.actorId();
        if (m.provisionalId() != null && !keep(m, mentions, inEvents)) {
          actorId = null;
        }
        out.add(new ActorMention(m.span(), m.span().of(text), m.nerType(), actorId));
      }
    }
    return out;
  }

  private static List<ProvisionalActor> provisional(
      AnalyzedText analyzed, MentionFinder mentions, Set<String> inEvents) {
    Map<String, ProvisionalActor> out = new LinkedHashMap<>();
    for (AnalyzedSentence sentence : analyzed.sentences()) {
      for (Mention m : mentions.mentions(sentence.index())) {
        if (m.provisionalId() != null && keep(m, mentions, inEvents)) {
          out.putIfAbsent(m.provisionalId(), mentions.provisional(m.provisionalId()));
        }
      }
    }
    return List.copyOf(out.values());
  }

  /** The gazetteer of the directory's current revision, rebuilt when the directory grows. */
  private ActorGazetteer gazetteer() {
    ActorGazetteer current = gazetteer;
    long revision = directory.revision();
    if (current == null || current.revision() != revision) {
      synchronized (this) {
        current = gazetteer;
        if (current == null || current.revision() != revision) {
          List<KnownActor> actors = directory.actors();
          current = ActorGazetteer.of(actors, revision);
          index = new ActorIndex(actors);
          gazetteer = current;
        }
      }
    }
    return current;
  }
}
