package org.newsgraph.query.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.query.db.Reader.Plan;

/**
 * Reads are planned for their parameters unless marked {@link Plan#CACHED}: only those become named
 * server-side statements, whose plan PostgreSQL may keep.
 */
@QuarkusTest
class ReaderTest {

  @Inject Reader reader;

  /** Whether the statement running this query is a named (server-side prepared) statement. */
  private long named(Plan plan, String marker) {
    return reader
        .one(
            plan,
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%' || ? || '%'"
                + " AND statement LIKE '%pg_prepared_statements%' /* "
                + marker
                + " */",
            List.of(marker),
            row -> row.getLong(1))
        .orElseThrow();
  }

  @Test
  void onlyCachedStatementsArePreparedOnTheServer() {
    assertEquals(0, named(Plan.PER_CALL, "per-call-statement"));
    assertEquals(1, named(Plan.CACHED, "cached-statement"));
  }
}
