package org.newsgraph.ingest.source;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What each source's entries came to, ingest.source_entry: an entry is fetched once, unless its
 * page failed for a reason that may pass, and then at most {@code max-entry-attempts} times.
 */
@ApplicationScoped
@Transactional
public class SourceEntries {

  private final AgroalDataSource dataSource;
  private final int maxAttempts;

  SourceEntries(AgroalDataSource dataSource, FeedConfig config) {
    this.dataSource = dataSource;
    this.maxAttempts = config.maxEntryAttempts();
  }

  /** An entry with the key its URL matches under. */
  record Keyed(FeedEntry entry, String urlKey) {}

  /**
   * The entries to fetch, in feed order: not listed twice, not seen before in this source (by URL
   * or GUID) with an article or with its attempts used up, and not an article stored already.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  List<Keyed> unseen(long sourceId, List<Keyed> entries) {
    if (entries.isEmpty()) {
      return List.of();
    }
    Set<String> seenUrls = new HashSet<>();
    Set<String> seenGuids = new HashSet<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement query =
            c.prepareStatement(
                """
                SELECT url_key, guid FROM ingest.source_entry
                WHERE source_id = ? AND (url_key = ANY (?) OR guid = ANY (?))
                  AND (article_id IS NOT NULL OR attempts >= ?)
                UNION ALL
                SELECT url_key, NULL FROM ingest.article WHERE url_key = ANY (?)""")) {
      Object[] urls = entries.stream().map(Keyed::urlKey).toArray();
      Object[] guids =
          entries.stream().map(keyed -> keyed.entry().guid()).filter(g -> g != null).toArray();
      query.setLong(1, sourceId);
      query.setArray(2, c.createArrayOf("text", urls));
      query.setArray(3, c.createArrayOf("text", guids));
      query.setInt(4, maxAttempts);
      query.setArray(5, c.createArrayOf("text", urls));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          seenUrls.add(rows.getString(1));
          if (rows.getString(2) != null) {
            seenGuids.add(rows.getString(2));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not look up the entries of source " + sourceId, e);
    }
    List<Keyed> unseen = new ArrayList<>();
    for (Keyed keyed : entries) {
      String guid = keyed.entry().guid();
      // adding marks it: an entry the feed lists twice is fetched once
      boolean newUrl = seenUrls.add(keyed.urlKey());
      boolean newGuid = guid == null || seenGuids.add(guid);
      if (newUrl && newGuid) {
        unseen.add(keyed);
      }
    }
    return unseen;
  }

  /** The entry's page became (or duplicates) this article. */
  void stored(long sourceId, Keyed keyed, long articleId) {
    record(sourceId, keyed, articleId, null, false);
  }

  /**
   * The entry's page could not be had; it is tried again at later polls only if the failure may
   * pass, and at most {@code max-entry-attempts} times in all.
   */
  void failed(long sourceId, Keyed keyed, String error, boolean mayPass) {
    record(sourceId, keyed, null, error, !mayPass);
  }

  private void record(long sourceId, Keyed keyed, Long articleId, String error, boolean giveUp) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement upsert =
            c.prepareStatement(
                """
                INSERT INTO ingest.source_entry AS e
                  (source_id, url_key, guid, article_id, attempts, last_error)
                VALUES (?, ?, ?, ?, CASE WHEN ? THEN ? ELSE 1 END, ?)
                ON CONFLICT (source_id, url_key) DO UPDATE SET
                  guid = coalesce(EXCLUDED.guid, e.guid), article_id = EXCLUDED.article_id,
                  attempts = CASE WHEN ? THEN ? ELSE e.attempts + 1 END,
                  last_error = EXCLUDED.last_error, updated_at = now()""")) {
      upsert.setLong(1, sourceId);
      upsert.setString(2, keyed.urlKey());
      upsert.setString(3, keyed.entry().guid());
      upsert.setObject(4, articleId, java.sql.Types.BIGINT);
      upsert.setBoolean(5, giveUp);
      upsert.setInt(6, maxAttempts);
      upsert.setString(7, error);
      upsert.setBoolean(8, giveUp);
      upsert.setInt(9, maxAttempts);
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not record an entry of source " + sourceId, e);
    }
  }
}
