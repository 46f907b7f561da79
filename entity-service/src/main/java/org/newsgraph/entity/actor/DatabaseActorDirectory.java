package org.newsgraph.entity.actor;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsgraph.entity.extraction.ActorDirectory;
import org.newsgraph.entity.extraction.KnownActor;

/**
 * The actors in the database, as the extractor sees them: an immutable in-memory snapshot that is
 * reloaded whenever the committed {@code actor_revision} moved past the snapshot's.
 */
@ApplicationScoped
public class DatabaseActorDirectory implements ActorDirectory {

  private record Snapshot(long revision, List<KnownActor> actors) {}

  private final AgroalDataSource dataSource;
  private volatile Snapshot snapshot;

  public DatabaseActorDirectory(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public List<KnownActor> actors() {
    return current().actors();
  }

  @Override
  public long revision() {
    return current().revision();
  }

  /** Reloads the snapshot if the database holds newer committed changes; cheap when it does not. */
  public synchronized void refreshIfChanged() {
    try (Connection connection = dataSource.getConnection()) {
      long revision = revision(connection);
      if (snapshot == null || snapshot.revision() != revision) {
        snapshot = load(connection);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the actor directory", e);
    }
  }

  private Snapshot current() {
    Snapshot current = snapshot;
    if (current == null) {
      refreshIfChanged();
      current = snapshot;
    }
    return current;
  }

  private static long revision(Connection connection) throws SQLException {
    try (var statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT revision FROM entity.actor_revision")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static Snapshot load(Connection connection) throws SQLException {
    // one consistent read: the revision and the rows it describes
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    try {
      long revision = revision(connection);
      Map<String, Map<String, List<String>>> names = new HashMap<>();
      try (var statement = connection.createStatement();
          var rows =
              statement.executeQuery(
                  "SELECT actor_id, kind, alias FROM entity.actor_alias ORDER BY actor_id, kind,"
                      + " alias")) {
        while (rows.next()) {
          names
              .computeIfAbsent(rows.getString(1), id -> new HashMap<>())
              .computeIfAbsent(rows.getString(2), kind -> new ArrayList<>())
              .add(rows.getString(3));
        }
      }
      Map<String, KnownActor> actors = new LinkedHashMap<>();
      try (var statement = connection.createStatement();
          var rows =
              statement.executeQuery(
                  "SELECT id, name, type, country, parent_id FROM entity.actor"
                      + " WHERE merged_into IS NULL ORDER BY id")) {
        while (rows.next()) {
          String id = rows.getString(1);
          Map<String, List<String>> own = names.getOrDefault(id, Map.of());
          List<String> aliases = new ArrayList<>(own.getOrDefault("ALIAS", List.of()));
          String name = rows.getString(2);
          if (aliases.stream().noneMatch(alias -> AliasKey.of(alias).equals(AliasKey.of(name)))) {
            aliases.add(0, name);
          }
          String country = rows.getString(4);
          actors.put(
              id,
              new KnownActor(
                  id,
                  name,
                  rows.getString(3),
                  country == null ? null : country.strip(),
                  rows.getString(5),
                  aliases,
                  own.getOrDefault("DEMONYM", List.of()),
                  own.getOrDefault("METONYM", List.of())));
        }
      }
      connection.commit();
      return new Snapshot(revision, List.copyOf(actors.values()));
    } finally {
      connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      connection.setAutoCommit(autoCommit);
    }
  }
}
