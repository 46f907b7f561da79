package org.newsgraph.ingest.source;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * A real HTTP server on a free port of this machine, serving what a test puts on its paths and
 * recording every request it answered (with when it started and ended, to check politeness).
 */
final class FeedServer implements AutoCloseable {

  /** How one path answers. */
  interface Route {
    void answer(HttpExchange exchange) throws IOException;
  }

  /**
   * One request, as the server saw it; times from {@link System#nanoTime()}, the end once the
   * answer was sent (0 until then).
   */
  record Request(
      String path, Map<String, List<String>> headers, long startedNanos, AtomicLong ended) {
    long endedNanos() {
      return ended.get();
    }

    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  FeedServer() {
    this("127.0.0.1");
  }

  FeedServer(String address) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          AtomicLong ended = new AtomicLong();
          // recorded before answering: a client may read the answer before the handler returns
          requests.add(
              new Request(
                  path, Map.copyOf(exchange.getRequestHeaders()), System.nanoTime(), ended));
          try {
            Route route = routes.get(path);
            if (route == null) {
              exchange.sendResponseHeaders(404, -1);
            } else {
              route.answer(exchange);
            }
          } finally {
            exchange.close();
            ended.set(System.nanoTime());
          }
        });
    server.start();
  }

  String url(String path) {
    return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port() + path;
  }

  int port() {
    return server.getAddress().getPort();
  }

  void route(String path, Route route) {
    routes.put(path, route);
  }

  /** A document, with an ETag: a request that names it is answered 304. */
  void serve(String path, String contentType, String body) {
    String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
    route(
        path,
        exchange -> {
          if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.sendResponseHeaders(304, -1);
            return;
          }
          exchange.getResponseHeaders().set("ETag", etag);
          send(exchange, 200, contentType, body.getBytes(StandardCharsets.UTF_8));
        });
  }

  /** A document sent gzip-compressed, whatever the request asked. */
  void serveGzip(String path, String contentType, String body) {
    byte[] zipped = gzip(body.getBytes(StandardCharsets.UTF_8));
    route(
        path,
        exchange -> {
          exchange.getResponseHeaders().set("Content-Encoding", "gzip");
          send(exchange, 200, contentType, zipped);
        });
  }

  void status(String path, int status) {
    route(path, exchange -> exchange.sendResponseHeaders(status, -1));
  }

  void redirect(String path, String location) {
    route(
        path,
        exchange -> {
          exchange.getResponseHeaders().set("Location", location);
          exchange.sendResponseHeaders(302, -1);
        });
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
