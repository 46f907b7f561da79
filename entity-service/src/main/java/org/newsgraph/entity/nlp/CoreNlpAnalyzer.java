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
import edu.stanford.nlp.time.SUTime;
import edu.stanford.nlp.time.TimeAnnotations;
import edu.stanford.nlp.time.TimeAnnotator;
import edu.stanford.nlp.time.Timex;
import edu.stanford.nlp.util.CoreMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import org.newsgraph.entity.extraction.Span;

/**
 * Stanford CoreNLP: tokenize, ssplit, pos, lemma and ner over the whole text; SUTime and the neural
 * dependency parser only over the sentences the caller selects. SUTime with the numeric classifiers
 * costs three quarters of the NER time when run inside ner over every sentence.
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
  private final TimeAnnotator times;
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
    props.setProperty("ner.applyNumericClassifiers", "false");
    props.setProperty("ner.useSUTime", "false");
    this.pipeline = new StanfordCoreNLP(props);
    this.times = new TimeAnnotator("sutime", new Properties(), true);
    this.parser = new DependencyParseAnnotator(new Properties());
  }

  @Override
  public String version() {
    return "corenlp-4.5.10" + (fineGrained ? "-fine" : "");
  }

  /**
   * The text is annotated in pieces of about this many characters, cut at line ends (which always
   * end a sentence here, so the sentences are the same as for the whole text). The cost of the
   * tokenizer, the taggers and the rules grows faster than the length of a sentence; pieces bound
   * it, and an interrupted worker stops between them.
   */
  static final int PIECE_CHARS = 5_000;

  @Override
  public AnalyzedText analyze(
      String text, LocalDate anchor, Function<AnalyzedSentence, Depth> depth) {
    List<AnalyzedSentence> sentences = new ArrayList<>();
    SUTime.TimeIndex timeIndex = new SUTime.TimeIndex();
    String docDate = anchor == null ? null : anchor.toString();
    for (TextPieces.Piece piece : TextPieces.of(text, PIECE_CHARS)) {
      if (Thread.interrupted()) {
        throw new AnalysisInterruptedException();
      }
      Annotation document = new Annotation(piece.text());
      if (docDate != null) {
        document.set(CoreAnnotations.DocDateAnnotation.class, docDate);
      }
      pipeline.annotate(document);
      List<CoreMap> selected = new ArrayList<>();
      List<Integer> selectedIndex = new ArrayList<>();
      for (CoreMap coreSentence : document.get(CoreAnnotations.SentencesAnnotation.class)) {
        AnalyzedSentence sentence = convert(sentences.size(), coreSentence, piece.start());
        Depth wanted = sentence.tokens().isEmpty() ? Depth.NONE : depth.apply(sentence);
        if (wanted != Depth.NONE) {
          sentence =
              sentence.withTimes(times(sentence, coreSentence, docDate, timeIndex, piece.start()));
        }
        if (wanted == Depth.PARSE) {
          selected.add(coreSentence);
          selectedIndex.add(sentence.index());
        }
        sentences.add(sentence);
      }
      if (!selected.isEmpty()) {
        Annotation subset = new Annotation(piece.text());
        subset.set(CoreAnnotations.SentencesAnnotation.class, selected);
        parser.annotate(subset);
        for (int i = 0; i < selected.size(); i++) {
          int index = selectedIndex.get(i);
          sentences.set(
              index, sentences.get(index).withDependencies(dependencies(selected.get(i))));
        }
      }
    }
    return new AnalyzedText(text, sentences);
  }

  private List<TimeExpression> times(
      AnalyzedSentence sentence,
      CoreMap coreSentence,
      String docDate,
      SUTime.TimeIndex index,
      int offset) {
    List<TimeExpression> out = new ArrayList<>();
    List<Token> tokens = sentence.tokens();
    for (CoreMap found : times.annotateSingleSentence(coreSentence, docDate, index)) {
      Timex timex = found.get(TimeAnnotations.TimexAnnotation.class);
      Integer begin = found.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
      Integer end = found.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
      if (timex == null || begin == null || end == null) {
        continue;
      }
      begin += offset;
      end += offset;
      int first = -1;
      int last = -1;
      for (Token token : tokens) {
        if (token.span().start() < end && token.span().end() > begin) {
          first = first < 0 ? token.index() : first;
          last = token.index();
        }
      }
      if (first >= 0) {
        out.add(time(tokens, first, last, timex));
      }
    }
    return out;
  }

  private static AnalyzedSentence convert(int index, CoreMap sentence, int offset) {
    List<CoreLabel> labels = sentence.get(CoreAnnotations.TokensAnnotation.class);
    List<Token> tokens = new ArrayList<>(labels.size());
    for (int i = 0; i < labels.size(); i++) {
      CoreLabel label = labels.get(i);
      tokens.add(
          new Token(
              i,
              label.word(),
              label.lemma() == null ? label.word().toLowerCase() : label.lemma(),
              label.tag() == null ? "" : label.tag(),
              label.ner() == null ? "O" : label.ner(),
              new Span(offset + label.beginPosition(), offset + label.endPosition())));
    }
    Span span =
        tokens.isEmpty()
            ? new Span(0, 0)
            : new Span(tokens.get(0).span().start(), tokens.get(tokens.size() - 1).span().end());
    return new AnalyzedSentence(index, span, tokens, List.of(), false, List.of());
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
