package org.newsgraph.entity.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Scores an extractor on the seed articles against shared/eval/seeds-gold.json the way score.py
 * does, but per article and without the service: an event counts as found when one extracted event
 * of an article the gold names matches it. Ingest would strip the " date YYYY-MM-DD " prefix and
 * give the publication date, so this does the same with the gold's dates.
 */
final class SeedsEvaluation {

  private static final Pattern DATE_PREFIX = Pattern.compile("^\\s*date \\d{4}-\\d{2}-\\d{2} ");

  record Article(String key, String text, LocalDate published) {}

  record Score(int tp, int fp, int fn) {
    double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "P %.2f R %.2f F1 %.2f (tp %d fp %d fn %d)",
          precision(),
          recall(),
          f1(),
          tp,
          fp,
          fn);
    }
  }

  record Result(
      Score actors,
      EventScore events,
      int factualityOk,
      int factualityOf,
      int fatalitiesOk,
      int fatalitiesOf,
      List<String> report) {}

  private final JsonNode gold;
  private final List<Article> articles = new ArrayList<>();
  private final ActorDirectory directory;

  SeedsEvaluation(ActorDirectory directory) {
    this.directory = directory;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("eval/seeds-gold.json")) {
      gold = new ObjectMapper().readTree(in);
      Path seeds = Path.of("..", "seeds");
      if (!Files.isDirectory(seeds)) {
        seeds = Path.of("seeds");
      }
      try (var files = Files.list(seeds)) {
        for (Path file : files.sorted().toList()) {
          String key = file.getFileName().toString().replace(".txt", "");
          String text = DATE_PREFIX.matcher(Files.readString(file)).replaceFirst("");
          JsonNode published = gold.path("articles").path(key).path("published");
          articles.add(
              new Article(
                  key, text, published.isTextual() ? LocalDate.parse(published.asText()) : null));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Article> articles() {
    return articles;
  }

  Result run(Extractor extractor) {
    Map<String, Extraction> out = new LinkedHashMap<>();
    for (Article article : articles) {
      out.put(article.key(), extractor.extract(article.text(), article.published(), null));
    }
    return score(out);
  }

  Result score(Map<String, Extraction> extractions) {
    List<String> report = new ArrayList<>();
    Map<String, String> labelOf = labels();
    // ---- actors per article
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (Article article : articles) {
      Extraction x = extractions.get(article.key());
      Set<String> predicted = new HashSet<>();
      for (ActorMention m : x.mentions()) {
        if (m.actorId() != null) {
          predicted.add(labelOf.getOrDefault(m.actorId(), "?" + m.actorId()));
        }
      }
      JsonNode g = gold.path("per_article").path(article.key());
      Set<String> must = strings(g.path("actors"));
      Set<String> ok = new HashSet<>(must);
      ok.addAll(strings(g.path("acceptable")));
      String low = article.text().toLowerCase(Locale.ROOT);
      for (JsonNode ga : gold.path("actors")) {
        for (String form : forms(ga)) {
          if (Pattern.compile("\\b" + Pattern.quote(form.toLowerCase(Locale.ROOT)) + "\\b")
              .matcher(low)
              .find()) {
            ok.add(ga.path("canonical").asText());
          }
        }
      }
      Set<String> hit = new HashSet<>(predicted);
      hit.retainAll(must);
      Set<String> missed = new HashSet<>(must);
      missed.removeAll(predicted);
      Set<String> wrong = new HashSet<>(predicted);
      wrong.removeAll(ok);
      tp += hit.size();
      fn += missed.size();
      fp += wrong.size();
      report.add(article.key() + " actors missed " + missed + " spurious " + wrong);
    }
    Score actors = new Score(tp, fp, fn);
    // ---- events
    Map<ExtractedEvent, String> articleOf = new HashMap<>();
    List<ExtractedEvent> all = new ArrayList<>();
    for (Article article : articles) {
      for (ExtractedEvent e : extractions.get(article.key()).events()) {
        articleOf.put(e, article.key());
        all.add(e);
      }
    }
    Set<ExtractedEvent> used = new HashSet<>();
    int correct = 0;
    int factOk = 0;
    int factOf = 0;
    int fatalOk = 0;
    int fatalOf = 0;
    for (JsonNode gev : gold.path("events")) {
      List<ExtractedEvent> loose = new ArrayList<>();
      List<ExtractedEvent> strict = new ArrayList<>();
      for (ExtractedEvent e : all) {
        if (matches(gev, e, articleOf.get(e), labelOf, false)) {
          loose.add(e);
          if (matches(gev, e, articleOf.get(e), labelOf, true)) {
            strict.add(e);
          }
        }
      }
      used.addAll(loose);
      correct += strict.isEmpty() ? 0 : 1;
      ExtractedEvent best =
          !strict.isEmpty() ? strict.get(0) : loose.isEmpty() ? null : loose.get(0);
      String fact = "";
      if (best != null) {
        factOf++;
        boolean good = best.factuality().name().equals(gev.path("factuality").asText("ASSERTED"));
        factOk += good ? 1 : 0;
        fact = " factuality " + best.factuality() + (good ? "" : " WRONG");
      }
      if (gev.path("fatalities").isObject()) {
        fatalOf++;
        Set<Integer> reported = new HashSet<>();
        for (ExtractedEvent e : loose) {
          if (e.fatalities() != null) {
            reported.add(e.fatalities().value());
          }
        }
        Set<Integer> want = new HashSet<>();
        gev.path("fatalities").path("per_article").forEach(v -> want.add(v.asInt()));
        boolean good = reported.containsAll(want);
        fatalOk += good ? 1 : 0;
        fact += " fatalities " + new TreeMap<>(Map.of("want", want, "got", reported));
      }
      report.add(
          gev.path("key").asText()
              + ": detected "
              + !loose.isEmpty()
              + " correct "
              + !strict.isEmpty()
              + " ("
              + loose.size()
              + " mentions)"
              + fact);
    }
    List<ExtractedEvent> judged = new ArrayList<>();
    for (ExtractedEvent e : all) {
      if (used.contains(e) || !minor(e, articleOf.get(e), labelOf)) {
        judged.add(e);
      }
    }
    int good = 0;
    for (ExtractedEvent e : judged) {
      if (used.contains(e)) {
        good++;
      } else {
        report.add(
            "spurious "
                + articleOf.get(e)
                + " "
                + e.type()
                + " '"
                + e.triggerText()
                + "' src "
                + ids(e.sources())
                + " tgt "
                + ids(e.targets()));
      }
    }
    int goldEvents = gold.path("events").size();
    double precision = judged.isEmpty() ? 0 : (double) good / judged.size();
    double recall = (double) correct / goldEvents;
    EventScore events = new EventScore(precision, recall, good, judged.size(), correct, goldEvents);
    report.add("events: " + events);
    report.add("actors: " + actors);
    return new Result(actors, events, factOk, factOf, fatalOk, fatalOf, report);
  }

  /** Precision over the extracted events, recall over the gold events. */
  record EventScore(double precision, double recall, int good, int judged, int correct, int gold) {
    double f1() {
      return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "P %.2f (%d/%d) R %.2f (%d/%d) F1 %.2f",
          precision,
          good,
          judged,
          recall,
          correct,
          gold,
          f1());
    }
  }

  private boolean matches(
      JsonNode gev, ExtractedEvent e, String article, Map<String, String> labelOf, boolean strict) {
    Set<String> roots = strings(gev.path("cameo_alt"));
    roots.add(gev.path("cameo_root").asText());
    if (!roots.contains(e.type())) {
      return false;
    }
    Set<String> arts = strings(gev.path("articles"));
    arts.addAll(strings(gev.path("also_mentioned_in")));
    if (!arts.contains(article)) {
      return false;
    }
    Set<String> goldSources = strings(gev.path("source_actors"));
    Set<String> sources = labels(e.sources(), labelOf);
    Set<String> targets = labels(e.targets(), labelOf);
    if (!goldSources.isEmpty() && !sources.isEmpty() && !intersects(sources, goldSources)) {
      return false;
    }
    if (!strict) {
      return true;
    }
    if (!goldSources.isEmpty() && !intersects(sources, goldSources)) {
      return false;
    }
    Set<String> goldTargets = strings(gev.path("target_actors"));
    if (!goldTargets.isEmpty() && !intersects(targets, goldTargets)) {
      return false;
    }
    return dateOk(gev, e);
  }

  private static boolean dateOk(JsonNode gev, ExtractedEvent e) {
    String g = gev.path("date").isTextual() ? gev.path("date").asText() : null;
    if (g == null) {
      return true;
    }
    EventDate d = e.date();
    if (d.date() == null || d.precision() == DatePrecision.UNKNOWN) {
      return false;
    }
    String got = d.date().toString();
    if (g.length() == 4 || d.precision() == DatePrecision.YEAR) {
      return got.substring(0, 4).equals(g.substring(0, 4));
    }
    if (d.precision() == DatePrecision.MONTH) {
      return got.substring(0, 7).equals(g.substring(0, 7));
    }
    int tolerance = gev.path("date_tolerance_days").asInt(1);
    return Math.abs(d.date().toEpochDay() - LocalDate.parse(g).toEpochDay()) <= tolerance;
  }

  private boolean minor(ExtractedEvent e, String article, Map<String, String> labelOf) {
    for (JsonNode mev : gold.path("minor_events")) {
      if (e.type().equals(mev.path("cameo_root").asText())
          && strings(mev.path("articles")).contains(article)) {
        Set<String> want = strings(mev.path("source_actors"));
        Set<String> sources = labels(e.sources(), labelOf);
        if (want.isEmpty() || sources.isEmpty() || intersects(sources, want)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Maps the directory's actor ids onto gold canonical names through names and aliases. */
  private Map<String, String> labels() {
    Map<String, String> byForm = new HashMap<>();
    for (JsonNode ga : gold.path("actors")) {
      for (String form : forms(ga)) {
        byForm.putIfAbsent(norm(form), ga.path("canonical").asText());
      }
    }
    Map<String, String> out = new HashMap<>();
    for (KnownActor actor : directory.actors()) {
      List<String> names = new ArrayList<>();
      names.add(actor.name());
      names.addAll(actor.aliases());
      for (String name : names) {
        String label = byForm.get(norm(name));
        if (label != null) {
          out.put(actor.id(), label);
          break;
        }
      }
    }
    return out;
  }

  private static Set<String> labels(List<ActorRef> refs, Map<String, String> labelOf) {
    Set<String> out = new HashSet<>();
    for (ActorRef ref : refs) {
      out.add(labelOf.getOrDefault(ref.actorId(), "?" + ref.actorId()));
    }
    return out;
  }

  private static List<String> ids(List<ActorRef> refs) {
    return refs.stream().map(ActorRef::actorId).toList();
  }

  private static boolean intersects(Set<String> a, Set<String> b) {
    return a.stream().anyMatch(b::contains);
  }

  private static List<String> forms(JsonNode goldActor) {
    List<String> out = new ArrayList<>();
    out.add(goldActor.path("canonical").asText());
    goldActor.path("aliases_seen").forEach(n -> out.add(n.asText()));
    return out;
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new HashSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String norm(String s) {
    String out = s.toLowerCase(Locale.ROOT).replace('’', '\'').trim();
    out = out.replaceFirst("^the\\s+", "");
    out = out.replaceAll("[^\\p{L}\\p{N}_\\s'-]", "");
    return out.replaceAll("\\s+", " ").trim();
  }
}
