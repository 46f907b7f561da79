package org.newsgraph.ingest.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.newsgraph.ingest.IngestConfig;

/**
 * Detects the language of article text with Lingua, restricted to the configured languages and in
 * low-accuracy mode (trigram models only), which keeps the models to a few tens of megabytes and is
 * accurate on article-length text. The models are loaded at start-up (about a second with the
 * default languages), so the service is ready only once detection is, and no request waits for
 * them.
 */
@Startup
@ApplicationScoped
public class LanguageDetection {

  /**
   * The opening of the cleaned text (its first body paragraph, page chrome already gone) settles an
   * article's language. Lingua's cost grows with the sample and detection is the largest share of
   * preparing an article (about 1 ms for 300 characters on the development machine), so it reads
   * two or three sentences: above the 120 or so characters from which Lingua's low-accuracy mode is
   * reliable. An article opening with a table or a list of names can fool it; extraction sees every
   * candidate language, not only the best.
   */
  private static final int SAMPLE_CHARS = 200;

  /** Candidates below this confidence are noise, not a second language. */
  private static final double KEEP_ABOVE = 0.01;

  private final LanguageDetector detector;

  public LanguageDetection(IngestConfig config) {
    IsoCode639_1[] codes =
        config.languages().stream()
            .map(code -> IsoCode639_1.valueOf(code.strip().toUpperCase(Locale.ROOT)))
            .toArray(IsoCode639_1[]::new);
    this.detector =
        LanguageDetectorBuilder.fromIsoCodes639_1(codes)
            .withLowAccuracyMode()
            .withPreloadedLanguageModels()
            .build();
  }

  public DetectedLanguages detect(String text) {
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    Map<String, Double> all = new LinkedHashMap<>();
    detector.computeLanguageConfidenceValues(sample).entrySet().stream()
        .filter(entry -> entry.getValue() >= KEEP_ABOVE && entry.getKey() != Language.UNKNOWN)
        .sorted(Map.Entry.<Language, Double>comparingByValue().reversed())
        .forEach(entry -> all.put(code(entry.getKey()), round(entry.getValue())));
    if (all.isEmpty()) {
      return new DetectedLanguages(null, null, Map.of());
    }
    Map.Entry<String, Double> best = all.entrySet().iterator().next();
    return new DetectedLanguages(best.getKey(), best.getValue(), all);
  }

  private static String code(Language language) {
    return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
