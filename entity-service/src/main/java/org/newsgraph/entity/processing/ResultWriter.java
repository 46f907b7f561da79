package org.newsgraph.entity.processing;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsgraph.entity.actor.ActorRepository;
import org.newsgraph.entity.event.CanonicalEvents;
import org.newsgraph.entity.extraction.ActorMention;
import org.newsgraph.entity.extraction.ActorRef;
import org.newsgraph.entity.extraction.ExtractedEvent;
import org.newsgraph.entity.extraction.Extraction;

/**
 * Writes one article's results and its new queue status in one transaction: provisional actors,
 * actor mentions, event mentions with their roles, canonical event assignment, the extraction
 * record and DONE. The old results of the article are replaced in the same transaction.
 */
@ApplicationScoped
@Transactional
public class ResultWriter {

  /** The lease was lost: another worker owns the article now, so this one wrote nothing. */
  public static class LeaseLostException extends RuntimeException {
    LeaseLostException(long articleId) {
      super("lost the lease on article " + articleId);
    }
  }

  private final AgroalDataSource dataSource;
  private final OutboxQueue queue;
  private final CanonicalEvents events;

  public ResultWriter(AgroalDataSource dataSource, OutboxQueue queue, CanonicalEvents events) {
    this.dataSource = dataSource;
    this.queue = queue;
    this.events = events;
  }

  /**
   * @param note why the article has no events although it is DONE (its language gets actors only),
   *     or null
   */
  public void write(
      long articleId,
      String owner,
      String text,
      LocalDate publishedAt,
      Extraction extraction,
      String note) {
    // first, so that the outbox row is locked against a reclaim while the results are written
    if (!queue.finish(articleId, owner, "DONE", note)) {
      throw new LeaseLostException(articleId);
    }
    try (Connection c = dataSource.getConnection()) {
      events.holdOffCuration();
      ActorRepository.insertProvisional(c, extraction.provisionalActors());
      Map<String, String> actorIds = ActorRepository.resolve(c, actorIds(extraction));
      replaceMentions(c, articleId, extraction.mentions(), actorIds);
      events.replaceArticle(
          articleId,
          text,
          publishedAt,
          extraction.events(),
          extraction.extractorVersion(),
          actorIds);
      try (PreparedStatement record =
          c.prepareStatement(
              """
              INSERT INTO entity.article_extraction (article_id, extractor_version, language)
              VALUES (?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET
                extractor_version = excluded.extractor_version, language = excluded.language,
                extracted_at = now()""")) {
        record.setLong(1, articleId);
        record.setString(2, extraction.extractorVersion());
        record.setString(3, extraction.language());
        record.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store the results of article " + articleId, e);
    }
  }

  private static Set<String> actorIds(Extraction extraction) {
    Set<String> ids = new HashSet<>();
    for (ActorMention mention : extraction.mentions()) {
      if (mention.actorId() != null) {
        ids.add(mention.actorId());
      }
    }
    for (ExtractedEvent event : extraction.events()) {
      event.sources().stream().map(ActorRef::actorId).forEach(ids::add);
      event.targets().stream().map(ActorRef::actorId).forEach(ids::add);
    }
    return ids;
  }

  private static void replaceMentions(
      Connection c, long articleId, List<ActorMention> mentions, Map<String, String> actorIds)
      throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement("DELETE FROM entity.mention WHERE article_id = ?")) {
      delete.setLong(1, articleId);
      delete.executeUpdate();
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO entity.mention (article_id, start_offset, end_offset, text, ner_type,"
                + " actor_id) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (ActorMention mention : mentions) {
        insert.setLong(1, articleId);
        insert.setInt(2, mention.span().start());
        insert.setInt(3, mention.span().end());
        insert.setString(4, mention.text());
        insert.setString(5, mention.nerType());
        insert.setString(6, mention.actorId() == null ? null : actorIds.get(mention.actorId()));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
