package org.newsgraph.query.db;

import java.sql.SQLException;

/** A database failure: a logged 500, or a 503 when the database is unavailable (common mappers). */
public class DatabaseException extends RuntimeException {

  public DatabaseException(SQLException cause) {
    super(cause.getMessage(), cause);
  }
}
