package org.newsgraph.query.db;

import java.sql.SQLException;

/** A database failure that no caller can act on: becomes a logged 500. */
public class DatabaseException extends RuntimeException {

  public DatabaseException(SQLException cause) {
    super(cause.getMessage(), cause);
  }
}
