package org.newsgraph.devdb;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Starts one real PostgreSQL server per test JVM and points the Quarkus datasource at it. Each test
 * JVM gets a fresh, empty database, so the services' Flyway migrations are proven on every run.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

  private static EmbeddedDatabase database;

  /** The shared server, started on first use; also for tests that need JDBC before Quarkus. */
  public static synchronized EmbeddedDatabase database() {
    if (database == null) {
      try {
        database = EmbeddedDatabase.start(0, null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(PostgresTestResource::stopQuietly));
    }
    return database;
  }

  @Override
  public Map<String, String> start() {
    EmbeddedDatabase db = database();
    return Map.of(
        "quarkus.datasource.jdbc.url",
        db.jdbcUrl(),
        "quarkus.datasource.username",
        EmbeddedDatabase.USER,
        "quarkus.datasource.password",
        "");
  }

  @Override
  public void stop() {
    // the server outlives one Quarkus application: the next test class may restart the app
  }

  private static synchronized void stopQuietly() {
    try {
      database.close();
    } catch (IOException e) {
      System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
    }
  }
}
