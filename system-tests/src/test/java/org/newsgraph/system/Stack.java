package org.newsgraph.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The packaged system as separate processes on free ports, started one component at a time so that
 * a fault test can crash any of them: the embedded PostgreSQL's launcher and each service's {@code
 * quarkus-run.jar}, with their output in {@code target/fault-logs/<test>/}.
 */
final class Stack implements AutoCloseable {

  static final String KEY = "fault-test-key";
  static final Path ROOT = Path.of(System.getProperty("newsgraph.root", "..")).toAbsolutePath();
  private static final String VERSION = "0.1.0-SNAPSHOT";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path home;
  private final int databasePort;
  private final Map<String, Process> processes = new HashMap<>();

  Stack(String name) throws IOException {
    this.home = ROOT.resolve("system-tests/target/fault-logs").resolve(name);
    deleteRecursively(home);
    Files.createDirectories(home);
    this.databasePort = freePort();
  }

  Path home() {
    return home;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + databasePort + "/newsgraph";
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), "postgres", "");
  }

  /** Starts (or starts again, on the same data) the embedded PostgreSQL; returns once it is up. */
  void startDatabase() throws Exception {
    Path log = home.resolve("postgres.log");
    long before = Files.exists(log) ? Files.size(log) : 0;
    String classpath =
        ROOT.resolve("dev-database/target/dev-database-" + VERSION + ".jar")
            + ":"
            + ROOT.resolve("dev-database/target/lib/*");
    Process process =
        start(
            "postgres",
            List.of(
                "java",
                "-Xmx64m",
                "-cp",
                classpath,
                "org.newsgraph.devdb.EmbeddedDatabaseMain",
                String.valueOf(databasePort),
                home.resolve("pgdata").toString()),
            Map.of());
    await(
        "PostgreSQL to start",
        Duration.ofMinutes(2),
        () -> {
          if (!process.isAlive()) {
            throw new AssertionError("PostgreSQL did not start: " + tail("postgres"));
          }
          return readFrom(log, before).contains("ready ");
        });
  }

  /**
   * Crashes PostgreSQL as a power cut would: the postmaster and every server process get SIGKILL at
   * once, so nothing is flushed on the way down. The launcher notices and ends.
   */
  void crashDatabase() throws Exception {
    ProcessHandle postmaster = postmaster().orElseThrow();
    List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
    all.add(0, postmaster);
    new ProcessBuilder(
            concat(List.of("kill", "-9"), all.stream().map(p -> String.valueOf(p.pid())).toList()))
        .inheritIO()
        .start()
        .waitFor();
    await(
        "the launcher to notice",
        Duration.ofSeconds(30),
        () -> !processes.get("postgres").isAlive());
    // a server process still alive would keep the shared memory that a restart must take over
    await(
        "every PostgreSQL process to end",
        Duration.ofSeconds(30),
        () -> all.stream().noneMatch(ProcessHandle::isAlive));
  }

  Optional<ProcessHandle> postmaster() throws IOException {
    List<String> lines = Files.readAllLines(home.resolve("pgdata/postmaster.pid"));
    return ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
  }

  /**
   * Starts a packaged service under {@code name} (ingest, entity, query, or e.g. entity-2 for a
   * second instance) and returns its base URL once it is ready.
   */
  String startService(String name, Map<String, String> environment) throws Exception {
    String url = launch(name, environment);
    awaitReady(name, url);
    return url;
  }

  /** Starts a service like {@link #startService} without waiting for it; returns its base URL. */
  String launch(String name, Map<String, String> environment) throws Exception {
    String module = name.replaceFirst("-\\d+$", "") + "-service";
    int port = freePort();
    Map<String, String> env = new HashMap<>();
    env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
    env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl());
    env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
    env.put("QUARKUS_DATASOURCE_PASSWORD", "");
    env.put("NEWSGRAPH_API_KEYS", KEY);
    env.putAll(environment);
    String heap = module.equals("entity-service") ? "-Xmx1500m" : "-Xmx384m";
    start(
        name,
        List.of(
            "java",
            heap,
            "-jar",
            ROOT.resolve(module + "/target/quarkus-app/quarkus-run.jar").toString()),
        env);
    return "http://localhost:" + port;
  }

  void awaitReady(String name, String url) throws InterruptedException {
    Process process = processes.get(name);
    await(
        name + " to be ready",
        Duration.ofMinutes(3),
        () -> {
          if (!process.isAlive()) {
            throw new AssertionError(name + " stopped while starting: " + tail(name));
          }
          return status(url + "/q/health/ready") == 200;
        });
  }

  /** SIGKILL: the process gets no chance to finish anything. */
  void kill(String name) throws InterruptedException {
    Process process = processes.get(name);
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, as a deploy stops a pod; waits for it to end. */
  void stop(String name, Duration grace) throws InterruptedException {
    Process process = processes.get(name);
    process.destroy();
    if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(name + " did not stop within " + grace);
    }
  }

  String tail(String name) {
    try {
      List<String> lines = Files.readAllLines(home.resolve(name + ".log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  static int status(String url) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The Retry-After header of a GET, or null. */
  static String retryAfter(String url) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.discarding())
          .headers()
          .firstValue("Retry-After")
          .orElse(null);
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Polls {@code condition} every 200 ms until it holds; fails after {@code timeout}. */
  static void await(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(200);
    }
  }

  @Override
  public void close() throws Exception {
    for (String name : List.copyOf(processes.keySet())) {
      Process process = processes.get(name);
      if (process.isAlive() && !name.equals("postgres")) {
        process.destroy();
      }
    }
    for (Process process : processes.values()) {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
    Process database = processes.get("postgres");
    if (database != null && database.isAlive()) {
      database.destroy(); // the launcher's shutdown hook stops the server cleanly
      if (!database.waitFor(60, TimeUnit.SECONDS)) {
        database.destroyForcibly();
      }
    }
    Optional<ProcessHandle> orphan = Optional.empty();
    try {
      orphan = postmaster();
    } catch (IOException | RuntimeException e) {
      // no pid file: the server stopped
    }
    orphan.ifPresent(ProcessHandle::destroyForcibly);
  }

  private Process start(String name, List<String> command, Map<String, String> env)
      throws IOException {
    Path log = home.resolve(name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().putAll(env);
    Process process = builder.start();
    processes.put(name, process);
    return process;
  }

  private static String readFrom(Path log, long offset) {
    try {
      byte[] bytes = Files.readAllBytes(log);
      return new String(
          bytes, (int) Math.min(offset, bytes.length), (int) Math.max(0, bytes.length - offset));
    } catch (IOException e) {
      return "";
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (var walk = Files.walk(path)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
