package org.newsgraph.entity.event;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.newsgraph.entity.extraction.ActorRef;
import org.newsgraph.entity.extraction.DatePrecision;
import org.newsgraph.entity.extraction.EventDate;
import org.newsgraph.entity.extraction.ExtractedEvent;
import org.newsgraph.entity.extraction.Factuality;
import org.newsgraph.entity.extraction.KnownActor;
import org.newsgraph.entity.extraction.Place;
import org.newsgraph.entity.extraction.Span;

/**
 * Places new reports into a stored history of canonical events (benchmarks/events/run.sh builds it)
 * with 1, 2 and 4 workers, each on its own connection and transaction per report, as the extraction
 * workers do. Prints reports/s and the p95 time a worker waited for its locks, and the same for 4
 * workers behind one lock for everything (the design this one replaced), as a baseline measured in
 * the same run.
 *
 * <p>Arguments: JDBC URL, reports per round (default 2000), rounds per setting (default 2).
 */
public final class PlacementBenchmark {

  private static final int ACTORS = 2000;
  private static final AtomicLong ARTICLE = new AtomicLong(5_000_000);

  private PlacementBenchmark() {}

  private record Setting(int workers, boolean globalLock) {}

  private record Outcome(double reportsPerSecond, double p95LockWaitMillis) {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int reports = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    ActorTree actors;
    long history;
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
      actors = ActorTree.of(actors(c));
      history = count(c, "SELECT count(*) FROM entity.event WHERE merged_into IS NULL");
    }
    System.out.printf("history: %d events; %d reports per round%n", history, reports);
    List<Setting> settings =
        List.of(
            new Setting(1, false),
            new Setting(2, false),
            new Setting(4, false),
            new Setting(4, true));
    Random random = new Random(7);
    // warm-up: the JIT and the database caches
    run(url, actors, new Setting(2, false), reports / 4, random);
    for (Setting setting : settings) {
      double rate = 0;
      double wait = 0;
      for (int round = 0; round < rounds; round++) {
        Outcome outcome = run(url, actors, setting, reports, random);
        rate += outcome.reportsPerSecond() / rounds;
        wait = Math.max(wait, outcome.p95LockWaitMillis());
      }
      System.out.printf(
          "workers %d%s: %.1f reports/s, p95 lock wait %.2f ms%n",
          setting.workers(), setting.globalLock() ? " (one global lock)" : "", rate, wait);
    }
  }

  private static Outcome run(
      String url, ActorTree actors, Setting setting, int reports, Random random) throws Exception {
    List<ExtractedEvent> work = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<LocalDate> published = new ArrayList<>();
    for (int i = 0; i < reports; i++) {
      report(random, work, texts, published);
    }
    ConcurrentLinkedQueue<Long> waits = new ConcurrentLinkedQueue<>();
    EventAssignment assignment =
        new EventAssignment(new Compatibility(2, 14, 1, 30, actors), actors, 14, 1000, waits::add);
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(setting.workers());
    long started = System.nanoTime();
    List<Future<Void>> futures = new ArrayList<>();
    for (int w = 0; w < setting.workers(); w++) {
      futures.add(
          pool.submit(
              () -> {
                try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
                  c.setAutoCommit(false);
                  for (int i = next.getAndIncrement(); i < reports; i = next.getAndIncrement()) {
                    place(
                        c, assignment, setting, work.get(i), texts.get(i), published.get(i), waits);
                  }
                }
                return null;
              }));
    }
    for (Future<Void> future : futures) {
      future.get();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    List<Long> sorted = new ArrayList<>(waits);
    Collections.sort(sorted);
    double p95 = sorted.isEmpty() ? 0 : sorted.get((int) (sorted.size() * 0.95)) / 1e6;
    return new Outcome(reports / seconds, p95);
  }

  private static void place(
      Connection c,
      EventAssignment assignment,
      Setting setting,
      ExtractedEvent event,
      String text,
      LocalDate published,
      ConcurrentLinkedQueue<Long> waits)
      throws SQLException {
    while (true) {
      try {
        if (setting.globalLock()) {
          long started = System.nanoTime();
          try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(42)")) {
            lock.execute();
          }
          waits.add(System.nanoTime() - started);
        }
        Map<String, String> identity = new java.util.HashMap<>();
        event.sources().forEach(r -> identity.put(r.actorId(), r.actorId()));
        event.targets().forEach(r -> identity.put(r.actorId(), r.actorId()));
        assignment.replaceArticle(
            c, ARTICLE.incrementAndGet(), text, published, List.of(event), "bench", identity);
        c.commit();
        return;
      } catch (SQLException e) {
        // a deadlock between row locks is resolved by PostgreSQL aborting one: the worker retries,
        // as the extraction worker's retry does
        c.rollback();
        if (!"40P01".equals(e.getSQLState())) {
          throw e;
        }
      }
    }
  }

  /** One report like the history's: mostly violent, a text date in five years, Zipf actors. */
  private static void report(
      Random random, List<ExtractedEvent> work, List<String> texts, List<LocalDate> published) {
    String type =
        random.nextBoolean()
            ? List.of("18", "19", "20").get(random.nextInt(3))
            : String.format("%02d", 1 + random.nextInt(17));
    LocalDate day = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(1826));
    boolean fromText = random.nextInt(10) > 0;
    String source = "bench-" + zipf(random);
    String target = "bench-" + zipf(random);
    int i = random.nextInt(ACTORS);
    String country = "C" + (char) ('A' + i % 26) + (char) ('A' + (i / 26) % 26);
    String text =
        "Bench actor " + source + " forces attacked " + target + " near town" + (i % 500) + ".";
    Span sentence = new Span(0, text.length());
    int at = text.indexOf("attacked");
    work.add(
        new ExtractedEvent(
            type,
            new Span(at, at + 8),
            "attacked",
            sentence,
            List.of(new ActorRef(source, sentence)),
            List.of(new ActorRef(target, sentence)),
            new EventDate(day, DatePrecision.DAY, fromText, null),
            new Place("Town " + (i % 500), country, null),
            null,
            null,
            Factuality.ASSERTED,
            false,
            0.8));
    texts.add(text);
    published.add(day.plusDays(1));
  }

  private static int zipf(Random random) {
    double u = random.nextDouble();
    return (int) Math.min(ACTORS, Math.floor(Math.exp(Math.log(ACTORS) * u * u)));
  }

  private static List<KnownActor> actors(Connection c) throws SQLException {
    List<KnownActor> actors = new ArrayList<>();
    try (PreparedStatement query =
            c.prepareStatement(
                "SELECT id, name, type, country, parent_id FROM entity.actor WHERE merged_into IS NULL");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        actors.add(
            new KnownActor(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                rows.getString(5),
                List.of(),
                List.of(),
                List.of()));
      }
    }
    return actors;
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement query = c.prepareStatement(sql);
        ResultSet rows = query.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
