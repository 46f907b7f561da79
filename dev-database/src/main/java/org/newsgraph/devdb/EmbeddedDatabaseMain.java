package org.newsgraph.devdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the embedded PostgreSQL server in the foreground until the process is stopped; used by
 * {@code ./newsgraph up} when no database server is configured.
 *
 * <p>Usage: {@code EmbeddedDatabaseMain <port> <data-directory>}. Prints the JDBC URL once the
 * server accepts connections. Ends with exit code 1 when the postmaster dies (a crash, a kill -9):
 * a launcher that outlived its server would make {@code ./newsgraph status} report a dead database
 * as running, and {@code up} would never start it again.
 */
public final class EmbeddedDatabaseMain {

  private EmbeddedDatabaseMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: EmbeddedDatabaseMain <port> <data-directory>");
      System.exit(2);
    }
    Path data = Path.of(args[1]).toAbsolutePath();
    Files.createDirectories(data.getParent());
    EmbeddedDatabase database = EmbeddedDatabase.start(Integer.parseInt(args[0]), data);
    ProcessHandle postmaster =
        database
            .postmaster()
            .orElseThrow(() -> new IllegalStateException("PostgreSQL started but has no pid file"));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    database.close();
                  } catch (Exception e) {
                    System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
                  } finally {
                    stopped.countDown();
                  }
                }));
    System.out.println(
        "ready " + database.jdbcUrl() + " (postmaster pid " + postmaster.pid() + ")");
    System.out.flush();
    CompletableFuture<ProcessHandle> died = postmaster.onExit();
    while (!stopped.await(1, TimeUnit.SECONDS)) {
      if (died.isDone()) {
        System.err.println("The PostgreSQL postmaster (pid " + postmaster.pid() + ") died");
        System.exit(1);
      }
    }
  }
}
