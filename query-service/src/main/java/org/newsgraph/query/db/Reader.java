package org.newsgraph.query.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postgresql.PGStatement;

/**
 * Runs SELECTs through the read-only "reader" datasource. Parameters are bound in order; a {@link
 * SqlArray} becomes a PostgreSQL array.
 */
@ApplicationScoped
public class Reader {

  private final AgroalDataSource dataSource;

  public Reader(@DataSource("reader") AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** Consumes rows one by one while the statement is open (exports, streams). */
  @FunctionalInterface
  public interface RowSink {
    void accept(ResultSet row) throws Exception;
  }

  /** A PostgreSQL array parameter of the given element type ("text", "bpchar", "uuid"). */
  public record SqlArray(String type, Object[] values) {}

  /** How PostgreSQL plans a statement. */
  public enum Plan {
    /**
     * For the parameters of each call (an unnamed statement, which PostgreSQL always plans for its
     * values): where the best plan depends on them, as an actor in half of all events needs another
     * plan than one in ten.
     */
    PER_CALL,
    /**
     * Prepared on the server once per connection, so that PostgreSQL can reuse a generic plan: for
     * key lookups and index ranges whose plan does not depend on the values. Planning was about
     * half of PostgreSQL's CPU time for an actor profile.
     */
    CACHED
  }

  public <T> List<T> list(String sql, List<?> params, RowMapper<T> mapper) {
    return list(Plan.PER_CALL, sql, params, mapper);
  }

  public <T> List<T> list(Plan plan, String sql, List<?> params, RowMapper<T> mapper) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = prepare(connection, sql, params, plan);
        ResultSet rows = statement.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(mapper.map(rows));
      }
      return result;
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }

  public <T> Optional<T> one(String sql, List<?> params, RowMapper<T> mapper) {
    return one(Plan.PER_CALL, sql, params, mapper);
  }

  public <T> Optional<T> one(Plan plan, String sql, List<?> params, RowMapper<T> mapper) {
    List<T> rows = list(plan, sql, params, mapper);
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  /**
   * Streams every row through a server-side cursor ({@code fetchSize} rows per round trip), so an
   * export of the whole history never holds more than one batch in memory.
   */
  public void stream(String sql, List<?> params, int fetchSize, RowSink sink) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      // pgjdbc only uses a cursor inside a transaction
      connection.setAutoCommit(false);
      try (PreparedStatement statement = prepare(connection, sql, params, Plan.PER_CALL)) {
        statement.setFetchSize(fetchSize);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            sink.accept(rows);
          }
        }
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
  }

  private static PreparedStatement prepare(
      Connection connection, String sql, List<?> params, Plan plan) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    if (plan == Plan.CACHED) {
      // the reader's connections default to prepareThreshold=0 (see application.properties)
      statement.unwrap(PGStatement.class).setPrepareThreshold(1);
    }
    int index = 1;
    for (Object param : params) {
      if (param instanceof SqlArray array) {
        Array value = connection.createArrayOf(array.type(), array.values());
        statement.setArray(index++, value);
      } else {
        statement.setObject(index++, param);
      }
    }
    return statement;
  }
}
