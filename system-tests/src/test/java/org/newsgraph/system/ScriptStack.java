package org.newsgraph.system;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Newsgraph as {@code ./newsgraph} runs it, on free ports with a home of its own under {@code
 * system-tests/target}, so that two test classes (and a developer's own stack) never meet.
 */
final class ScriptStack {

  static final String KEY = "system-test-key";
  static final Path ROOT = Path.of(System.getProperty("newsgraph.root", "..")).toAbsolutePath();

  final Path home;
  final String ingest;
  final String entity;
  final String query;
  private final Map<String, String> env = new HashMap<>();

  /** What one {@code ./newsgraph} command printed and how it ended. */
  record Result(int exit, String output) {}

  private ScriptStack(Path home, int[] ports) {
    this.home = home;
    env.put("NEWSGRAPH_HOME", home.toString());
    env.put("NEWSGRAPH_SKIP_BUILD", "1");
    env.put("NEWSGRAPH_API_KEYS", KEY);
    env.put("NEWSGRAPH_DB_PORT", String.valueOf(ports[0]));
    env.put("NEWSGRAPH_INGEST_PORT", String.valueOf(ports[1]));
    env.put("NEWSGRAPH_ENTITY_PORT", String.valueOf(ports[2]));
    env.put("NEWSGRAPH_QUERY_PORT", String.valueOf(ports[3]));
    ingest = "http://localhost:" + ports[1];
    entity = "http://localhost:" + ports[2];
    query = "http://localhost:" + ports[3];
  }

  /** A stack (not started) whose home is {@code system-tests/target/<name>}. */
  static ScriptStack onFreePorts(String name) throws IOException {
    return new ScriptStack(ROOT.resolve("system-tests/target").resolve(name), freePorts(4));
  }

  /** Runs {@code ./newsgraph args...} for this stack and waits for it (at most 10 minutes). */
  Result newsgraph(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(ROOT.resolve("newsgraph").toString()));
    command.addAll(List.of(args));
    Path log = Files.createTempFile("newsgraph", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("./newsgraph " + String.join(" ", args) + " did not finish");
    }
    String output = Files.readString(log);
    System.out.println(output);
    return new Result(process.exitValue(), output);
  }

  /** The pids that {@code ./newsgraph} recorded for what it started. */
  List<Long> pids() throws IOException {
    List<Long> pids = new ArrayList<>();
    Path run = home.resolve("run");
    if (Files.isDirectory(run)) {
      try (var files = Files.list(run)) {
        for (Path file : files.toList()) {
          pids.add(Long.parseLong(Files.readString(file).trim()));
        }
      }
    }
    return pids;
  }

  private static int[] freePorts(int count) throws IOException {
    int[] ports = new int[count];
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0);
        sockets.add(socket);
        ports[i] = socket.getLocalPort();
      }
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
    return ports;
  }
}
