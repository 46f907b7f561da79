package org.newsgraph.ingest.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP side of polling, against a real server on this machine. */
class HttpFetcherTest {

  private static final Duration HOST_DELAY = Duration.ofMillis(100);
  private static final int MAX_BODY = 64 * 1024;

  private final FeedServer server = new FeedServer();

  @AfterEach
  void stop() {
    server.close();
  }

  private static HttpFetcher fetcher(Predicate<InetAddress> allowed) {
    return new HttpFetcher(
        new HttpFetcher.Limits(
            Duration.ofSeconds(1), Duration.ofSeconds(2), MAX_BODY, 3, HOST_DELAY, "test-agent"),
        allowed);
  }

  private static HttpFetcher anyAddress() {
    return fetcher(address -> true);
  }

  private Fetched get(HttpFetcher fetcher, String path) throws Exception {
    return fetcher.get(URI.create(server.url(path)), "*/*", null, null);
  }

  @Test
  void inflatesGzipBodiesAndAsksForThem() throws Exception {
    server.serveGzip("/feed", "application/rss+xml", "<rss>zipped</rss>");
    Fetched fetched = get(anyAddress(), "/feed");
    assertEquals("<rss>zipped</rss>", new String(fetched.body(), StandardCharsets.UTF_8));
    assertEquals("gzip", server.requests("/feed").get(0).header("Accept-Encoding"));
    assertEquals("test-agent", server.requests("/feed").get(0).header("User-Agent"));
  }

  @Test
  void sendsValidatorsAndReportsNotModified() throws Exception {
    server.serve("/feed", "application/rss+xml", "<rss/>");
    HttpFetcher fetcher = anyAddress();
    Fetched first = get(fetcher, "/feed");
    assertFalse(first.notModified());
    Fetched second =
        fetcher.get(
            URI.create(server.url("/feed")), "*/*", first.etag(), "Sun, 24 Mar 2024 10:00:00 GMT");
    assertTrue(second.notModified());
    assertNull(second.body());
    assertEquals(first.etag(), second.etag());
    assertEquals(first.etag(), server.requests("/feed").get(1).header("If-None-Match"));
    assertEquals(
        "Sun, 24 Mar 2024 10:00:00 GMT",
        server.requests("/feed").get(1).header("If-Modified-Since"));
  }

  @Test
  void followsRedirectsWithinTheLimitAndStopsALoop() throws Exception {
    server.redirect("/old", "/new");
    server.serve("/new", "text/html", "<p>moved</p>");
    Fetched moved = get(anyAddress(), "/old");
    assertEquals(URI.create(server.url("/new")), moved.uri());

    server.redirect("/loop-a", "/loop-b");
    server.redirect("/loop-b", "/loop-a");
    FetchFailure loop = assertThrows(FetchFailure.class, () -> get(anyAddress(), "/loop-a"));
    assertEquals("more than 3 redirects", loop.getMessage());
    assertEquals(4, server.requests("/loop-a").size() + server.requests("/loop-b").size());
  }

  @Test
  void checksEveryRedirectTargetAgainstTheAddressPolicy() throws Exception {
    // 127.0.0.1 stands for a public host here, 127.0.0.2 for the private network behind it
    try (FeedServer inside = new FeedServer("127.0.0.2")) {
      inside.serve("/secret", "text/plain", "internal");
      server.redirect("/innocent", inside.url("/secret"));
      HttpFetcher fetcher = fetcher(address -> !address.getHostAddress().equals("127.0.0.2"));
      FetchFailure refused = assertThrows(FetchFailure.class, () -> get(fetcher, "/innocent"));
      assertTrue(refused.getMessage().contains("127.0.0.2"), refused.getMessage());
      assertFalse(refused.mayPass());
      assertEquals(List.of(), inside.requests(), "nothing was sent inside");
    }
  }

  @Test
  void refusesPrivateAddressesAndOtherSchemesBeforeConnecting() {
    server.serve("/feed", "application/rss+xml", "<rss/>");
    HttpFetcher publicOnly = fetcher(PublicAddresses::isPublic);
    FetchFailure loopback = assertThrows(FetchFailure.class, () -> get(publicOnly, "/feed"));
    assertTrue(loopback.getMessage().contains("loopback, link-local or private"));
    FetchFailure localhost =
        assertThrows(
            FetchFailure.class,
            () ->
                publicOnly.get(
                    URI.create("http://localhost:" + server.port() + "/feed"), "*/*", null, null));
    assertTrue(localhost.getMessage().contains("localhost"));
    assertThrows(
        FetchFailure.class,
        () -> anyAddress().get(URI.create("file:///etc/passwd"), "*/*", null, null));
    assertThrows(
        FetchFailure.class,
        () -> anyAddress().get(URI.create("ftp://127.0.0.1/feed"), "*/*", null, null));
    assertEquals(List.of(), server.requests());
  }

  @Test
  void givesUpOnASlowAnswerAtTheDeadline() {
    server.route(
        "/slow",
        exchange -> {
          // headers at once, then a body that trickles for longer than the deadline
          exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
          exchange.sendResponseHeaders(200, 0);
          try (var out = exchange.getResponseBody()) {
            for (int i = 0; i < 60; i++) {
              out.write(' ');
              out.flush();
              Thread.sleep(100);
            }
          } catch (InterruptedException | java.io.IOException e) {
            // the client hung up: that is what the test wants
          }
        });
    long started = System.nanoTime();
    FetchFailure slow = assertThrows(FetchFailure.class, () -> get(anyAddress(), "/slow"));
    long tookMillis = (System.nanoTime() - started) / 1_000_000;
    assertEquals("no complete answer within 2000 ms", slow.getMessage());
    assertTrue(slow.mayPass());
    assertTrue(tookMillis < 4000, "gave up after " + tookMillis + " ms");
  }

  @Test
  void capsTheBodyOnTheWireAndOnceInflated() {
    byte[] large = new byte[MAX_BODY + 1];
    server.route("/large", exchange -> FeedServer.send(exchange, 200, "text/html", large));
    assertEquals(
        "larger than " + MAX_BODY + " bytes",
        assertThrows(FetchFailure.class, () -> get(anyAddress(), "/large")).getMessage());
    // a small gzip body that inflates past the cap
    byte[] bomb = FeedServer.gzip(new byte[MAX_BODY * 20]);
    assertTrue(bomb.length < MAX_BODY);
    server.route(
        "/bomb",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Encoding", "gzip");
          FeedServer.send(exchange, 200, "text/html", bomb);
        });
    assertThrows(FetchFailure.class, () -> get(anyAddress(), "/bomb"));
    byte[] exact = new byte[MAX_BODY];
    server.route("/exact", exchange -> FeedServer.send(exchange, 200, "text/html", exact));
    assertDoesNotFail(() -> assertArrayEquals(exact, get(anyAddress(), "/exact").body()));
  }

  @Test
  void tellsFailuresThatMayPassFromThoseThatStand() {
    server.status("/gone", 404);
    server.status("/broken", 503);
    assertFalse(assertThrows(FetchFailure.class, () -> get(anyAddress(), "/gone")).mayPass());
    FetchFailure broken = assertThrows(FetchFailure.class, () -> get(anyAddress(), "/broken"));
    assertEquals("HTTP 503", broken.getMessage());
    assertTrue(broken.mayPass());
  }

  @Test
  void asksOneHostOneThingAtATimeWithADelayBetween() throws Exception {
    server.route(
        "/page",
        exchange -> {
          try {
            Thread.sleep(30); // long enough for overlapping requests to show
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          FeedServer.send(exchange, 200, "text/html", "<p>x</p>".getBytes(StandardCharsets.UTF_8));
        });
    HttpFetcher fetcher = anyAddress();
    ExecutorService parallel = Executors.newFixedThreadPool(4);
    try {
      List<Future<Fetched>> answers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        answers.add(parallel.submit(() -> get(fetcher, "/page")));
      }
      for (Future<Fetched> answer : answers) {
        answer.get();
      }
    } finally {
      parallel.shutdownNow();
    }
    List<FeedServer.Request> requests =
        server.requests().stream()
            .sorted(Comparator.comparingLong(FeedServer.Request::startedNanos))
            .toList();
    assertEquals(6, requests.size());
    for (int i = 1; i < requests.size(); i++) {
      long gap = requests.get(i).startedNanos() - requests.get(i - 1).endedNanos();
      // the server notes the end a moment after the client has the answer: allow for that
      assertTrue(
          gap >= HOST_DELAY.toNanos() * 8 / 10,
          "request " + i + " started " + gap / 1_000_000 + " ms after the previous one ended");
    }
  }

  private static void assertDoesNotFail(ThrowingRunnable runnable) {
    try {
      runnable.run();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
