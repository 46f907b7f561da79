package org.newsgraph.ingest.source;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.newsgraph.ingest.IngestConfig;
import org.newsgraph.ingest.SourceTag;
import org.newsgraph.ingest.source.SourceQueue.SourceAge;

/**
 * Per source: polls by outcome, new articles, pages that failed, and the age of the last good poll.
 * Tagged by the source's name, bounded like the article metrics ({@code
 * newsgraph.ingest.metric-sources}); for the sources beyond the bound, "other" shows the oldest
 * age, the one an alert cares about.
 */
@ApplicationScoped
class SourceMetrics {

  enum Poll {
    UPDATED("updated"),
    NOT_MODIFIED("not_modified"),
    FAILED("failed");

    private final String tag;

    Poll(String tag) {
      this.tag = tag;
    }
  }

  private final MeterRegistry registry;
  private final SourceTag sourceTag;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final MultiGauge lastSuccessAge;

  SourceMetrics(MeterRegistry registry, IngestConfig config) {
    this.registry = registry;
    this.sourceTag = new SourceTag(config.metricSources());
    this.lastSuccessAge =
        MultiGauge.builder("ingest.source.last.success.age")
            .description(
                "Seconds since the source was last polled well (since it was added, if never)")
            .baseUnit("seconds")
            .register(registry);
  }

  void polled(String source, Poll outcome) {
    count("ingest.source.polls", "Polls of a source by outcome", source, "outcome", outcome.tag, 1);
  }

  void newArticles(String source, int count) {
    count("ingest.source.articles", "New articles stored from a source", source, null, null, count);
  }

  void pageFailures(String source, int count) {
    count(
        "ingest.source.page.failures",
        "Entries whose page could not be fetched or held no article",
        source,
        null,
        null,
        count);
  }

  /** Replaces every age with the current ones (sources deleted or paused disappear). */
  void ages(List<SourceAge> ages) {
    Map<String, Double> byTag = new TreeMap<>();
    for (SourceAge age : ages) {
      byTag.merge(sourceTag.of(age.name()), age.seconds(), Math::max);
    }
    lastSuccessAge.register(
        byTag.entrySet().stream()
            .map(e -> MultiGauge.Row.of(Tags.of("source", e.getKey()), e.getValue()))
            .toList(),
        true);
  }

  private void count(
      String meter, String description, String source, String key, String value, int amount) {
    if (amount == 0) {
      return;
    }
    String tag = sourceTag.of(source);
    Tags tags = key == null ? Tags.of("source", tag) : Tags.of("source", tag, key, value);
    counters
        .computeIfAbsent(
            meter + '|' + tags,
            k -> Counter.builder(meter).description(description).tags(tags).register(registry))
        .increment(amount);
  }
}
