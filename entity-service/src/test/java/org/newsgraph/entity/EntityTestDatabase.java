package org.newsgraph.entity;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.newsgraph.devdb.EmbeddedDatabase;
import org.newsgraph.devdb.PostgresTestResource;

/**
 * The real PostgreSQL of the test run, with the ingest schema migrated by ingest-service's own
 * migrations before Quarkus starts: entity-service consumes ingest.article and ingest.outbox.
 */
public class EntityTestDatabase implements QuarkusTestResourceLifecycleManager {

  private final PostgresTestResource postgres = new PostgresTestResource();

  @Override
  public Map<String, String> start() {
    Map<String, String> config = postgres.start();
    Flyway.configure()
        .dataSource(PostgresTestResource.database().jdbcUrl(), EmbeddedDatabase.USER, "")
        .schemas("ingest")
        .defaultSchema("ingest")
        .locations("filesystem:../ingest-service/src/main/resources/db/ingest")
        .load()
        .migrate();
    return config;
  }

  @Override
  public void stop() {
    postgres.stop();
  }
}
