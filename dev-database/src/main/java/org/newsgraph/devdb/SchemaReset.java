package org.newsgraph.devdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Empties a configured (non-embedded) database for {@code ./newsgraph up --fresh}: drops the
 * services' schemas, which each service's Flyway recreates at start.
 *
 * <p>Usage: {@code SchemaReset <jdbc-url> <user> <password> <schema>...}
 */
public final class SchemaReset {

  private SchemaReset() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: SchemaReset <jdbc-url> <user> <password> <schema>...");
      System.exit(2);
    }
    try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2]);
        Statement statement = connection.createStatement()) {
      for (int i = 3; i < args.length; i++) {
        if (!args[i].matches("[a-z_]+")) {
          throw new IllegalArgumentException("not a schema name: " + args[i]);
        }
        statement.execute("DROP SCHEMA IF EXISTS " + args[i] + " CASCADE");
      }
    }
  }
}
