package org.newsgraph.common.problem;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure of the database server (down, restarting, out of connections, too busy) and a
 * value the database refuses from a bug: the first is worth a retry and answers 503, the second is
 * the caller's (400), the last a 500.
 */
public final class DatabaseFailure {

  /**
   * SQLSTATE classes and codes that say the server, not the statement, failed: 08 connection
   * exceptions, 53 insufficient resources, 57 operator intervention (shutdown, crash recovery,
   * statement_timeout), 40001/40P01 a serialization failure or deadlock a retry resolves.
   */
  private static final Set<String> CLASSES = Set.of("08", "53", "57");

  private static final Set<String> CODES = Set.of("40001", "40P01");

  /** SQLSTATE class 22, data exception: a NUL character, a number out of range, bad encoding. */
  private static final String DATA_EXCEPTION = "22";

  private DatabaseFailure() {}

  /** Whether {@code failure} or one of its causes is the database being unavailable. */
  public static boolean isOutage(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql && isOutage(sql)) {
        return true;
      }
      // a failed commit carries the lost connection as a suppressed exception, not as its cause
      for (Throwable suppressed : t.getSuppressed()) {
        if (suppressed != failure && isOutage(suppressed)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the database refused a value it was given: input no check caught before. */
  public static boolean isBadValue(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith(DATA_EXCEPTION)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isOutage(SQLException sql) {
    String state = sql.getSQLState();
    if (state != null && state.length() == 5) {
      return CLASSES.contains(state.substring(0, 2)) || CODES.contains(state);
    }
    // the connection pool's acquisition timeout: no connection could be had in time
    return sql.getCause() instanceof TimeoutException;
  }
}
