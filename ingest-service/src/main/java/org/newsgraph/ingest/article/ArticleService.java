package org.newsgraph.ingest.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.newsgraph.common.problem.ProblemException;
import org.newsgraph.ingest.IdCursor;
import org.newsgraph.ingest.IngestConfig;
import org.newsgraph.ingest.article.ArticleRepository.ArticleFilter;
import org.newsgraph.ingest.article.IngestMetrics.Outcome;
import org.newsgraph.ingest.outbox.OutboxEntry;

/**
 * Ingests articles in every format and reads them back. Each article is prepared outside any
 * transaction; a single article is stored in a transaction of its own, a batch's articles a chunk
 * per transaction, and one bad or failing item never takes others with it.
 */
@ApplicationScoped
public class ArticleService {

  private static final String UNIQUE_VIOLATION = "23505";

  private final ArticlePreparation preparation;
  private final BatchThreads threads;
  private final ArticleStore store;
  private final ArticleRepository articles;
  private final IngestMetrics metrics;
  private final ObjectMapper mapper;
  private final IngestConfig config;

  ArticleService(
      ArticlePreparation preparation,
      BatchThreads threads,
      ArticleStore store,
      ArticleRepository articles,
      IngestMetrics metrics,
      ObjectMapper mapper,
      IngestConfig config) {
    this.preparation = preparation;
    this.threads = threads;
    this.store = store;
    this.articles = articles;
    this.metrics = metrics;
    this.mapper = mapper;
    this.config = config;
  }

  /** A JSON article from a request body. */
  Ingested ingestJson(InputStream body) {
    byte[] bytes = readWhole(body, null);
    ArticleRequest request;
    try {
      JsonNode tree = mapper.readTree(bytes);
      if (tree == null || !tree.isObject()) {
        throw ProblemException.invalid("body", "must be a JSON object");
      }
      request = mapper.treeToValue(tree, ArticleRequest.class);
    } catch (JsonProcessingException e) {
      metrics.count(Outcome.RECEIVED, null);
      metrics.count(Outcome.REJECTED, null);
      throw RequestBodies.invalidJson("body", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ingest(request);
  }

  /**
   * A plain-text or HTML body with its metadata from query parameters.
   *
   * @param charset as declared in the Content-Type, or null for UTF-8
   * @param metadata everything but text and html
   */
  Ingested ingestDocument(InputStream body, boolean html, String charset, ArticleRequest metadata) {
    String field = html ? "html" : "text";
    String content = RequestBodies.decode(readWhole(body, metadata.source()), charset, field);
    return ingest(
        new ArticleRequest(
            metadata.url(),
            metadata.title(),
            html ? null : content,
            html ? content : null,
            metadata.publishedAt(),
            metadata.source(),
            metadata.language()));
  }

  /**
   * A streamed batch: NDJSON or a JSON array; each item stands or falls alone. Items are prepared
   * in parallel and stored a chunk per transaction; results keep the order received.
   */
  BatchResult ingestBatch(InputStream body, boolean ndjson) {
    BatchRun run = new BatchRun(threads, this::storeOrFindWinner, metrics, config);
    BatchReader reader = new BatchReader(mapper, config.maxArticleBytes());
    return run.run(
        () -> {
          if (ndjson) {
            reader.readNdjson(body, run);
          } else {
            reader.readArray(body, run);
          }
        });
  }

  /** One article, already parsed: from a request, or from a page a source's feed links to. */
  public Ingested ingest(ArticleRequest request) {
    metrics.count(Outcome.RECEIVED, request.source());
    Article article;
    try {
      article = preparation.prepare(request);
    } catch (ProblemException e) {
      metrics.count(Outcome.REJECTED, request.source());
      throw e;
    }
    Ingested ingested = storeOrFindWinner(article);
    metrics.count(ingested.created() ? Outcome.STORED : Outcome.DUPLICATE, request.source());
    return ingested;
  }

  private Ingested storeOrFindWinner(Article article) {
    try {
      return store.store(article);
    } catch (RuntimeException e) {
      if (!isUniqueViolation(e)) {
        throw e;
      }
      // a concurrent request stored the same article between our check and our insert
      article.id = null;
      return store.findDuplicate(article).orElseThrow(() -> e);
    }
  }

  Optional<ArticleView> get(long id) {
    return articles
        .findByIdOptional(id)
        .map(
            article -> {
              OutboxEntry entry = OutboxEntry.findById(id);
              return ArticleView.of(article, entry.status, entry.lastError);
            });
  }

  ArticlePage list(ArticleFilter filter, String cursor, int limit) {
    Long before = cursor == null ? null : IdCursor.decode(cursor);
    List<ArticleRepository.Listed> rows = articles.page(filter, before, limit + 1);
    boolean more = rows.size() > limit;
    List<ArticleView> items =
        rows.subList(0, Math.min(limit, rows.size())).stream()
            .map(row -> ArticleView.of(row.article(), row.status(), row.error()))
            .toList();
    String next = more ? IdCursor.after(items.get(items.size() - 1).id()) : null;
    return new ArticlePage(items, next);
  }

  private byte[] readWhole(InputStream body, String source) {
    try {
      return RequestBodies.read(body, config.maxArticleBytes());
    } catch (ProblemException e) {
      metrics.count(Outcome.RECEIVED, source);
      metrics.count(Outcome.REJECTED, source);
      throw e;
    }
  }

  private static boolean isUniqueViolation(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
