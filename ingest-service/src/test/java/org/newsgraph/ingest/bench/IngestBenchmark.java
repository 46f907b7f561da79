package org.newsgraph.ingest.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsgraph.devdb.EmbeddedDatabase;
import org.postgresql.PGConnection;

/**
 * Rerunnable ingest benchmark (not a test): batch ingest of realistic ~4 KB articles as NDJSON
 * through POST /articles/batch against a plain COPY of the same rows into the same table, in the
 * same run and database; then a 1 GB NDJSON stream while the service's heap is watched.
 *
 * <p>Run with {@code ingest-service/src/bench/run-benchmark.sh [articles] [stream-megabytes]}.
 */
public final class IngestBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "bench-key";
  private static final int BATCH = 10_000;

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    int articles = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    long streamMegabytes = args.length > 1 ? Long.parseLong(args[1]) : 1024;
    Path app =
        Path.of(args.length > 2 ? args[2] : "ingest-service/target/quarkus-app/quarkus-run.jar");
    Path work = Files.createTempDirectory("ingest-bench");
    try (EmbeddedDatabase database = EmbeddedDatabase.start(0, null)) {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      Process service = startService(app, database.jdbcUrl(), port, work);
      try {
        String base = "http://localhost:" + port;
        awaitReady(base);
        System.out.printf("service ready; heap used %.0f MB%n", heapMb(base));
        warmUp(base);

        if (articles > 0) {
          compareWithCopy(database, base, work.resolve("articles.ndjson"), articles);
        }
        if (streamMegabytes > 0) {
          truncate(database);
          stream(base, streamMegabytes);
        }
      } finally {
        service.destroy();
        service.waitFor();
      }
    } finally {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static void compareWithCopy(
      EmbeddedDatabase database, String base, Path ndjson, int articles) throws Exception {
    long bytes = writeArticles(ndjson, articles, 1);
    System.out.printf(
        "%d articles, %.1f MB of NDJSON (%.1f KB each)%n",
        articles, bytes / 1e6, bytes / 1024.0 / articles);

    truncate(database);
    long started = System.nanoTime();
    long accepted = postBatches(base, ndjson, articles);
    double ingestSeconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "batch ingest: %d accepted in %.1f s = %.0f articles/s%n",
        accepted, ingestSeconds, accepted / ingestSeconds);

    truncate(database);
    started = System.nanoTime();
    long copied = copy(database, ndjson);
    double copySeconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "COPY: %d rows in %.1f s = %.0f rows/s%n", copied, copySeconds, copied / copySeconds);
    System.out.printf(
        "ratio ingest/COPY = %.2f%n", (accepted / ingestSeconds) / (copied / copySeconds));
  }

  private static Process startService(Path app, String jdbcUrl, int port, Path work)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                "java", "-Xmx" + System.getProperty("bench.xmx", "768m"), "-jar", app.toString())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("service.log").toFile());
    Map<String, String> env = builder.environment();
    env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
    env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
    env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER);
    env.put("NEWSGRAPH_API_KEYS", KEY);
    env.put("NEWSGRAPH_INGEST_MAX_BATCH_ITEMS", "1000000");
    env.put("QUARKUS_LOG_LEVEL", "WARN");
    return builder.start();
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static void awaitReady(String base) throws Exception {
    for (int i = 0; i < 240; i++) {
      try {
        var response =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the service did not become ready");
  }

  /**
   * JIT-compiles the ingest path, so that the timed run measures the steady state: with fewer
   * articles, on the loaded development machine, the hot loops (MinHash, Lingua) were sometimes
   * still interpreted well into the run.
   */
  private static void warmUp(String base) throws Exception {
    StringBuilder ndjson = new StringBuilder();
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      ndjson.append(JSON.writeValueAsString(article(random, -1 - i))).append('\n');
    }
    post(base, HttpRequest.BodyPublishers.ofString(ndjson.toString()));
  }

  private static double heapMb(String base) throws Exception {
    String metrics =
        HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher m =
        Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\",id=\"[^\"]+\"\\} ([0-9.E+]+)")
            .matcher(metrics);
    double sum = 0;
    while (m.find()) {
      sum += Double.parseDouble(m.group(1));
    }
    return sum / 1e6;
  }

  private static long writeArticles(Path file, int count, long seed) throws IOException {
    Random random = new Random(seed);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        out.write(JSON.writeValueAsString(article(random, i)));
        out.write('\n');
      }
    }
    return Files.size(file);
  }

  private static long postBatches(String base, Path ndjson, int articles) throws Exception {
    long accepted = 0;
    try (var lines = Files.lines(ndjson)) {
      var iterator = lines.iterator();
      while (iterator.hasNext()) {
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < BATCH && iterator.hasNext(); i++) {
          batch.append(iterator.next()).append('\n');
        }
        accepted += post(base, HttpRequest.BodyPublishers.ofString(batch.toString()));
      }
    }
    return accepted;
  }

  private static long post(String base, HttpRequest.BodyPublisher body) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/articles/batch"))
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/x-ndjson")
                .timeout(Duration.ofHours(2))
                .POST(body)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "batch failed: " + response.statusCode() + " " + response.body());
    }
    Matcher accepted = Pattern.compile("\"accepted\":(\\d+)").matcher(response.body());
    accepted.find();
    return Long.parseLong(accepted.group(1));
  }

  /** The same rows, written straight into the table with COPY, with the same unique keys. */
  @SuppressWarnings("unchecked")
  private static long copy(EmbeddedDatabase database, Path ndjson) throws Exception {
    try (Connection connection =
        DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "")) {
      var copy = connection.unwrap(PGConnection.class).getCopyAPI();
      var in =
          copy.copyIn(
              "COPY ingest.article (url, url_key, source, title, text, text_hash, raw_content,"
                  + " raw_content_type, published_at) FROM STDIN WITH (FORMAT csv)");
      long rows = 0;
      try (var lines = Files.lines(ndjson)) {
        var iterator = lines.iterator();
        StringBuilder csv = new StringBuilder();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        while (iterator.hasNext()) {
          Map<String, String> a = JSON.readValue(iterator.next(), Map.class);
          String hash =
              "\\x"
                  + java.util.HexFormat.of()
                      .formatHex(sha.digest(a.get("text").getBytes(StandardCharsets.UTF_8)));
          csv.setLength(0);
          csv.append(q(a.get("url")))
              .append(',')
              .append(q(a.get("url")))
              .append(',')
              .append(q(a.get("source")))
              .append(',')
              .append(q(a.get("title")))
              .append(',')
              .append(q(a.get("text")))
              .append(',')
              .append(q(hash))
              .append(',')
              .append(q(a.get("text")))
              .append(",text/plain,")
              .append(a.get("publishedAt"))
              .append('\n');
          byte[] row = csv.toString().getBytes(StandardCharsets.UTF_8);
          in.writeToCopy(row, 0, row.length);
          rows++;
        }
      }
      in.endCopy();
      return rows;
    }
  }

  private static String q(String value) {
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  private static void truncate(EmbeddedDatabase database) throws Exception {
    try (Connection connection =
        DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "")) {
      connection.createStatement().execute("TRUNCATE ingest.outbox, ingest.article");
      connection.createStatement().execute("VACUUM ANALYZE ingest.article");
    }
  }

  /** Streams generated NDJSON of the given size in one request and samples the heap meanwhile. */
  private static void stream(String base, long megabytes) throws Exception {
    long limit = megabytes * 1024 * 1024;
    AtomicLong sent = new AtomicLong();
    double before = heapMb(base);
    double[] max = {before};
    Thread sampler =
        new Thread(
            () -> {
              try {
                for (int tick = 1; !Thread.currentThread().isInterrupted(); tick++) {
                  Thread.sleep(2000);
                  double heap = heapMb(base);
                  max[0] = Math.max(max[0], heap);
                  if (tick % 15 == 0) {
                    System.out.printf(
                        "  streaming: %.0f MB sent, heap used %.0f MB (max so far %.0f MB)%n",
                        sent.get() / 1048576.0, heap, max[0]);
                  }
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (Exception e) {
                // sampling stops; the run goes on
              }
            });
    sampler.setDaemon(true);
    sampler.start();
    long started = System.nanoTime();
    long accepted =
        post(
            base, HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedNdjson(limit, sent)));
    double seconds = (System.nanoTime() - started) / 1e9;
    sampler.interrupt();
    sampler.join();
    double after = heapMb(base);
    System.out.printf(
        "stream: %.0f MB, %d articles accepted in %.0f s (%.1f MB/s); heap used before %.0f MB,"
            + " max while streaming %.0f MB, after %.0f MB (-Xmx%s)%n",
        sent.get() / 1048576.0,
        accepted,
        seconds,
        sent.get() / 1048576.0 / seconds,
        before,
        max[0],
        after,
        System.getProperty("bench.xmx", "768m"));
  }

  /** NDJSON articles generated on the fly up to a byte limit: nothing of it exists on disk. */
  private static final class GeneratedNdjson extends InputStream {
    private final long limit;
    private final AtomicLong sent;
    private final Random random = new Random(99);
    private byte[] line = new byte[0];
    private int position;
    private int index = 10_000_000;

    GeneratedNdjson(long limit, AtomicLong sent) {
      this.limit = limit;
      this.sent = sent;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (position == line.length) {
        if (sent.get() >= limit) {
          return -1;
        }
        try {
          line =
              (JSON.writeValueAsString(article(random, index++)) + "\n")
                  .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
        position = 0;
      }
      int n = Math.min(length, line.length - position);
      System.arraycopy(line, position, buffer, offset, n);
      position += n;
      sent.addAndGet(n);
      return n;
    }
  }

  private static final String[] WORDS =
      ("the of and to in a is that for on with as was by said at from it has have be are were "
              + "government minister president officials forces military security police army troops "
              + "attack killed injured people civilians city capital region province border village "
              + "talks agreement ceasefire sanctions election vote parliament opposition party leader "
              + "statement spokesman ministry foreign defence interior court judge law protest crowd "
              + "thousands hundreds dozens rebels militants fighters group armed insurgents camp refugees "
              + "aid water food hospital school children women economy prices oil gas trade exports "
              + "pipeline port navy coast storm flood earthquake rescue damage houses roads bridge "
              + "power outage week month year monday tuesday wednesday thursday friday weekend night "
              + "morning evening warned promised announced launched signed visited met discussed "
              + "agreed rejected condemned denied accused arrested detained released reported according "
              + "told reporters news agency international community united nations council resolution "
              + "humanitarian crisis conflict war peace negotiations delegation summit visit embassy")
          .split(" ");
  private static final String[] NAMES =
      ("Kabul Moscow Kyiv Ankara Tehran Islamabad Delhi Beijing Cairo Nairobi Lagos Paris Berlin "
              + "London Washington Brussels Geneva Doha Riyadh Baghdad Damascus Beirut Khartoum "
              + "Ahmed Maria Ivan Fatima John Li Chen Olga Hassan Amina Pedro Sofia")
          .split(" ");

  /** An article of about 4 KB: a headline, eight paragraphs of news-like prose, metadata. */
  private static Map<String, Object> article(Random random, long index) {
    StringBuilder text = new StringBuilder();
    for (int p = 0; p < 8; p++) {
      if (p > 0) {
        text.append("\n\n");
      }
      for (int s = 0; s < 4; s++) {
        int words = 14 + random.nextInt(10);
        for (int w = 0; w < words; w++) {
          String word =
              random.nextInt(12) == 0
                  ? NAMES[random.nextInt(NAMES.length)]
                  : WORDS[random.nextInt(WORDS.length)];
          text.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
          text.append(w == words - 1 ? "." : " ");
        }
        text.append(' ');
      }
      text.setLength(text.length() - 1);
    }
    Map<String, Object> article = new LinkedHashMap<>();
    article.put("url", "https://news" + (index % 40) + ".example.com/world/" + index);
    article.put(
        "title",
        "Officials in " + NAMES[random.nextInt(NAMES.length)] + " report on talks " + index);
    article.put("source", "outlet-" + (index % 40));
    article.put(
        "publishedAt", LocalDate.of(2024, 1, 1).plusDays(Math.floorMod(index, 365)).toString());
    article.put("text", text.toString());
    return article;
  }
}
