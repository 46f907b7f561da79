package org.newsgraph.entity.processing;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The extraction queue, ingest.outbox: claims with leases, and the outcome of each attempt. Every
 * update after the claim names the lease owner, so a worker that lost its lease changes nothing.
 */
@ApplicationScoped
@Transactional
public class OutboxQueue {

  private final AgroalDataSource dataSource;
  private final WorkerConfig config;

  public OutboxQueue(AgroalDataSource dataSource, WorkerConfig config) {
    this.dataSource = dataSource;
    this.config = config;
  }

  /** A claimed article and what the extractor needs from it. */
  public record Claim(
      long articleId,
      String text,
      LocalDate publishedAt,
      String language,
      Double languageConfidence,
      int attempts) {}

  /**
   * Claims up to {@code limit} articles: queued ones that are due, and those whose previous
   * worker's lease ran out (which counts as a failed attempt). Committed on return.
   */
  public List<Claim> claim(String owner, int limit) {
    try (Connection c = dataSource.getConnection()) {
      // a lease that expired means a worker died on this article: count it, and give up on an
      // article that keeps killing workers
      try (PreparedStatement expired =
          c.prepareStatement(
              """
              UPDATE ingest.outbox SET status = 'FAILED', attempts = attempts + 1,
                last_error = 'lease expired: the worker processing it stopped',
                lease_owner = NULL, lease_until = NULL, updated_at = now()
              WHERE status = 'PROCESSING' AND lease_until < now() AND attempts + 1 >= ?""")) {
        expired.setInt(1, config.maxAttempts());
        expired.executeUpdate();
      }
      try (PreparedStatement claim =
          c.prepareStatement(
              """
              WITH due AS (
                SELECT article_id FROM ingest.outbox
                WHERE (status = 'QUEUED' AND available_at <= now())
                   OR (status = 'PROCESSING' AND lease_until < now())
                ORDER BY available_at, article_id LIMIT ? FOR UPDATE SKIP LOCKED)
              UPDATE ingest.outbox o SET
                attempts = o.attempts + CASE WHEN o.status = 'PROCESSING' THEN 1 ELSE 0 END,
                last_error = CASE WHEN o.status = 'PROCESSING'
                  THEN 'lease expired: the worker processing it stopped' ELSE o.last_error END,
                status = 'PROCESSING', lease_owner = ?,
                lease_until = now() + make_interval(secs => ?), updated_at = now()
              FROM due, ingest.article a
              WHERE o.article_id = due.article_id AND a.id = o.article_id
              RETURNING o.article_id, a.text, a.published_at, a.language, a.language_confidence,
                o.attempts""")) {
        claim.setInt(1, limit);
        claim.setString(2, owner);
        claim.setDouble(3, config.lease().toMillis() / 1000.0);
        List<Claim> claims = new ArrayList<>();
        try (ResultSet rows = claim.executeQuery()) {
          while (rows.next()) {
            var published = rows.getDate(3);
            claims.add(
                new Claim(
                    rows.getLong(1),
                    rows.getString(2),
                    published == null ? null : published.toLocalDate(),
                    rows.getString(4),
                    rows.getObject(5) == null ? null : rows.getDouble(5),
                    rows.getInt(6)));
          }
        }
        return claims;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not claim articles", e);
    }
  }

  /**
   * Marks the article done, skipped or whatever {@code status} says — only while {@code owner}
   * still holds it. The row stays locked until the caller's transaction ends, so nobody can claim
   * it while the results are written.
   *
   * @return false when the lease was lost: the caller must write nothing
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean finish(long articleId, String owner, String status, String note) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement finish =
            c.prepareStatement(
                """
                UPDATE ingest.outbox SET status = ?, last_error = ?, lease_owner = NULL,
                  lease_until = NULL, updated_at = now()
                WHERE article_id = ? AND status = 'PROCESSING' AND lease_owner = ?""")) {
      finish.setString(1, status);
      finish.setString(2, note);
      finish.setLong(3, articleId);
      finish.setString(4, owner);
      return finish.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not finish article " + articleId, e);
    }
  }

  /**
   * Records a failed attempt: back to QUEUED after an exponential backoff, or FAILED after the last
   * attempt; the error is kept either way.
   *
   * @return the status the article is in now, or null when the lease was lost
   */
  public String fail(long articleId, String owner, String error) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement fail =
            c.prepareStatement(
                """
                UPDATE ingest.outbox SET attempts = attempts + 1, last_error = ?,
                  status = CASE WHEN attempts + 1 >= ? THEN 'FAILED' ELSE 'QUEUED' END,
                  available_at = now() + make_interval(secs => least(?, ? * power(2, attempts))),
                  lease_owner = NULL, lease_until = NULL, updated_at = now()
                WHERE article_id = ? AND status = 'PROCESSING' AND lease_owner = ?
                RETURNING status""")) {
      fail.setString(1, error);
      fail.setInt(2, config.maxAttempts());
      fail.setDouble(3, config.maxBackoff().toMillis() / 1000.0);
      fail.setDouble(4, config.backoff().toMillis() / 1000.0);
      fail.setLong(5, articleId);
      fail.setString(6, owner);
      try (ResultSet rows = fail.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not record the failure of article " + articleId, e);
    }
  }

  /**
   * Extends {@code owner}'s lease on the article by another lease period.
   *
   * @return false when the lease was lost: another worker holds the article, or it is finished
   */
  public boolean renew(long articleId, String owner) {
    return update(
        """
        UPDATE ingest.outbox SET lease_until = now() + make_interval(secs => ?)
        WHERE article_id = ? AND status = 'PROCESSING' AND lease_owner = ?""",
        "renew the lease on article " + articleId,
        config.lease().toMillis() / 1000.0,
        articleId,
        owner);
  }

  /**
   * FAILED at once with {@code reason}, without a retry: for an article whose next attempt would
   * fail the same way (it took longer than the time budget).
   *
   * @return false when the lease was lost
   */
  public boolean giveUp(long articleId, String owner, String reason) {
    return update(
        """
        UPDATE ingest.outbox SET status = 'FAILED', attempts = attempts + 1, last_error = ?,
          lease_owner = NULL, lease_until = NULL, updated_at = now()
        WHERE article_id = ? AND status = 'PROCESSING' AND lease_owner = ?""",
        "give up on article " + articleId,
        reason,
        articleId,
        owner);
  }

  /**
   * Back to QUEUED, due now, without counting an attempt: the worker stopped (a deploy), the
   * article did nothing wrong.
   *
   * @return false when the lease was lost
   */
  public boolean release(long articleId, String owner) {
    return update(
        """
        UPDATE ingest.outbox SET status = 'QUEUED', available_at = now(), lease_owner = NULL,
          lease_until = NULL, updated_at = now()
        WHERE article_id = ? AND status = 'PROCESSING' AND lease_owner = ?""",
        "release article " + articleId,
        articleId,
        owner);
  }

  private boolean update(String sql, String what, Object... parameters) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        update.setObject(i + 1, parameters[i]);
      }
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not " + what, e);
    }
  }

  /** Articles waiting to be extracted (queued, or due for a retry later). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public long depth() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement count =
            c.prepareStatement("SELECT count(*) FROM ingest.outbox WHERE status = 'QUEUED'");
        ResultSet rows = count.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count the queue", e);
    }
  }

  /**
   * Queues articles again (QUEUED, attempts reset) whose publication date lies in [from, to], or
   * all of them. Articles being processed right now are left to their worker.
   *
   * @return how many were queued
   */
  public int requeue(LocalDate from, LocalDate to, boolean all) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement requeue =
            c.prepareStatement(
                """
                UPDATE ingest.outbox o SET status = 'QUEUED', attempts = 0, last_error = NULL,
                  available_at = now(), lease_owner = NULL, lease_until = NULL, updated_at = now()
                FROM ingest.article a
                WHERE a.id = o.article_id AND o.status <> 'PROCESSING'
                  AND (? OR ((?::date IS NULL OR a.published_at >= ?::date)
                             AND (?::date IS NULL OR a.published_at <= ?::date)))""")) {
      requeue.setBoolean(1, all);
      java.sql.Date sqlFrom = from == null ? null : java.sql.Date.valueOf(from);
      java.sql.Date sqlTo = to == null ? null : java.sql.Date.valueOf(to);
      requeue.setObject(2, sqlFrom, java.sql.Types.DATE);
      requeue.setObject(3, sqlFrom, java.sql.Types.DATE);
      requeue.setObject(4, sqlTo, java.sql.Types.DATE);
      requeue.setObject(5, sqlTo, java.sql.Types.DATE);
      return requeue.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not queue articles again", e);
    }
  }
}
