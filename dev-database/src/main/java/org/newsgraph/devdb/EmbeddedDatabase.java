package org.newsgraph.devdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server run from the binaries on Maven Central, holding the {@value #DATABASE}
 * database that all services share.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  public static final String DATABASE = "newsgraph";
  public static final String USER = "postgres";

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts a server.
   *
   * @param port the port to listen on, or 0 for any free port
   * @param dataDirectory where the data lives and survives restarts, or null for a throw-away
   *     directory
   */
  public static EmbeddedDatabase start(int port, Path dataDirectory) throws IOException {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setServerConfig("max_connections", "300")
            .setServerConfig("fsync", dataDirectory == null ? "off" : "on");
    if (port > 0) {
      builder.setPort(port);
    }
    if (dataDirectory != null) {
      builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
    }
    EmbeddedDatabase database = new EmbeddedDatabase(builder.start());
    database.createDatabaseIfMissing();
    return database;
  }

  public int port() {
    return postgres.getPort();
  }

  public String jdbcUrl() {
    return postgres.getJdbcUrl(USER, DATABASE).replaceFirst("\\?.*$", "");
  }

  private void createDatabaseIfMissing() throws IOException {
    try (Connection connection =
            DriverManager.getConnection(postgres.getJdbcUrl(USER, "postgres"));
        Statement statement = connection.createStatement()) {
      var exists =
          statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
      if (!exists.next()) {
        statement.execute("CREATE DATABASE " + DATABASE);
      }
    } catch (SQLException e) {
      throw new IOException("Could not create the " + DATABASE + " database", e);
    }
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
