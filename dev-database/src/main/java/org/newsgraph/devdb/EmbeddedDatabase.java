package org.newsgraph.devdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * A real PostgreSQL server run from the binaries on Maven Central, holding the {@value #DATABASE}
 * database that all services share.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  public static final String DATABASE = "newsgraph";
  public static final String USER = "postgres";

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
  }

  /**
   * Starts a server.
   *
   * @param port the port to listen on, or 0 for any free port
   * @param dataDirectory where the data lives and survives restarts, or null for a throw-away
   *     directory
   */
  public static EmbeddedDatabase start(int port, Path dataDirectory) throws IOException {
    // the library defaults to synchronous_commit=off, which acknowledges a commit before its WAL
    // is written: a crash then loses articles that were answered 201. A throw-away test server
    // keeps fsync off (its data dies with it anyway), but still writes WAL before each commit.
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setServerConfig("max_connections", "300")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("fsync", dataDirectory == null ? "off" : "on");
    if (port > 0) {
      builder.setPort(port);
    }
    if (dataDirectory != null) {
      builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
    }
    EmbeddedDatabase database = new EmbeddedDatabase(builder.start(), dataDirectory);
    database.createDatabaseIfMissing();
    return database;
  }

  /**
   * The postmaster's process, read from its pid file: the library starts it through pg_ctl, so the
   * server is no child of this JVM. Empty for a throw-away server, or when it is not running.
   */
  public Optional<ProcessHandle> postmaster() {
    if (dataDirectory == null) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
      return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0)));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
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
