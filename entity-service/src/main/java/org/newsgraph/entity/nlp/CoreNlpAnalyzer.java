package org.newsgraph.entity.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.DependencyParseAnnotator;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.time.TimeAnnotations;
import edu.stanford.nlp.time.Timex;
import edu.stanford.nlp.util.CoreMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.newsgraph.entity.extraction.Span;

/**
 * Stanford CoreNLP: tokenize, ssplit, pos, lemma and ner (with SUTime) over the whole text, the
 * neural dependency parser only over the sentences the caller selects.
 *
 * <p>Fine-grained NER (CITY, COUNTRY, NATIONALITY, ...) is off by default: it costs two thirds of
 * the NER time and the actor registry already types every name that matters; only the 3-class CRF
 * (PERSON, ORGANIZATION, LOCATION) runs, for names the registry does not know.
 */
public final class CoreNlpAnalyzer implements LinguisticAnalyzer {

  private static final String THREE_CLASS_MODEL =
      "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

  private final StanfordCoreNLP pipeline;
  private final DependencyParseAnnotator parser;
  private final boolean fineGrained;

  public CoreNlpAnalyzer(boolean fineGrained) {
    this.fineGrained = fineGrained;
    Properties props = new Properties();
    props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
    // keeps "IS-K" and "al-Qaeda" whole, as the registry spells them
    props.setProperty("tokenize.options", "splitHyphenated=false");
    // stored texts keep headlines and paragraphs on their own lines, without final punctuation
    props.setProperty("ssplit.newlineIsSentenceBreak", "always");
    props.setProperty("ner.applyFineGrained", Boolean.toString(fineGrained));
    if (!fineGrained) {
      props.setProperty("ner.model", THREE_CLASS_MODEL);
    }
    props.setProperty("ner.buildEntityMentions", "false");
    props.setProperty("ner.useSUTime", "true");
    this.pipeline = new StanfordCoreNLP(props);
    this.parser = new DependencyParseAnnotator(new Properties());
  }

  @Override
  public String version() {
    return "corenlp-4.5.10" + (fineGrained ? "-fine" : "");
  }

  @Override
  public AnalyzedText analyze(
      String text, LocalDate anchor, Predicate<AnalyzedSentence> needsParse) {
    Annotation document = new Annotation(text);
    if (anchor != null) {
      document.set(CoreAnnotations.DocDateAnnotation.class, anchor.toString());
    }
    pipeline.annotate(document);
    List<CoreMap> coreSentences = document.get(CoreAnnotations.SentencesAnnotation.class);
    List<AnalyzedSentence> sentences = new ArrayList<>(coreSentences.size());
    List<CoreMap> selected = new ArrayList<>();
    List<Integer> selectedIndex = new ArrayList<>();
    for (CoreMap coreSentence : coreSentences) {
      AnalyzedSentence sentence = convert(sentences.size(), coreSentence);
      if (!sentence.tokens().isEmpty() && needsParse.test(sentence)) {
        selected.add(coreSentence);
        selectedIndex.add(sentence.index());
      }
      sentences.add(sentence);
    }
    if (!selected.isEmpty()) {
      Annotation subset = new Annotation(text);
      subset.set(CoreAnnotations.SentencesAnnotation.class, selected);
      parser.annotate(subset);
      for (int i = 0; i < selected.size(); i++) {
        int index = selectedIndex.get(i);
        sentences.set(index, sentences.get(index).withDependencies(dependencies(selected.get(i))));
      }
    }
    return new AnalyzedText(text, sentences);
  }

  private static AnalyzedSentence convert(int index, CoreMap sentence) {
    List<CoreLabel> labels = sentence.get(CoreAnnotations.TokensAnnotation.class);
    List<Token> tokens = new ArrayList<>(labels.size());
    List<TimeExpression> times = new ArrayList<>();
    String openTid = null;
    int openStart = -1;
    Timex openTimex = null;
    for (int i = 0; i < labels.size(); i++) {
      CoreLabel label = labels.get(i);
      tokens.add(
          new Token(
              i,
              label.word(),
              label.lemma() == null ? label.word().toLowerCase() : label.lemma(),
              label.tag() == null ? "" : label.tag(),
              label.ner() == null ? "O" : label.ner(),
              label.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class),
              new Span(label.beginPosition(), label.endPosition())));
      Timex timex = label.get(TimeAnnotations.TimexAnnotation.class);
      String tid = timex == null ? null : timex.tid();
      if (openTid != null && !openTid.equals(tid)) {
        times.add(time(tokens, openStart, i - 1, openTimex));
        openTid = null;
      }
      if (tid != null && openTid == null) {
        openTid = tid;
        openStart = i;
        openTimex = timex;
      }
    }
    if (openTid != null) {
      times.add(time(tokens, openStart, labels.size() - 1, openTimex));
    }
    Span span =
        tokens.isEmpty()
            ? new Span(0, 0)
            : new Span(tokens.get(0).span().start(), tokens.get(tokens.size() - 1).span().end());
    return new AnalyzedSentence(index, span, tokens, times, false, List.of());
  }

  private static TimeExpression time(List<Token> tokens, int first, int last, Timex timex) {
    Span span = new Span(tokens.get(first).span().start(), tokens.get(last).span().end());
    StringBuilder words = new StringBuilder();
    for (int k = first; k <= last; k++) {
      words.append(k == first ? "" : " ").append(tokens.get(k).word());
    }
    return new TimeExpression(
        first, last, span, words.toString(), timex.timexType(), timex.value());
  }

  private static List<Dependency> dependencies(CoreMap sentence) {
    SemanticGraph graph =
        sentence.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
    if (graph == null) {
      graph = sentence.get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
    }
    List<Dependency> out = new ArrayList<>();
    for (IndexedWord root : graph.getRoots()) {
      out.add(new Dependency("root", -1, root.index() - 1));
    }
    for (SemanticGraphEdge edge : graph.edgeIterable()) {
      // enhanced++ copy nodes (elided predicates) have no span of their own
      if (edge.getGovernor().copyCount() > 0 || edge.getDependent().copyCount() > 0) {
        continue;
      }
      out.add(
          new Dependency(
              edge.getRelation().toString(),
              edge.getGovernor().index() - 1,
              edge.getDependent().index() - 1));
    }
    return out;
  }
}
