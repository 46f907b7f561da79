package org.newsgraph.entity.processing;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import org.newsgraph.entity.extraction.Extractor;

/**
 * Ready once the extractor has run once: loading the models takes many seconds, and a replica must
 * not receive /extract calls before that.
 */
@Readiness
@ApplicationScoped
public class ExtractorReadiness implements HealthCheck {

  private static final Logger LOG = Logger.getLogger(ExtractorReadiness.class);

  private final Extractor extractor;
  private volatile boolean loaded;
  private volatile String failure;

  public ExtractorReadiness(Extractor extractor) {
    this.extractor = extractor;
  }

  void warmUp(@Observes StartupEvent startup) {
    Thread thread =
        new Thread(
            () -> {
              try {
                extractor.extract(
                    "The minister met the president in the capital.", LocalDate.now(), "en");
                loaded = true;
              } catch (Throwable e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.error("The extractor could not load its models", e);
              }
            },
            "extractor-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public HealthCheckResponse call() {
    var response =
        HealthCheckResponse.named("extractor")
            .status(loaded)
            .withData("version", extractor.version());
    if (failure != null) {
      response.withData("error", failure);
    }
    return response.build();
  }
}
