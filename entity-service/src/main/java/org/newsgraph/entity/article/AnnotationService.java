package org.newsgraph.entity.article;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.newsgraph.common.problem.ProblemException;
import org.newsgraph.entity.extraction.ActorRef;
import org.newsgraph.entity.extraction.ExtractedEvent;
import org.newsgraph.entity.extraction.Extraction;
import org.newsgraph.entity.extraction.Extractor;
import org.newsgraph.entity.extraction.Place;

/** Annotations of stored articles, and of ad-hoc text that is extracted but not stored. */
@ApplicationScoped
public class AnnotationService {

  private final AgroalDataSource dataSource;
  private final Extractor extractor;
  private final Semaphore adHocPermits;

  public AnnotationService(
      AgroalDataSource dataSource, Extractor extractor, AnnotationConfig config) {
    this.dataSource = dataSource;
    this.extractor = extractor;
    this.adHocPermits = new Semaphore(config.maxConcurrent());
  }

  /** Empty when the article was never extracted (unknown, queued, skipped or failed). */
  public Optional<Annotations> forArticle(long articleId) {
    // one snapshot, so that a re-extraction committing meanwhile is seen whole or not at all
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      try {
        return read(c, articleId);
      } finally {
        c.rollback();
        c.setReadOnly(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the annotations of " + articleId, e);
    }
  }

  private static Optional<Annotations> read(Connection c, long articleId) throws SQLException {
    String version;
    String language;
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT extractor_version, language FROM entity.article_extraction WHERE article_id = ?")) {
      query.setLong(1, articleId);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        version = rows.getString(1);
        language = rows.getString(2);
      }
    }
    List<Annotations.Mention> mentions = new ArrayList<>();
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT start_offset, end_offset, text, ner_type, actor_id FROM entity.mention"
                + " WHERE article_id = ? ORDER BY start_offset, end_offset, id")) {
      query.setLong(1, articleId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          mentions.add(
              new Annotations.Mention(
                  rows.getInt(1),
                  rows.getInt(2),
                  rows.getString(3),
                  rows.getString(4),
                  rows.getString(5)));
        }
      }
    }
    List<Annotations.Event> events = new ArrayList<>();
    try (PreparedStatement query =
        c.prepareStatement(
            """
            SELECT em.event_id, em.type, em.trigger_start, em.trigger_end, em.trigger_text,
                   em.sentence_start, em.sentence_end,
                   ARRAY(SELECT r.actor_id FROM entity.event_mention_actor r
                         WHERE r.event_mention_id = em.id AND r.role = 'SOURCE'
                         ORDER BY r.start_offset, r.actor_id),
                   ARRAY(SELECT r.actor_id FROM entity.event_mention_actor r
                         WHERE r.event_mention_id = em.id AND r.role = 'TARGET'
                         ORDER BY r.start_offset, r.actor_id),
                   em.event_date, em.date_precision, em.place, em.country, em.fatalities,
                   em.injuries, em.factuality, em.confidence, em.lat, em.lon, em.admin1,
                   em.admin1_code, em.geonames_id, em.place_precision
            FROM entity.event_mention em WHERE em.article_id = ?
            ORDER BY em.trigger_start, em.id""")) {
      query.setLong(1, articleId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          var date = rows.getDate(10);
          events.add(
              new Annotations.Event(
                  rows.getObject(1, UUID.class),
                  rows.getString(2),
                  new Annotations.Trigger(rows.getInt(3), rows.getInt(4), rows.getString(5)),
                  new Annotations.Sentence(rows.getInt(6), rows.getInt(7)),
                  distinct((String[]) rows.getArray(8).getArray()),
                  distinct((String[]) rows.getArray(9).getArray()),
                  date == null ? null : date.toLocalDate(),
                  rows.getString(11),
                  location(rows),
                  (Integer) rows.getObject(14),
                  (Integer) rows.getObject(15),
                  rows.getString(16),
                  rows.getFloat(17)));
        }
      }
    }
    return Optional.of(new Annotations(articleId, version, language, mentions, events));
  }

  /**
   * Extracts ad-hoc text; nothing is stored, so no event has a canonical id. The language (given,
   * else guessed) chooses the analysis, as for stored articles.
   */
  public Annotations extract(String text, LocalDate publishedAt, String language) {
    if (!adHocPermits.tryAcquire()) {
      throw new ProblemException(
          429,
          "Too Many Requests",
          "As many ad-hoc extractions as this instance runs at once are running; retry shortly",
          List.of());
    }
    Extraction extraction;
    try {
      extraction = extractor.extract(text, publishedAt, language);
    } finally {
      adHocPermits.release();
    }
    List<Annotations.Mention> mentions =
        extraction.mentions().stream()
            .map(
                m ->
                    new Annotations.Mention(
                        m.span().start(), m.span().end(), m.text(), m.nerType(), m.actorId()))
            .toList();
    List<Annotations.Event> events =
        extraction.events().stream().map(AnnotationService::adHoc).toList();
    return new Annotations(
        null, extraction.extractorVersion(), extraction.language(), mentions, events);
  }

  private static Annotations.Event adHoc(ExtractedEvent e) {
    return new Annotations.Event(
        null,
        e.type(),
        new Annotations.Trigger(e.trigger().start(), e.trigger().end(), e.triggerText()),
        new Annotations.Sentence(e.sentence().start(), e.sentence().end()),
        e.sources().stream().map(ActorRef::actorId).distinct().toList(),
        e.targets().stream().map(ActorRef::actorId).distinct().toList(),
        e.date().date(),
        e.date().precision().name(),
        location(e.place()),
        e.fatalities() == null ? null : e.fatalities().value(),
        e.injuries() == null ? null : e.injuries().value(),
        e.factuality().name(),
        e.confidence());
  }

  private static Annotations.Location location(ResultSet rows) throws SQLException {
    String place = rows.getString(12);
    String country = rows.getString(13);
    if (place == null && country == null) {
      return null;
    }
    return new Annotations.Location(
        place,
        country == null ? null : country.strip(),
        (Double) rows.getObject(18),
        (Double) rows.getObject(19),
        rows.getString(20),
        rows.getString(21),
        (Long) rows.getObject(22),
        rows.getString(23));
  }

  private static Annotations.Location location(Place place) {
    if (place == null) {
      return null;
    }
    Place.Geo geo = place.geo();
    return new Annotations.Location(
        place.place(),
        place.country(),
        geo == null ? null : geo.lat(),
        geo == null ? null : geo.lon(),
        geo == null ? null : geo.admin1(),
        geo == null ? null : geo.admin1Code(),
        geo == null ? null : geo.geonamesId(),
        geo == null ? null : geo.precision().name());
  }

  private static List<String> distinct(String[] ids) {
    return List.of(ids).stream().distinct().toList();
  }
}
