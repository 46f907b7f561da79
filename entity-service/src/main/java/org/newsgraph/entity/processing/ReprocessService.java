package org.newsgraph.entity.processing;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import org.newsgraph.common.problem.ProblemException;

/** Queues stored articles for extraction again, after a registry or extractor change. */
@ApplicationScoped
public class ReprocessService {

  /** POST /reprocess: a publication-date range (either end may be open) or all articles. */
  public record Request(LocalDate from, LocalDate to, Boolean all) {}

  /** How many articles were queued. */
  public record Result(int queued) {}

  private final OutboxQueue queue;

  public ReprocessService(OutboxQueue queue) {
    this.queue = queue;
  }

  public Result reprocess(Request request) {
    boolean all = Boolean.TRUE.equals(request.all());
    if (all && (request.from() != null || request.to() != null)) {
      throw ProblemException.invalid("all", "cannot be combined with from or to");
    }
    if (!all && request.from() == null && request.to() == null) {
      throw ProblemException.invalid("all", "give from and/or to, or all: true");
    }
    if (request.from() != null && request.to() != null && request.from().isAfter(request.to())) {
      throw ProblemException.invalid("to", "must not be before from");
    }
    // the old results stay visible until each article's new ones replace them atomically
    return new Result(queue.requeue(request.from(), request.to(), all));
  }
}
