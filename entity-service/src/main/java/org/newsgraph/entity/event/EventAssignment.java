package org.newsgraph.entity.event;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.newsgraph.entity.extraction.ActorRef;
import org.newsgraph.entity.extraction.DatePrecision;
import org.newsgraph.entity.extraction.ExtractedEvent;
import org.newsgraph.entity.extraction.Factuality;
import org.newsgraph.entity.extraction.Figure;
import org.newsgraph.entity.extraction.Place;

/**
 * Places event mentions into canonical events on one connection, inside the caller's transaction:
 * it finds the events new mentions could join through indexes, locks only what they could meet,
 * regroups those events with the new mentions ({@link EventGrouping}) and maps the groups back onto
 * the old event ids. Plain JDBC, so that the benchmark drives it without the service around it.
 */
final class EventAssignment {

  /** Namespace of the two-int advisory locks: "ng" in the high half. */
  private static final int LOCKS = 0x6e67_0000;

  private static final int ALL_TIME = 0x100;
  private static final int CURATION = 0x200;

  /**
   * How many events a report takes from its actors' newest undated reports, and from its country's
   * newest undated events, beyond those of its dates.
   */
  private static final int NEWEST = 20;

  private final Compatibility compatibility;
  private final EventGrouping grouping;
  private final ActorTree actors;
  private final int bucketDays;
  private final int undatedWindow;
  private final LongConsumer lockWait;

  EventAssignment(
      Compatibility compatibility,
      ActorTree actors,
      int bucketDays,
      int undatedWindow,
      LongConsumer lockWait) {
    this.compatibility = compatibility;
    this.grouping = new EventGrouping(compatibility);
    this.actors = actors;
    this.bucketDays = bucketDays;
    this.undatedWindow = undatedWindow;
    this.lockWait = lockWait;
  }

  /**
   * Replaces the event mentions of one article: the old ones go, the new ones are grouped with the
   * events they could join and with what is left of the events the old ones were in, and every
   * event touched is recomputed. A new mention counts for the event its predecessor in this article
   * was in, so that reprocessing keeps event ids.
   *
   * @param actorIds maps the extractor's actor ids to current ones; ids it lacks are dropped
   * @return the canonical event of each new mention, in the order given
   */
  List<UUID> replaceArticle(
      Connection c,
      long articleId,
      String text,
      LocalDate publishedAt,
      List<ExtractedEvent> events,
      String extractorVersion,
      Map<String, String> actorIds)
      throws SQLException {
    List<OldMention> old = oldMentions(c, articleId);
    Set<UUID> seeds = new LinkedHashSet<>();
    old.forEach(mention -> seeds.add(mention.eventId()));
    List<NewMention> inserted = new ArrayList<>();
    Set<OldMention> used = new HashSet<>();
    for (ExtractedEvent event : events) {
      Set<String> actors = new HashSet<>();
      Set<String> sources = new HashSet<>();
      for (Role role : roles(event, actorIds)) {
        actors.add(role.actorId());
        if (role.role().equals("SOURCE")) {
          sources.add(role.actorId());
        }
      }
      MentionFacts facts =
          new MentionFacts(
              -1 - inserted.size(),
              articleId,
              event.trigger().start(),
              event.type(),
              event.factuality(),
              event.historical(),
              event.date().date(),
              event.date().precision(),
              event.date().fromText(),
              publishedAt,
              event.place() == null ? null : event.place().place(),
              event.place() == null ? null : event.place().country(),
              event.place() == null ? null : event.place().geo(),
              actors,
              sources,
              ContextTerms.of(event.sentence().of(text), event.triggerText()));
      inserted.add(new NewMention(facts, predecessor(old, event, used)));
    }
    List<MentionFacts> probes = inserted.stream().map(NewMention::facts).toList();
    lock(c, probes, seeds);
    update(c, "DELETE FROM entity.event_mention WHERE article_id = ?", articleId);
    Result result = regroup(c, seeds, probes, inserted);
    List<UUID> assigned = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      UUID eventId = result.eventOf().get(inserted.get(i).facts().id());
      insertMention(
          c,
          articleId,
          eventId,
          events.get(i),
          inserted.get(i).facts().context(),
          extractorVersion,
          actorIds);
      assigned.add(eventId);
    }
    for (UUID eventId : result.touched()) {
      EventSummary.recompute(c, eventId, this);
    }
    return assigned;
  }

  /** A mention to store: what grouping sees, and the event of its predecessor in the article. */
  record NewMention(MentionFacts facts, UUID predecessor) {}

  /** An event mention already stored, with its event. */
  private record Stored(MentionFacts facts, UUID eventId) {}

  /** Blocks curation until the transaction ends; workers share this lock. */
  static void holdOffCuration(Connection c) throws SQLException {
    advisory(c, "pg_advisory_xact_lock_shared", LOCKS + CURATION, 0);
  }

  /** Waits until no worker is storing results and keeps them out until the transaction ends. */
  static void excludeWorkers(Connection c) throws SQLException {
    advisory(c, "pg_advisory_xact_lock", LOCKS + CURATION, 0);
  }

  /**
   * Locks what the new mentions and the events being regrouped could meet: per type group, the time
   * buckets their dates reach (exclusive) and the group's undated range (shared); a mention with no
   * date at all locks its whole type group. Keys are taken in one global order, so two workers
   * never deadlock on them.
   */
  void lock(Connection c, List<MentionFacts> probes, Set<UUID> seeds) throws SQLException {
    Set<long[]> keys =
        new TreeSet<>(Comparator.<long[]>comparingLong(k -> k[0]).thenComparingLong(k -> k[1]));
    Set<Integer> wholeGroups = new HashSet<>();
    Set<Integer> datedGroups = new HashSet<>();
    for (MentionFacts probe : probes) {
      int group = Integer.parseInt(Compatibility.typeGroup(probe.type()));
      LocalDate[] interval = compatibility.interval(probe);
      if (interval == null) {
        wholeGroups.add(group);
      } else {
        datedGroups.add(group);
        addBuckets(keys, group, interval[0], interval[1]);
      }
    }
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT type, date_from, date_to FROM entity.event WHERE id = ANY (?)")) {
      query.setArray(1, c.createArrayOf("uuid", seeds.toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          int group = Integer.parseInt(Compatibility.typeGroup(rows.getString(1)));
          if (rows.getDate(2) == null) {
            wholeGroups.add(group);
          } else {
            datedGroups.add(group);
            addBuckets(keys, group, rows.getDate(2).toLocalDate(), rows.getDate(3).toLocalDate());
          }
        }
      }
    }
    List<Integer> first = new ArrayList<>();
    List<Integer> second = new ArrayList<>();
    List<Boolean> exclusive = new ArrayList<>();
    for (long[] key : keys) {
      if (!wholeGroups.contains((int) key[0] - LOCKS)) {
        first.add((int) key[0]);
        second.add((int) key[1]);
        exclusive.add(true);
      }
    }
    for (int group : new TreeSet<>(union(wholeGroups, datedGroups))) {
      first.add(LOCKS + ALL_TIME + group);
      second.add(0);
      exclusive.add(wholeGroups.contains(group));
    }
    long started = System.nanoTime();
    // one round trip; the keys are taken in the order of the arrays
    try (PreparedStatement lock =
        c.prepareStatement(
            "SELECT CASE WHEN x THEN pg_advisory_xact_lock(k1, k2)"
                + " ELSE pg_advisory_xact_lock_shared(k1, k2) END"
                + " FROM unnest(?::int[], ?::int[], ?::boolean[]) AS k (k1, k2, x)")) {
      lock.setArray(1, c.createArrayOf("integer", first.toArray()));
      lock.setArray(2, c.createArrayOf("integer", second.toArray()));
      lock.setArray(3, c.createArrayOf("boolean", exclusive.toArray()));
      lock.execute();
    }
    lockWait.accept(System.nanoTime() - started);
  }

  private void addBuckets(Set<long[]> keys, int group, LocalDate from, LocalDate to) {
    int tolerance = compatibility.dayTolerance();
    long first = Math.floorDiv(from.toEpochDay() - tolerance, bucketDays);
    long last = Math.floorDiv(to.toEpochDay() + tolerance, bucketDays);
    for (long bucket = first; bucket <= last; bucket++) {
      keys.add(new long[] {LOCKS + group, bucket});
    }
  }

  private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
    Set<Integer> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }

  private static void advisory(Connection c, String function, int key1, int key2)
      throws SQLException {
    try (PreparedStatement lock = c.prepareStatement("SELECT " + function + "(?, ?)")) {
      lock.setInt(1, key1);
      lock.setInt(2, key2);
      lock.execute();
    }
  }

  /**
   * Regroups the seed events and the events the probes could join, together with the new mentions
   * (already counted among the probes), stores the new mentions' events and returns the event of
   * every mention regrouped, by mention id (new mentions have the negative ids of their facts).
   *
   * @return the events whose mentions changed, and the event of each mention
   */
  Result regroup(
      Connection c, Set<UUID> seeds, List<MentionFacts> probes, List<NewMention> inserted)
      throws SQLException {
    Set<UUID> region = Set.of();
    Map<UUID, List<Stored>> members = Map.of();
    for (int attempt = 0; attempt < 3; attempt++) {
      Set<UUID> candidates = new LinkedHashSet<>(seeds);
      for (MentionFacts probe : probes) {
        candidates.addAll(candidates(c, probe));
      }
      Map<UUID, List<Stored>> seen = members(c, candidates);
      Set<UUID> wanted = new LinkedHashSet<>();
      for (UUID event : candidates) {
        if (seeds.contains(event) || linked(seen.getOrDefault(event, List.of()), probes)) {
          wanted.add(event);
        }
      }
      region = lockEvents(c, wanted);
      // read again under the row locks: a worker in another time bucket may have changed them
      members = members(c, region);
      Set<UUID> lost = new HashSet<>(wanted);
      lost.removeAll(region);
      lost.removeAll(seeds);
      // an event merged away while this worker waited for its lock: look for its survivor
      if (lost.isEmpty()) {
        break;
      }
    }
    List<MentionFacts> all = new ArrayList<>();
    Map<Long, UUID> prior = new HashMap<>();
    for (UUID event : region) {
      for (Stored stored : members.getOrDefault(event, List.of())) {
        all.add(stored.facts());
        prior.put(stored.facts().id(), stored.eventId());
      }
    }
    for (NewMention mention : inserted) {
      all.add(mention.facts());
      if (mention.predecessor() != null) {
        prior.put(mention.facts().id(), mention.predecessor());
      }
    }
    List<List<MentionFacts>> groups = grouping.group(all);
    Map<UUID, Long> created = createdOrder(c, region);
    Map<Integer, UUID> ids = assignIds(groups, prior, created);
    Map<Long, UUID> eventOf = new HashMap<>();
    Set<UUID> touched = new LinkedHashSet<>(region);
    for (int g = 0; g < groups.size(); g++) {
      UUID id = ids.get(g);
      if (id == null) {
        MentionFacts first = groups.get(g).get(0);
        id = create(c, first.type(), first.factuality());
        ids.put(g, id);
      }
      touched.add(id);
      for (MentionFacts m : groups.get(g)) {
        eventOf.put(m.id(), id);
      }
    }
    moveStored(c, members, region, eventOf);
    retire(c, region, Set.copyOf(ids.values()), members, eventOf);
    return new Result(touched, eventOf);
  }

  /** What a regrouping changed. */
  record Result(Set<UUID> touched, Map<Long, UUID> eventOf) {}

  private boolean linked(List<Stored> members, List<MentionFacts> probes) {
    for (Stored stored : members) {
      for (MentionFacts probe : probes) {
        if (probe.id() != stored.facts().id() && compatibility.compatible(probe, stored.facts())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Events a mention could join, each search bounded by an index so that its cost does not grow
   * with the history: of the mention's type group and factuality and, for a dated mention, dated
   * within its interval (the GiST index on the events' date ranges); besides, the events of those
   * of the newest undated reports of the type group that name one of its actors (an undated report
   * may have joined an event of any date and might belong with this one instead), and the newest
   * undated events of its country. A mention with no date looks among the events of the newest
   * reports of its type group that name its actors, and the newest events of its country.
   */
  private List<UUID> candidates(Connection c, MentionFacts probe) throws SQLException {
    LocalDate[] interval = compatibility.interval(probe);
    String same = " e.merged_into IS NULL AND e.factuality = ? AND e.type = ANY (?) ";
    String newestReports =
        "(SELECT em.event_id FROM (SELECT id, event_id FROM entity.event_mention"
            + " WHERE factuality = ? AND type = ANY (?)"
            + (interval == null ? "" : " AND event_date IS NULL")
            + " ORDER BY id DESC LIMIT ?) em WHERE EXISTS (SELECT 1 FROM entity.event_mention_actor r"
            + " WHERE r.event_mention_id = em.id AND r.actor_id = ANY (?))"
            + " ORDER BY em.id DESC LIMIT "
            + NEWEST
            + ")";
    String newestOfCountry =
        "(SELECT e.id FROM entity.event e WHERE"
            + same
            + "AND e.country = ?"
            + (interval == null ? "" : " AND e.date_from IS NULL")
            + " ORDER BY e.created_at DESC LIMIT "
            + NEWEST
            + ")";
    String sql = newestReports + " UNION " + newestOfCountry;
    if (interval != null) {
      sql +=
          " UNION SELECT e.id FROM entity.event e WHERE"
              + same
              + "AND e.date_from IS NOT NULL AND daterange(e.date_from, e.date_to, '[]')"
              + " && daterange(?::date - ?, ?::date + ?, '[]')";
    }
    Array types = c.createArrayOf("bpchar", Compatibility.compatibleTypes(probe.type()).toArray());
    try (PreparedStatement query = c.prepareStatement(sql)) {
      int i = 1;
      query.setString(i++, probe.factuality().name());
      query.setArray(i++, types);
      query.setInt(i++, undatedWindow);
      query.setArray(i++, c.createArrayOf("text", probe.actors().toArray()));
      query.setString(i++, probe.factuality().name());
      query.setArray(i++, types);
      query.setString(i++, probe.country());
      if (interval != null) {
        query.setString(i++, probe.factuality().name());
        query.setArray(i++, types);
        query.setObject(i++, Date.valueOf(interval[0]), Types.DATE);
        query.setInt(i++, compatibility.dayTolerance());
        query.setObject(i++, Date.valueOf(interval[1]), Types.DATE);
        query.setInt(i, compatibility.dayTolerance());
      }
      List<UUID> ids = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getObject(1, UUID.class));
        }
      }
      return ids;
    }
  }

  /** Row-locks the events in id order; returns the live ones. */
  private static Set<UUID> lockEvents(Connection c, Set<UUID> events) throws SQLException {
    Set<UUID> live = new LinkedHashSet<>();
    try (PreparedStatement lock =
        c.prepareStatement(
            "SELECT id FROM entity.event WHERE id = ANY (?) AND merged_into IS NULL"
                + " ORDER BY id FOR UPDATE")) {
      lock.setArray(1, c.createArrayOf("uuid", events.toArray()));
      try (ResultSet rows = lock.executeQuery()) {
        while (rows.next()) {
          live.add(rows.getObject(1, UUID.class));
        }
      }
    }
    return live;
  }

  private static final String FACTS =
      """
      SELECT em.id, em.article_id, em.trigger_start, em.event_id, em.type, em.factuality,
             em.historical, em.event_date, em.date_precision, em.date_origin, a.published_at,
             em.country, em.context_terms, em.place, em.lat, em.lon, em.place_precision
      FROM entity.event_mention em LEFT JOIN ingest.article a ON a.id = em.article_id
      WHERE em.event_id = ANY (?)
      ORDER BY em.id
      """;

  /** The stored mentions of the events, with their actors read in one more query. */
  private static Map<UUID, List<Stored>> members(Connection c, Set<UUID> events)
      throws SQLException {
    Map<Long, Set<String>> actors = new HashMap<>();
    Map<Long, Set<String>> sources = new HashMap<>();
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT r.event_mention_id, r.actor_id, r.role FROM entity.event_mention_actor r"
                + " JOIN entity.event_mention em ON em.id = r.event_mention_id"
                + " WHERE em.event_id = ANY (?)")) {
      query.setArray(1, c.createArrayOf("uuid", events.toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          long id = rows.getLong(1);
          actors.computeIfAbsent(id, k -> new HashSet<>()).add(rows.getString(2));
          if ("SOURCE".equals(rows.getString(3))) {
            sources.computeIfAbsent(id, k -> new HashSet<>()).add(rows.getString(2));
          }
        }
      }
    }
    Map<UUID, List<Stored>> members = new LinkedHashMap<>();
    try (PreparedStatement query = c.prepareStatement(FACTS)) {
      query.setArray(1, c.createArrayOf("uuid", events.toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          long id = rows.getLong(1);
          Date date = rows.getDate(8);
          Date published = rows.getDate(11);
          UUID event = rows.getObject(4, UUID.class);
          members
              .computeIfAbsent(event, k -> new ArrayList<>())
              .add(
                  new Stored(
                      new MentionFacts(
                          id,
                          rows.getLong(2),
                          rows.getInt(3),
                          rows.getString(5),
                          Factuality.valueOf(rows.getString(6)),
                          rows.getBoolean(7),
                          date == null ? null : date.toLocalDate(),
                          DatePrecision.valueOf(rows.getString(9)),
                          "TEXT".equals(rows.getString(10)),
                          published == null ? null : published.toLocalDate(),
                          rows.getString(14),
                          trim(rows.getString(12)),
                          point(rows),
                          actors.getOrDefault(id, Set.of()),
                          sources.getOrDefault(id, Set.of()),
                          Set.of(strings(rows.getArray(13)))),
                      event));
        }
      }
    }
    return members;
  }

  /** The point and precision of a stored mention's resolved place, or null. */
  private static Place.Geo point(ResultSet rows) throws SQLException {
    String precision = rows.getString(17);
    return precision == null
        ? null
        : new Place.Geo(
            rows.getDouble(15),
            rows.getDouble(16),
            null,
            null,
            null,
            Place.Precision.valueOf(precision));
  }

  /** The stored mentions of the events. */
  List<MentionFacts> factsOf(Connection c, Set<UUID> events) throws SQLException {
    List<MentionFacts> facts = new ArrayList<>();
    members(c, events).values().forEach(list -> list.forEach(stored -> facts.add(stored.facts())));
    return facts;
  }

  /** When each event was created, oldest first: the order in which ids are handed out. */
  private static Map<UUID, Long> createdOrder(Connection c, Set<UUID> events) throws SQLException {
    Map<UUID, Long> order = new HashMap<>();
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT id FROM entity.event WHERE id = ANY (?) ORDER BY created_at, id")) {
      query.setArray(1, c.createArrayOf("uuid", events.toArray()));
      try (ResultSet rows = query.executeQuery()) {
        long n = 0;
        while (rows.next()) {
          order.put(rows.getObject(1, UUID.class), n++);
        }
      }
    }
    return order;
  }

  /**
   * Each group keeps the id of the old event most of its mentions were in (a new mention counts for
   * its predecessor's event), one group per id, the best-kept pairs first and the oldest event on
   * ties; groups left without an id get a new event.
   */
  private static Map<Integer, UUID> assignIds(
      List<List<MentionFacts>> groups, Map<Long, UUID> prior, Map<UUID, Long> created) {
    record Claim(int group, UUID event, int mentions) {}
    List<Claim> claims = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      Map<UUID, Integer> counts = new HashMap<>();
      for (MentionFacts m : groups.get(g)) {
        UUID event = prior.get(m.id());
        if (event != null && created.containsKey(event)) {
          counts.merge(event, 1, Integer::sum);
        }
      }
      for (var count : counts.entrySet()) {
        claims.add(new Claim(g, count.getKey(), count.getValue()));
      }
    }
    claims.sort(
        Comparator.comparingInt((Claim claim) -> -claim.mentions())
            .thenComparingLong(claim -> created.get(claim.event()))
            .thenComparingInt(Claim::group));
    Map<Integer, UUID> ids = new HashMap<>();
    Set<UUID> taken = new HashSet<>();
    for (Claim claim : claims) {
      if (!ids.containsKey(claim.group()) && taken.add(claim.event())) {
        ids.put(claim.group(), claim.event());
      }
    }
    return ids;
  }

  private static void moveStored(
      Connection c, Map<UUID, List<Stored>> members, Set<UUID> region, Map<Long, UUID> eventOf)
      throws SQLException {
    try (PreparedStatement move =
        c.prepareStatement("UPDATE entity.event_mention SET event_id = ? WHERE id = ?")) {
      for (UUID event : region) {
        for (Stored stored : members.getOrDefault(event, List.of())) {
          UUID now = eventOf.get(stored.facts().id());
          if (!now.equals(stored.eventId())) {
            move.setObject(1, now);
            move.setLong(2, stored.facts().id());
            move.addBatch();
          }
        }
      }
      move.executeBatch();
    }
  }

  /**
   * Old events that no group kept: absorbed into the event that took most of their mentions (the id
   * keeps answering through merged_into), or deleted when their mentions are gone, unless other ids
   * point at them.
   */
  private static void retire(
      Connection c,
      Set<UUID> region,
      Set<UUID> kept,
      Map<UUID, List<Stored>> members,
      Map<Long, UUID> eventOf)
      throws SQLException {
    for (UUID event : region) {
      if (kept.contains(event)) {
        continue;
      }
      Map<UUID, Integer> destinations = new HashMap<>();
      for (Stored stored : members.getOrDefault(event, List.of())) {
        destinations.merge(eventOf.get(stored.facts().id()), 1, Integer::sum);
      }
      UUID survivor =
          destinations.entrySet().stream()
              .min(
                  Comparator.comparing((Map.Entry<UUID, Integer> e) -> -e.getValue())
                      .thenComparing(e -> e.getKey().toString()))
              .map(Map.Entry::getKey)
              .orElse(null);
      update(c, "DELETE FROM entity.event_actor WHERE event_id = ?", event);
      if (survivor == null) {
        update(
            c,
            "DELETE FROM entity.event e WHERE e.id = ? AND e.merged_into IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM entity.event x WHERE x.merged_into = e.id)",
            event);
      } else {
        update(
            c,
            "UPDATE entity.event SET merged_into = ?, article_count = 0, source_count = 0,"
                + " date_from = NULL, date_to = NULL, updated_at = now()"
                + " WHERE id = ? OR merged_into = ?",
            survivor,
            event,
            event);
      }
    }
  }

  static UUID create(Connection c, String type, Factuality factuality) throws SQLException {
    UUID id = UUID.randomUUID();
    // clock_timestamp: events created in one transaction still get a strict order (see assignIds)
    update(
        c,
        "INSERT INTO entity.event (id, type, factuality, created_at) VALUES (?, ?, ?, clock_timestamp())",
        id,
        type,
        factuality.name());
    return id;
  }

  static void update(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }

  ActorTree actors() {
    return actors;
  }

  Compatibility compatibility() {
    return compatibility;
  }

  static String trim(String value) {
    return value == null ? null : value.strip();
  }

  static String[] strings(Array array) throws SQLException {
    return array == null ? new String[0] : (String[]) array.getArray();
  }

  private record OldMention(UUID eventId, String type, int triggerStart) {}

  private static List<OldMention> oldMentions(Connection c, long articleId) throws SQLException {
    List<OldMention> old = new ArrayList<>();
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT event_id, type, trigger_start FROM entity.event_mention"
                + " WHERE article_id = ? ORDER BY trigger_start, id")) {
      query.setLong(1, articleId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          old.add(new OldMention(rows.getObject(1, UUID.class), rows.getString(2), rows.getInt(3)));
        }
      }
    }
    return old;
  }

  /** The event of the old mention of the same type nearest the new one, each used once. */
  private static UUID predecessor(
      List<OldMention> old, ExtractedEvent event, Set<OldMention> used) {
    return old.stream()
        .filter(mention -> mention.type().equals(event.type()) && !used.contains(mention))
        .min(
            Comparator.comparingInt(
                mention -> Math.abs(mention.triggerStart() - event.trigger().start())))
        .map(
            mention -> {
              used.add(mention);
              return mention.eventId();
            })
        .orElse(null);
  }

  private static void insertMention(
      Connection c,
      long articleId,
      UUID eventId,
      ExtractedEvent event,
      Set<String> context,
      String extractorVersion,
      Map<String, String> actorIds)
      throws SQLException {
    long mentionId;
    try (PreparedStatement insert =
        c.prepareStatement(
            """
            INSERT INTO entity.event_mention (article_id, event_id, type, trigger_start, trigger_end,
              trigger_text, sentence_start, sentence_end, event_date, date_precision, date_origin,
              date_start, date_end, place, country, place_start, place_end, fatalities,
              fatalities_qualifier, fatalities_start, fatalities_end, injuries, injuries_qualifier,
              injuries_start, injuries_end, factuality, historical, confidence, context_terms,
              extractor_version, lat, lon, admin1, admin1_code, geonames_id, place_precision)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
              ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
      int i = 1;
      insert.setLong(i++, articleId);
      insert.setObject(i++, eventId);
      insert.setString(i++, event.type());
      insert.setInt(i++, event.trigger().start());
      insert.setInt(i++, event.trigger().end());
      insert.setString(i++, event.triggerText());
      insert.setInt(i++, event.sentence().start());
      insert.setInt(i++, event.sentence().end());
      var date = event.date();
      insert.setObject(i++, date.date() == null ? null : Date.valueOf(date.date()), Types.DATE);
      insert.setString(i++, date.precision().name());
      insert.setString(i++, date.date() == null ? null : date.fromText() ? "TEXT" : "PUBLICATION");
      insert.setObject(i++, date.span() == null ? null : date.span().start(), Types.INTEGER);
      insert.setObject(i++, date.span() == null ? null : date.span().end(), Types.INTEGER);
      var place = event.place();
      insert.setString(i++, place == null ? null : place.place());
      insert.setString(i++, place == null ? null : place.country());
      insert.setObject(
          i++, place == null || place.span() == null ? null : place.span().start(), Types.INTEGER);
      insert.setObject(
          i++, place == null || place.span() == null ? null : place.span().end(), Types.INTEGER);
      i = setFigure(insert, i, event.fatalities());
      i = setFigure(insert, i, event.injuries());
      insert.setString(i++, event.factuality().name());
      insert.setBoolean(i++, event.historical());
      insert.setFloat(i++, (float) event.confidence());
      insert.setArray(i++, c.createArrayOf("text", context.stream().sorted().toArray()));
      insert.setString(i++, extractorVersion);
      setGeo(insert, i, place == null ? null : place.geo());
      try (ResultSet rows = insert.executeQuery()) {
        rows.next();
        mentionId = rows.getLong(1);
      }
    }
    try (PreparedStatement role =
        c.prepareStatement(
            "INSERT INTO entity.event_mention_actor (event_mention_id, actor_id, role, start_offset,"
                + " end_offset) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      for (Role r : roles(event, actorIds)) {
        role.setLong(1, mentionId);
        role.setString(2, r.actorId());
        role.setString(3, r.role());
        role.setInt(4, r.ref().span().start());
        role.setInt(5, r.ref().span().end());
        role.addBatch();
      }
      role.executeBatch();
    }
  }

  private record Role(String role, String actorId, ActorRef ref) {}

  private static List<Role> roles(ExtractedEvent event, Map<String, String> actorIds) {
    List<Role> roles = new ArrayList<>();
    for (ActorRef ref : event.sources()) {
      String id = actorIds.get(ref.actorId());
      if (id != null) {
        roles.add(new Role("SOURCE", id, ref));
      }
    }
    for (ActorRef ref : event.targets()) {
      String id = actorIds.get(ref.actorId());
      if (id != null) {
        roles.add(new Role("TARGET", id, ref));
      }
    }
    return roles;
  }

  private static void setGeo(PreparedStatement insert, int i, Place.Geo geo) throws SQLException {
    insert.setObject(i++, geo == null ? null : geo.lat(), Types.DOUBLE);
    insert.setObject(i++, geo == null ? null : geo.lon(), Types.DOUBLE);
    insert.setString(i++, geo == null ? null : geo.admin1());
    insert.setString(i++, geo == null ? null : geo.admin1Code());
    insert.setObject(i++, geo == null ? null : geo.geonamesId(), Types.BIGINT);
    insert.setString(i, geo == null ? null : geo.precision().name());
  }

  private static int setFigure(PreparedStatement insert, int i, Figure figure) throws SQLException {
    insert.setObject(i++, figure == null ? null : figure.value(), Types.INTEGER);
    insert.setString(i++, figure == null ? null : figure.qualifier().name());
    insert.setObject(
        i++, figure == null || figure.span() == null ? null : figure.span().start(), Types.INTEGER);
    insert.setObject(
        i++, figure == null || figure.span() == null ? null : figure.span().end(), Types.INTEGER);
    return i;
  }
}
