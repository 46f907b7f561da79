package org.newsgraph.entity.extraction;

import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.Predicate;
import org.newsgraph.entity.nlp.AnalyzedSentence;
import org.newsgraph.entity.nlp.AnalyzedText;
import org.newsgraph.entity.nlp.CoreNlpAnalyzer;
import org.newsgraph.entity.nlp.Depth;
import org.newsgraph.entity.nlp.LinguisticAnalyzer;
import org.newsgraph.entity.registry.RegistryDirectory;

/**
 * Articles per second per core of the whole extraction against a stock CoreNLP pipeline (tokenize,
 * ssplit, pos, lemma, ner, depparse with default settings) over the same articles in the same JVM,
 * one thread, CPU time of that thread; and the seed scores of the extractor over the stock analysis
 * (fine-grained NER, every sentence parsed) against the default one. See docs/performance.md for
 * how to run it.
 */
public final class ExtractionBenchmark {

  private ExtractionBenchmark() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    SeedsEvaluation seeds = new SeedsEvaluation(RegistryDirectory.shipped());
    List<SeedsEvaluation.Article> articles = seeds.articles();
    int tokens = 0;
    for (SeedsEvaluation.Article a : articles) {
      tokens += a.text().split("\\s+").length;
    }
    System.out.printf(
        Locale.ROOT,
        "%d articles, %d words, %d rounds after 2 warm-up rounds%n",
        articles.size(),
        tokens,
        rounds);

    Properties stock = new Properties();
    stock.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner,depparse");
    StanfordCoreNLP pipeline = new StanfordCoreNLP(stock);
    double stockRate =
        rate(
            "stock tokenize..ner,depparse",
            articles,
            rounds,
            a -> {
              Annotation annotation = new Annotation(a.text());
              pipeline.annotate(annotation);
              return true;
            });

    RuleBasedExtractor extractor =
        new RuleBasedExtractor(RegistryDirectory.shipped(), new CoreNlpAnalyzer(false));
    double ours =
        rate(
            "extractor (3-class NER, SUTime/parse on selected sentences)",
            articles,
            rounds,
            a -> extractor.extract(a.text(), a.published(), null) != null);
    report("extractor (default)", seeds.run(extractor));

    RuleBasedExtractor full =
        new RuleBasedExtractor(
            RegistryDirectory.shipped(), new ParseEverySentence(new CoreNlpAnalyzer(true)));
    double fullRate =
        rate(
            "extractor over stock analysis (fine-grained NER, SUTime+parse every sentence)",
            articles,
            rounds,
            a -> full.extract(a.text(), a.published(), null) != null);
    report("extractor (stock analysis)", seeds.run(full));

    Runtime runtime = Runtime.getRuntime();
    System.out.printf(
        Locale.ROOT,
        "RESULT speed-up %.2fx over stock CoreNLP, %.2fx over the extractor on the stock"
            + " analysis; max heap %d MB, used after GC %d MB%n",
        ours / stockRate,
        ours / fullRate,
        runtime.maxMemory() >> 20,
        usedAfterGc() >> 20);
  }

  private static double rate(
      String name,
      List<SeedsEvaluation.Article> articles,
      int rounds,
      Predicate<SeedsEvaluation.Article> work) {
    for (int warm = 0; warm < 2; warm++) {
      articles.forEach(work::test);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    for (int round = 0; round < rounds; round++) {
      articles.forEach(work::test);
    }
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
    double wallSeconds = (System.nanoTime() - wall) / 1e9;
    int n = articles.size() * rounds;
    double perCore = n / cpuSeconds;
    System.out.printf(
        Locale.ROOT,
        "%-75s %6.2f articles/s/core (CPU %.1f s, wall %.1f s, %d articles)%n",
        name,
        perCore,
        cpuSeconds,
        wallSeconds,
        n);
    return perCore;
  }

  private static void report(String name, SeedsEvaluation.Result result) {
    System.out.printf(
        Locale.ROOT,
        "%-30s seeds: events %s | actors %s | factuality %d/%d%n",
        name,
        result.events(),
        result.actors(),
        result.factualityOk(),
        result.factualityOf());
  }

  private static long usedAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /** The same analysis with every sentence parsed, as a stock pipeline would. */
  private record ParseEverySentence(LinguisticAnalyzer delegate) implements LinguisticAnalyzer {

    @Override
    public AnalyzedText analyze(
        String text, LocalDate anchor, Function<AnalyzedSentence, Depth> depth) {
      return delegate.analyze(
          text,
          anchor,
          sentence -> {
            depth.apply(sentence);
            return Depth.PARSE;
          });
    }

    @Override
    public String version() {
      return delegate.version() + "-parse-all";
    }
  }
}
