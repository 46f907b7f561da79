package org.newsgraph.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;
import org.newsgraph.common.problem.Problem.FieldError;
import org.newsgraph.common.problem.ProblemException;
import org.newsgraph.ingest.IdCursor;

/**
 * The sources API: add, read, change and remove the feeds this service polls. A source that is new,
 * resumed or pointed at another URL is due at once, and the poller hears of it when the transaction
 * commits.
 */
@ApplicationScoped
@Transactional
public class SourceService {

  /** Fired in the transaction that made a source due now. */
  record SourceDue(long id) {}

  private final SourceRepository sources;
  private final HttpFetcher fetcher;
  private final FeedConfig config;
  private final Event<SourceDue> due;

  SourceService(
      SourceRepository sources, HttpFetcher fetcher, FeedConfig config, Event<SourceDue> due) {
    this.sources = sources;
    this.fetcher = fetcher;
    this.config = config;
    this.due = due;
  }

  /**
   * @throws ProblemException 400 naming each invalid field, 409 when the feed is a source already
   */
  SourceView create(JsonNode body) {
    SourceChanges fields = SourceChanges.parse(body, true, config.minInterval());
    checkUrl(fields, null);
    Source source = new Source();
    source.url = fields.url();
    source.urlKey = fields.urlKey();
    source.name = fields.name();
    source.intervalMillis = fields.interval().toMillis();
    source.language = fields.language();
    source.country = fields.country();
    source.paused = Boolean.TRUE.equals(fields.paused());
    Instant now = Instant.now();
    source.createdAt = now;
    source.nextPollAt = now;
    try {
      sources.persistAndFlush(source);
    } catch (ConstraintViolationException e) {
      // the same feed, added by a concurrent request between our check and our insert
      throw conflict(sources.findByUrlKey(source.urlKey).map(other -> other.id).orElse(null));
    }
    if (!source.paused) {
      due.fire(new SourceDue(source.id));
    }
    return SourceView.of(source);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  Optional<SourceView> get(long id) {
    return sources.findByIdOptional(id).map(SourceView::of);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  SourcePage list(String cursor, int limit) {
    List<Source> rows = sources.page(cursor == null ? null : IdCursor.decode(cursor), limit + 1);
    boolean more = rows.size() > limit;
    List<SourceView> items =
        rows.subList(0, Math.min(limit, rows.size())).stream().map(SourceView::of).toList();
    return new SourcePage(items, more ? IdCursor.after(items.get(items.size() - 1).id()) : null);
  }

  /**
   * Changes the fields the body names. Resuming a source, or giving it another URL, makes it due at
   * once; another interval counts from its last poll.
   *
   * @throws ProblemException 400 naming each invalid field, 409 when the new URL is another source
   */
  Optional<SourceView> update(long id, JsonNode body) {
    SourceChanges changes = SourceChanges.parse(body, false, config.minInterval());
    Optional<Source> found = sources.findByIdOptional(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Source source = found.get();
    Instant now = Instant.now();
    boolean dueNow = false;
    if (changes.has("url") && !changes.urlKey().equals(source.urlKey)) {
      checkUrl(changes, source.id);
      source.url = changes.url();
      source.urlKey = changes.urlKey();
      // another feed: nothing known about the old one applies to it
      source.etag = null;
      source.lastModified = null;
      source.format = null;
      dueNow = true;
    }
    if (changes.has("name")) {
      source.name = changes.name();
    }
    if (changes.has("interval")) {
      source.intervalMillis = changes.interval().toMillis();
      if (source.consecutiveFailures == 0) {
        Instant last = source.lastPolledAt == null ? now : source.lastPolledAt;
        source.nextPollAt = last.plus(changes.interval());
      }
    }
    if (changes.has("language")) {
      source.language = changes.language();
    }
    if (changes.has("country")) {
      source.country = changes.country();
    }
    if (changes.has("paused")) {
      dueNow |= source.paused && !changes.paused();
      source.paused = changes.paused();
    }
    if (dueNow) {
      source.nextPollAt = now;
      source.consecutiveFailures = 0;
    }
    sources.flush();
    if (dueNow && !source.paused) {
      due.fire(new SourceDue(source.id));
    }
    return Optional.of(SourceView.of(source));
  }

  /** Stops polling the source and forgets its entries; its articles stay. */
  boolean delete(long id) {
    return sources.deleteById(id);
  }

  /** The URL must be fetchable, and not the feed of another source. */
  private void checkUrl(SourceChanges fields, Long self) {
    try {
      fetcher.checkTarget(URI.create(fields.url()));
    } catch (FetchFailure | IllegalArgumentException e) {
      throw ProblemException.invalid(
          "url", e instanceof FetchFailure ? e.getMessage() : "is not a valid URL");
    }
    Optional<Source> other = sources.findByUrlKey(fields.urlKey());
    if (other.isPresent() && !other.get().id.equals(self)) {
      throw conflict(other.get().id);
    }
  }

  private static ProblemException conflict(Long other) {
    return new ProblemException(
        409,
        "Conflict",
        "This feed is source " + other + " already",
        List.of(new FieldError("url", "is the feed of source " + other)));
  }
}
