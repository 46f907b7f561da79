package org.newsgraph.ingest.source;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The polling schedule, ingest.source: claims due sources with leases, and records each poll's
 * outcome. Every update after the claim names the lease owner, so a replica that lost its lease (or
 * whose source was deleted meanwhile) changes nothing.
 */
@ApplicationScoped
@Transactional
public class SourceQueue {

  private final AgroalDataSource dataSource;
  private final FeedConfig config;

  SourceQueue(AgroalDataSource dataSource, FeedConfig config) {
    this.dataSource = dataSource;
    this.config = config;
  }

  /** A claimed source and what a poll needs of it. */
  record Claim(
      long id, String url, String name, String language, String etag, String lastModified) {}

  /**
   * What a poll that read the feed (or heard it had not changed) found.
   *
   * @param moreToFetch entries were left for the next poll, which is then due at once
   * @param retryLater a page failed for a reason that may pass; the next poll, after the interval,
   *     must read the whole feed again to find it
   */
  record Success(
      FeedDocument.Format format,
      String etag,
      String lastModified,
      int newArticles,
      int pageFailures,
      boolean moreToFetch,
      boolean retryLater) {

    /** A conditional GET would answer 304 and hide the entries still to fetch. */
    boolean keepValidators() {
      return !moreToFetch && !retryLater;
    }
  }

  /**
   * Claims up to {@code limit} sources that are due, not paused, and not held by a live lease.
   * Committed on return: from then on the lease keeps every other replica off them.
   */
  public List<Claim> claim(String owner, int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement claim =
            c.prepareStatement(
                """
                WITH due AS (
                  SELECT id FROM ingest.source
                  WHERE NOT paused AND next_poll_at <= now()
                    AND (lease_until IS NULL OR lease_until < now())
                  ORDER BY next_poll_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
                UPDATE ingest.source s SET lease_owner = ?,
                  lease_until = now() + make_interval(secs => ?)
                FROM due WHERE s.id = due.id
                RETURNING s.id, s.url, s.name, s.language, s.etag, s.last_modified""")) {
      claim.setInt(1, limit);
      claim.setString(2, owner);
      claim.setDouble(3, config.lease().toMillis() / 1000.0);
      List<Claim> claims = new ArrayList<>();
      try (ResultSet rows = claim.executeQuery()) {
        while (rows.next()) {
          claims.add(
              new Claim(
                  rows.getLong(1),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getString(4),
                  rows.getString(5),
                  rows.getString(6)));
        }
      }
      return claims;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not claim sources", e);
    }
  }

  /**
   * Records a poll that worked and releases the source: due again after its interval, or at once
   * when entries are left for the next poll. The validators are kept only when nothing is left to
   * fetch: else the next poll reads the whole feed again instead of hearing 304.
   *
   * @return false when the lease was lost or the source is gone
   */
  public boolean succeeded(long id, String owner, Success poll) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                """
                UPDATE ingest.source SET lease_owner = NULL, lease_until = NULL,
                  last_polled_at = now(), last_success_at = now(), polls = polls + 1,
                  consecutive_failures = 0, format = coalesce(?, format),
                  etag = ?, last_modified = ?,
                  articles = articles + ?, page_failures = page_failures + ?,
                  last_new_article_at = CASE WHEN ? > 0 THEN now() ELSE last_new_article_at END,
                  next_poll_at = CASE WHEN ? THEN now()
                    ELSE now() + make_interval(secs => interval_millis / 1000.0) END
                WHERE id = ? AND lease_owner = ?""")) {
      update.setObject(1, poll.format() == null ? null : poll.format().name(), Types.VARCHAR);
      update.setString(2, poll.keepValidators() ? poll.etag() : null);
      update.setString(3, poll.keepValidators() ? poll.lastModified() : null);
      update.setInt(4, poll.newArticles());
      update.setInt(5, poll.pageFailures());
      update.setInt(6, poll.newArticles());
      update.setBoolean(7, poll.moreToFetch());
      update.setLong(8, id);
      update.setString(9, owner);
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not record the poll of source " + id, e);
    }
  }

  /**
   * Records a failed poll and releases the source, due again after the backoff: doubled for each
   * failure in a row, capped.
   *
   * @return the failures in a row now, or 0 when the lease was lost or the source is gone
   */
  public int failed(long id, String owner, String error) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                """
                UPDATE ingest.source SET lease_owner = NULL, lease_until = NULL,
                  last_polled_at = now(), polls = polls + 1, failures = failures + 1,
                  consecutive_failures = consecutive_failures + 1,
                  last_error = ?, last_error_at = now(),
                  next_poll_at = now() + make_interval(secs =>
                    least(?, ? * power(2, least(consecutive_failures, 30))))
                WHERE id = ? AND lease_owner = ?
                RETURNING consecutive_failures""")) {
      update.setString(1, error);
      update.setDouble(2, config.maxBackoff().toMillis() / 1000.0);
      update.setDouble(3, config.backoff().toMillis() / 1000.0);
      update.setLong(4, id);
      update.setString(5, owner);
      try (ResultSet rows = update.executeQuery()) {
        return rows.next() ? rows.getInt(1) : 0;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not record the failure of source " + id, e);
    }
  }

  /** Seconds since each source last polled well (since it was added, if never), by name. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SourceAge> ages() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement query =
            c.prepareStatement(
                """
                SELECT name, extract(epoch FROM now() - coalesce(last_success_at, created_at))
                FROM ingest.source WHERE NOT paused""");
        ResultSet rows = query.executeQuery()) {
      List<SourceAge> ages = new ArrayList<>();
      while (rows.next()) {
        ages.add(new SourceAge(rows.getString(1), rows.getDouble(2)));
      }
      return ages;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the sources' ages", e);
    }
  }

  record SourceAge(String name, double seconds) {}
}
