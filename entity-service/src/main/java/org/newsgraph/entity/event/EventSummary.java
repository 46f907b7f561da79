package org.newsgraph.entity.event;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.newsgraph.entity.extraction.DatePrecision;

/** Recomputes a canonical event's fields from the mentions it holds. */
final class EventSummary {

  private EventSummary() {}

  private record Mention(
      String type,
      LocalDate date,
      String precision,
      boolean fromText,
      String place,
      String country,
      Geo geo,
      Integer fatalities,
      Integer injuries,
      String factuality,
      double confidence,
      long source,
      LocalDate[] interval) {}

  /** A resolved place of one mention (see {@code Place.Geo}); null when unresolved. */
  private record Geo(
      double lat,
      double lon,
      String admin1,
      String admin1Code,
      Long geonamesId,
      String precision) {}

  static void recompute(Connection c, UUID eventId, EventAssignment assignment)
      throws SQLException {
    Map<String, String> parents = assignment.actors().parents();
    Compatibility compatibility = assignment.compatibility();
    List<Mention> mentions = new ArrayList<>();
    try (PreparedStatement query =
        c.prepareStatement(
            """
            SELECT em.type, em.event_date, em.date_precision, em.date_origin, em.place, em.country,
                   em.fatalities, em.injuries, em.factuality, em.confidence,
                   coalesce(a.near_duplicate_of, em.article_id), a.published_at, em.historical,
                   em.lat, em.lon, em.admin1, em.admin1_code, em.geonames_id, em.place_precision
            FROM entity.event_mention em LEFT JOIN ingest.article a ON a.id = em.article_id
            WHERE em.event_id = ? AND NOT EXISTS (
              SELECT 1 FROM entity.event e WHERE e.id = em.event_id AND e.merged_into IS NOT NULL)
            ORDER BY em.article_id, em.trigger_start""")) {
      query.setObject(1, eventId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          Date date = rows.getDate(2);
          Date published = rows.getDate(12);
          boolean fromText = "TEXT".equals(rows.getString(4));
          mentions.add(
              new Mention(
                  rows.getString(1),
                  date == null ? null : date.toLocalDate(),
                  rows.getString(3),
                  fromText,
                  rows.getString(5),
                  EventAssignment.trim(rows.getString(6)),
                  rows.getString(19) == null
                      ? null
                      : new Geo(
                          rows.getDouble(14),
                          rows.getDouble(15),
                          rows.getString(16),
                          rows.getString(17),
                          (Long) rows.getObject(18),
                          rows.getString(19)),
                  (Integer) rows.getObject(7),
                  (Integer) rows.getObject(8),
                  rows.getString(9),
                  rows.getDouble(10),
                  rows.getLong(11),
                  compatibility.interval(
                      date == null ? null : date.toLocalDate(),
                      DatePrecision.valueOf(rows.getString(3)),
                      fromText,
                      published == null ? null : published.toLocalDate(),
                      rows.getBoolean(13))));
        }
      }
    }
    if (mentions.isEmpty()) {
      return;
    }
    int articles;
    int sources;
    Timestamp firstReported;
    try (PreparedStatement query =
        c.prepareStatement(
            """
            SELECT count(DISTINCT em.article_id),
                   count(DISTINCT coalesce(a.near_duplicate_of, em.article_id)),
                   min(coalesce(a.published_at::timestamp AT TIME ZONE 'UTC', a.ingested_at))
            FROM entity.event_mention em LEFT JOIN ingest.article a ON a.id = em.article_id
            WHERE em.event_id = ?""")) {
      query.setObject(1, eventId);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        articles = rows.getInt(1);
        sources = rows.getInt(2);
        firstReported = rows.getTimestamp(3);
      }
    }
    Map<String, Map<String, Integer>> roles = new HashMap<>();
    try (PreparedStatement query =
        c.prepareStatement(
            """
            SELECT r.role, r.actor_id, count(*) FROM entity.event_mention_actor r
            JOIN entity.event_mention em ON em.id = r.event_mention_id
            WHERE em.event_id = ? GROUP BY r.role, r.actor_id ORDER BY r.role, count(*) DESC, r.actor_id""")) {
      query.setObject(1, eventId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          roles
              .computeIfAbsent(rows.getString(1), role -> new LinkedHashMap<>())
              .put(rows.getString(2), rows.getInt(3));
        }
      }
    }

    String type = mostCommon(mentions.stream().map(Mention::type).toList());
    Mention dated = bestDate(mentions);
    Mention located = bestPlace(mentions);
    Geo geo = located == null ? null : located.geo();
    String source = primary(roles.getOrDefault("SOURCE", Map.of()), parents);
    String target = primary(roles.getOrDefault("TARGET", Map.of()), parents);
    String label = label(c, type, source, target, located == null ? null : located.place());

    try (PreparedStatement update =
        c.prepareStatement(
            """
            UPDATE entity.event SET type = ?, label = ?, event_date = ?, date_precision = ?,
              place = ?, country = ?, lat = ?, lon = ?, admin1 = ?, admin1_code = ?,
              geonames_id = ?, place_precision = ?, factuality = ?, fatalities_min = ?,
              fatalities_max = ?, injuries_min = ?, injuries_max = ?, article_count = ?,
              source_count = ?, first_reported_at = ?, confidence = ?, date_from = ?, date_to = ?,
              updated_at = now()
            WHERE id = ?""")) {
      int i = 1;
      update.setString(i++, type);
      update.setString(i++, label);
      update.setObject(i++, dated.date() == null ? null : Date.valueOf(dated.date()), Types.DATE);
      update.setString(i++, dated.date() == null ? "UNKNOWN" : dated.precision());
      update.setString(i++, located == null ? null : located.place());
      update.setString(i++, located == null ? null : located.country());
      update.setObject(i++, geo == null ? null : geo.lat(), Types.DOUBLE);
      update.setObject(i++, geo == null ? null : geo.lon(), Types.DOUBLE);
      update.setString(i++, geo == null ? null : geo.admin1());
      update.setString(i++, geo == null ? null : geo.admin1Code());
      update.setObject(i++, geo == null ? null : geo.geonamesId(), Types.BIGINT);
      update.setString(i++, geo == null ? null : geo.precision());
      update.setString(i++, mentions.get(0).factuality());
      i = setRange(update, i, mentions.stream().map(Mention::fatalities).toList());
      i = setRange(update, i, mentions.stream().map(Mention::injuries).toList());
      update.setInt(i++, articles);
      update.setInt(i++, sources);
      update.setTimestamp(i++, firstReported);
      update.setFloat(i++, (float) confidence(mentions));
      LocalDate[] range = range(mentions);
      update.setObject(i++, range == null ? null : Date.valueOf(range[0]), Types.DATE);
      update.setObject(i++, range == null ? null : Date.valueOf(range[1]), Types.DATE);
      update.setObject(i, eventId);
      update.executeUpdate();
    }
    EventAssignment.update(c, "DELETE FROM entity.event_actor WHERE event_id = ?", eventId);
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO entity.event_actor (event_id, actor_id, role) VALUES (?, ?, ?)")) {
      for (var role : roles.entrySet()) {
        for (String actor : role.getValue().keySet()) {
          insert.setObject(1, eventId);
          insert.setString(2, actor);
          insert.setString(3, role.getKey());
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
  }

  /** Weight of a report dated only by its article's publication date, against one by its words. */
  private static final double PUBLICATION_WEIGHT = 0.25;

  /**
   * The date with most evidence: each report supports every date its own interval contains (a
   * report dated by its own words counts 1, one dated by its publication date a quarter), among the
   * dates the texts give (publication dates only when no text gives one); then the most precise,
   * then the earliest. A report without a date shows the event's date.
   */
  private static Mention bestDate(List<Mention> mentions) {
    List<Mention> dated = mentions.stream().filter(m -> m.date() != null).toList();
    if (dated.isEmpty()) {
      return mentions.get(0);
    }
    List<Mention> choices = dated.stream().filter(Mention::fromText).toList();
    if (choices.isEmpty()) {
      choices = dated;
    }
    Comparator<Mention> order =
        Comparator.comparingDouble((Mention m) -> -support(mentions, m))
            .thenComparingInt(m -> m.fromText() ? 0 : 1)
            .thenComparingInt(m -> precisionRank(m.precision()))
            .thenComparing(Mention::date);
    return choices.stream().min(order).orElseThrow();
  }

  private static double support(List<Mention> mentions, Mention choice) {
    LocalDate[] days = choice.interval();
    if (days == null) {
      return 0;
    }
    double support = 0;
    for (Mention m : mentions) {
      LocalDate[] own = m.interval();
      if (own != null && !own[0].isAfter(days[0]) && !own[1].isBefore(days[1])) {
        support += m.fromText() ? 1 : PUBLICATION_WEIGHT;
      }
    }
    return support;
  }

  /** The days the event's dated reports reach, which the search for candidate events uses. */
  private static LocalDate[] range(List<Mention> mentions) {
    LocalDate from = null;
    LocalDate to = null;
    for (Mention m : mentions) {
      if (m.interval() != null) {
        from = from == null || m.interval()[0].isBefore(from) ? m.interval()[0] : from;
        to = to == null || m.interval()[1].isAfter(to) ? m.interval()[1] : to;
      }
    }
    return from == null ? null : new LocalDate[] {from, to};
  }

  private static int precisionRank(String precision) {
    return switch (precision) {
      case "DAY" -> 0;
      case "MONTH" -> 1;
      case "YEAR" -> 2;
      default -> 3;
    };
  }

  /**
   * Where the reports agree the event happened: the country most of them name (a report with a
   * country beats one without), then in it the finest resolved place, among equally fine ones the
   * most reported, then the first. A report naming a place the gazetteer did not resolve comes
   * after every resolved one, so one bad resolution cannot pull a located event off the map.
   */
  private static Mention bestPlace(List<Mention> mentions) {
    List<Mention> placed =
        mentions.stream().filter(m -> m.place() != null || m.country() != null).toList();
    if (placed.isEmpty()) {
      return null;
    }
    Map<String, Long> countries = new HashMap<>();
    placed.forEach(m -> countries.merge(String.valueOf(m.country()), 1L, Long::sum));
    Comparator<Mention> byCountry =
        Comparator.comparing((Mention m) -> -countries.get(String.valueOf(m.country())))
            .thenComparing(m -> m.country() == null);
    String country = placed.stream().min(byCountry).orElseThrow().country();
    List<Mention> inCountry =
        placed.stream().filter(m -> Objects.equals(m.country(), country)).toList();
    Comparator<Mention> order =
        Comparator.comparingInt((Mention m) -> placeRank(m))
            .thenComparing(m -> -inCountry.stream().filter(o -> samePlace(o, m)).count());
    return inCountry.stream().min(order).orElseThrow();
  }

  /** Finer first: SITE, CITY, REGION, COUNTRY, then a name without a point, then no name. */
  private static int placeRank(Mention m) {
    if (m.geo() == null) {
      return m.place() != null ? 4 : 5;
    }
    return switch (m.geo().precision()) {
      case "SITE" -> 0;
      case "CITY" -> 1;
      case "REGION" -> 2;
      default -> 3;
    };
  }

  private static boolean samePlace(Mention a, Mention b) {
    if (a.geo() != null && b.geo() != null) {
      return a.geo().geonamesId() != null
          ? a.geo().geonamesId().equals(b.geo().geonamesId())
          : a.geo().lat() == b.geo().lat() && a.geo().lon() == b.geo().lon();
    }
    return a.geo() == null && b.geo() == null && Objects.equals(a.place(), b.place());
  }

  private static String mostCommon(List<String> values) {
    Map<String, Long> counts = new HashMap<>();
    values.forEach(v -> counts.merge(v, 1L, Long::sum));
    return counts.entrySet().stream()
        .min(
            Comparator.comparing((Map.Entry<String, Long> e) -> -e.getValue())
                .thenComparing(Map.Entry::getKey))
        .orElseThrow()
        .getKey();
  }

  /**
   * The actor a label names: the most reported, but a more specific one below it (Islamic State
   * Khorasan below Islamic State) when the mentions also name that.
   */
  private static String primary(Map<String, Integer> counts, Map<String, String> parents) {
    String best = null;
    for (String actor : counts.keySet()) {
      if (best == null) {
        best = actor;
      } else if (isBelow(actor, best, parents)) {
        best = actor;
      }
    }
    return best;
  }

  private static boolean isBelow(String actor, String ancestor, Map<String, String> parents) {
    String current = parents.get(actor);
    for (int depth = 0; current != null && depth < 10; depth++) {
      if (current.equals(ancestor)) {
        return true;
      }
      current = parents.get(current);
    }
    return false;
  }

  private static String label(Connection c, String type, String source, String target, String place)
      throws SQLException {
    String sourceName = name(c, source);
    String targetName = name(c, target);
    if (sourceName != null && targetName != null) {
      return sourceName + " " + CameoRoots.verb(type) + " " + targetName;
    }
    String label = CameoRoots.name(type);
    if (sourceName != null) {
      label += " by " + sourceName;
    } else if (targetName != null) {
      label += " against " + targetName;
    }
    return place == null ? label : label + " in " + place;
  }

  private static String name(Connection c, String actorId) throws SQLException {
    if (actorId == null) {
      return null;
    }
    try (PreparedStatement query =
        c.prepareStatement("SELECT name FROM entity.actor WHERE id = ?")) {
      query.setString(1, actorId);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getString(1) : actorId;
      }
    }
  }

  private static int setRange(PreparedStatement update, int i, List<Integer> values)
      throws SQLException {
    Integer min = values.stream().filter(Objects::nonNull).min(Integer::compare).orElse(null);
    Integer max = values.stream().filter(Objects::nonNull).max(Integer::compare).orElse(null);
    update.setObject(i++, min, Types.INTEGER);
    update.setObject(i++, max, Types.INTEGER);
    return i;
  }

  /**
   * Independent sources raise confidence: one minus the chance that every source is wrong, each
   * source counted once with its most confident mention.
   */
  private static double confidence(List<Mention> mentions) {
    Map<Long, Double> bySource = new HashMap<>();
    for (Mention m : mentions) {
      bySource.merge(m.source(), m.confidence(), Math::max);
    }
    double allWrong = 1;
    for (double confidence : bySource.values()) {
      allWrong *= 1 - Math.min(Math.max(confidence, 0), 1);
    }
    return 1 - allWrong;
  }
}
