package org.newsgraph.entity.processing;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * DOWN when an extraction worker thread has ended or has held one article for longer than its time
 * budget allows (the budget's interrupt did not stop it): a replica in that state extracts less or
 * nothing while it looks alive, and a restart is the cure.
 */
@Liveness
@ApplicationScoped
public class WorkerLiveness implements HealthCheck {

  private final ExtractionWorker workers;

  public WorkerLiveness(ExtractionWorker workers) {
    this.workers = workers;
  }

  @Override
  public HealthCheckResponse call() {
    List<String> problems = workers.problems(Instant.now());
    var response =
        HealthCheckResponse.named("extraction-workers")
            .status(problems.isEmpty())
            .withData("workers", workers.states().size());
    if (!problems.isEmpty()) {
      response.withData("problems", String.join("; ", problems));
    }
    return response.build();
  }
}
