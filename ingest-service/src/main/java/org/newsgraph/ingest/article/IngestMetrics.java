package org.newsgraph.ingest.article;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.newsgraph.ingest.IngestConfig;
import org.newsgraph.ingest.SourceTag;

/**
 * Counts articles received, stored, duplicate and rejected by source. Sources are client-chosen
 * strings, so only the first {@code newsgraph.ingest.metric-sources} of them get their own tag; the
 * rest count as "other", and articles without a source as "none". Also counts batch chunks that
 * failed as a whole and were stored again one article at a time.
 */
@ApplicationScoped
class IngestMetrics {

  enum Outcome {
    RECEIVED("ingest.articles.received"),
    STORED("ingest.articles.stored"),
    DUPLICATE("ingest.articles.duplicate"),
    REJECTED("ingest.articles.rejected");

    private final String meter;

    Outcome(String meter) {
      this.meter = meter;
    }
  }

  private final MeterRegistry registry;
  private final SourceTag sourceTag;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Counter chunksRetried;

  IngestMetrics(MeterRegistry registry, IngestConfig config) {
    this.registry = registry;
    this.sourceTag = new SourceTag(config.metricSources());
    this.chunksRetried =
        Counter.builder("ingest.batch.chunks.retried")
            .description("Batch chunks that failed as a whole and were stored one by one")
            .register(registry);
  }

  void chunkRetried() {
    chunksRetried.increment();
  }

  void count(Outcome outcome, String source) {
    String tag = sourceTag.of(source);
    counters
        .computeIfAbsent(
            outcome.meter + '|' + tag,
            key ->
                Counter.builder(outcome.meter)
                    .description("Articles by ingest outcome")
                    .tag("source", tag)
                    .register(registry))
        .increment();
  }
}
