package org.newsgraph.query;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.newsgraph.devdb.EmbeddedDatabase;
import org.newsgraph.devdb.PostgresTestResource;

/**
 * The test PostgreSQL with the real ingest and entity migrations applied before Quarkus starts, as
 * ingest-service and entity-service would have done: query-service reads their schemas.
 */
public class MigratedDatabase implements QuarkusTestResourceLifecycleManager {

  private final PostgresTestResource postgres = new PostgresTestResource();

  @Override
  public Map<String, String> start() {
    Map<String, String> config = postgres.start();
    migrate("ingest", "filesystem:../ingest-service/src/main/resources/db/ingest");
    migrate("entity", "filesystem:../entity-service/src/main/resources/db/entity");
    return config;
  }

  private static void migrate(String schema, String location) {
    Flyway.configure()
        .dataSource(PostgresTestResource.database().jdbcUrl(), EmbeddedDatabase.USER, "")
        .schemas(schema)
        .defaultSchema(schema)
        .locations(location)
        .load()
        .migrate();
  }

  @Override
  public void stop() {
    postgres.stop();
  }
}
