package org.newsgraph.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Faults of the pipeline against the packaged services on one database: hostile input, articles
 * that would hold a worker, and an entity-service killed mid-queue whose work two new instances
 * finish. The kill runs last, since it replaces the entity-service the other tests use.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineFaultsIT {

  /**
   * Short lease and budget, so that the faults resolve within seconds; the lease shorter than the
   * budget, so that a long article needs its lease renewed.
   */
  private static final Map<String, String> ENTITY =
      Map.of(
          "NEWSGRAPH_WORKER_LEASE", "PT3S",
          "NEWSGRAPH_WORKER_ARTICLE_BUDGET", "PT8S",
          "NEWSGRAPH_WORKER_POLL_INTERVAL", "PT0.5S");

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Stack stack;
  private static final Map<String, String> urls = new HashMap<>();

  @BeforeAll
  static void start() throws Exception {
    stack = new Stack("pipeline-faults");
    stack.startDatabase();
    urls.put("ingest", stack.startService("ingest", Map.of()));
    urls.put("entity", stack.launch("entity", ENTITY));
    urls.put("query", stack.launch("query", Map.of()));
    stack.awaitReady("query", urls.get("query"));
    stack.awaitReady("entity", urls.get("entity"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void twoThousandHostileRequestsGetNo5xxAndLeaveNoPartialRows() throws Exception {
    String tag = "hostile";
    HostileRequests generator = new HostileRequests(14, tag);
    List<HostileRequests.Request> requests = new ArrayList<>();
    int perEndpoint = 2_000 / HostileRequests.ENDPOINTS.size() + 1;
    for (int i = 0; i < perEndpoint; i++) {
      for (HostileRequests.Endpoint endpoint : HostileRequests.ENDPOINTS) {
        requests.add(generator.next(endpoint, urls.get(endpoint.service())));
      }
    }
    ConcurrentLinkedQueue<String> defects = new ConcurrentLinkedQueue<>();
    AtomicInteger stored = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<?>> sent = new ArrayList<>();
    for (HostileRequests.Request request : requests) {
      sent.add(clients.submit(() -> send(request, defects, stored)));
    }
    for (Future<?> future : sent) {
      future.get();
    }
    clients.shutdown();

    assertTrue(requests.size() >= 2_000, "requests: " + requests.size());
    assertTrue(defects.isEmpty(), defects.size() + " defects, first: " + defects.peek());
    try (Connection c = stack.connect();
        Statement statement = c.createStatement()) {
      assertEquals(
          0,
          count(
              statement,
              "SELECT count(*) FROM ingest.article a FULL JOIN ingest.outbox o"
                  + " ON o.article_id = a.id WHERE a.id IS NULL OR o.article_id IS NULL"),
          "articles without their queue entry, or the reverse");
      assertEquals(
          stored.get(),
          count(statement, "SELECT count(*) FROM ingest.article WHERE source = '" + tag + "'"),
          "articles stored against articles acknowledged");
    }
    System.out.printf(
        "hostile input: %d requests to %d endpoints, 0 answered 5xx, %d articles stored%n",
        requests.size(), HostileRequests.ENDPOINTS.size(), stored.get());
  }

  @Test
  @Order(2)
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void pathologicalArticlesEndAndTheQueueKeepsMoving() throws Exception {
    String ingest = urls.get("ingest");
    List<Long> ordinary = new ArrayList<>();
    long entities =
        created(
            post(
                ingest,
                "text/html",
                "<html><body><p>"
                    + Articles.article("entities", 1)
                    + "</p><p>"
                    + "&amp;".repeat(40_000)
                    + "</p></body></html>"));
    long nested =
        created(
            post(
                ingest,
                "text/html",
                "<div>".repeat(10_000) + "<p>" + Articles.article("nested", 1) + "</p>"));
    long tooLong = created(post(ingest, "text/plain", Articles.prose("budget", 150_000)));
    for (int i = 0; i < 8; i++) {
      ordinary.add(created(post(ingest, "text/plain", Articles.article("ordinary", i))));
    }
    HttpResponse<String> twoMegabytes =
        post(ingest, "text/plain", Articles.prose("two-megabytes", 2_000_000));
    assertEquals(413, twoMegabytes.statusCode(), twoMegabytes.body());

    Instant start = Instant.now();
    assertEquals("DONE", awaitFinished(entities, Duration.ofMinutes(2)).getString("status"));
    assertEquals("DONE", awaitFinished(nested, Duration.ofMinutes(1)).getString("status"));
    for (long id : ordinary) {
      assertEquals("DONE", awaitFinished(id, Duration.ofMinutes(1)).getString("status"));
    }
    JsonPath failed = awaitFinished(tooLong, Duration.ofMinutes(1));
    assertEquals("FAILED", failed.getString("status"));
    assertTrue(failed.getString("error").contains("time budget"), failed.getString("error"));
    try (Connection c = stack.connect();
        Statement statement = c.createStatement()) {
      // the lease (3 s) is shorter than the budget (8 s): only its renewal kept other workers off
      assertEquals(
          1,
          count(statement, "SELECT attempts FROM ingest.outbox WHERE article_id = " + tooLong),
          "attempts on the over-budget article");
    }
    System.out.printf(
        "pathological articles: all %d finished within %d s; the over-budget one FAILED: %s%n",
        ordinary.size() + 3,
        Duration.between(start, Instant.now()).toSeconds(),
        failed.getString("error"));
  }

  @Test
  @Order(3)
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void adHocExtractionsBeyondTheLimitAre429() throws Exception {
    // long enough texts, sent together, that the first two still run when the others arrive
    String text = Articles.prose("ad-hoc", 100_000);
    int clientCount = 8;
    ExecutorService clients = Executors.newFixedThreadPool(clientCount);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < clientCount; i++) {
      answers.add(
          clients.submit(
              () -> {
                start.await();
                return HTTP.send(
                    HttpRequest.newBuilder(URI.create(urls.get("entity") + "/extract"))
                        .header("Authorization", "Bearer " + Stack.KEY)
                        .header("Content-Type", "application/json")
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                "{\"text\": \"" + text.replace("\n", "\\n") + "\"}"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
              }));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<HttpResponse<String>> answer : answers) {
      statuses.add(answer.get().statusCode());
    }
    clients.shutdown();
    assertTrue(statuses.contains(429), "statuses: " + statuses);
    assertTrue(statuses.contains(200), "statuses: " + statuses);
    assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 429), "statuses: " + statuses);
  }

  @Test
  @Order(4)
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void anEntityServiceKilledMidQueueLosesAndDuplicatesNothing() throws Exception {
    String ingest = urls.get("ingest");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      ids.add(created(post(ingest, "text/plain", Articles.article("kill", i))));
    }
    Stack.await("a few articles done", Duration.ofMinutes(2), () -> done(ids) >= 3);
    int doneAtKill = done(ids);
    stack.kill("entity");

    // the default time budget: a fresh JVM is slow on its first articles
    Map<String, String> replacement = Map.of("NEWSGRAPH_WORKER_LEASE", "PT3S");
    String second = stack.launch("entity-2", replacement);
    String third = stack.launch("entity-3", replacement);
    stack.awaitReady("entity-2", second);
    stack.awaitReady("entity-3", third);
    Stack.await("every article finished", Duration.ofMinutes(3), () -> finished(ids) == ids.size());
    assertEquals(ids.size(), done(ids), "articles DONE");

    try (Connection c = stack.connect();
        Statement statement = c.createStatement()) {
      String articles = ids.toString().replace('[', '(').replace(']', ')');
      assertEquals(
          0,
          count(
              statement,
              "SELECT count(*) FROM (SELECT 1 FROM entity.mention WHERE article_id IN "
                  + articles
                  + " GROUP BY article_id, start_offset, end_offset HAVING count(*) > 1) d"),
          "duplicated actor mentions");
      assertEquals(
          0,
          count(
              statement,
              "SELECT count(*) FROM (SELECT 1 FROM entity.event_mention WHERE article_id IN "
                  + articles
                  + " GROUP BY article_id, trigger_start, trigger_end, type HAVING count(*) > 1) d"),
          "duplicated event mentions");
    }
    // a clean run: the same text extracted once, ad hoc, finds the same mentions and events
    int events = 0;
    for (long id : ids) {
      JsonPath article = RestAssured.get(ingest + "/articles/" + id).then().extract().jsonPath();
      JsonPath stored =
          RestAssured.get(second + "/articles/" + id + "/annotations").then().extract().jsonPath();
      JsonPath clean =
          RestAssured.given()
              .header("Authorization", "Bearer " + Stack.KEY)
              .contentType("application/json")
              .body(
                  Map.of(
                      "text",
                      article.getString("text"),
                      "publishedAt",
                      article.getString("publishedAt") == null
                          ? ""
                          : article.getString("publishedAt")))
              .post(third + "/extract")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertEquals(clean.getList("mentions"), stored.getList("mentions"), "mentions of " + id);
      assertEquals(
          clean.getList("events.trigger"), stored.getList("events.trigger"), "events of " + id);
      events += stored.getList("events").size();
    }
    assertFalse(events == 0, "the articles gave no events to compare");
    System.out.printf(
        "entity-service killed with %d of %d articles done: 0 lost, 0 duplicated, %d events"
            + " identical to a clean run%n",
        doneAtKill, ids.size(), events);
  }

  private static void send(
      HostileRequests.Request request,
      ConcurrentLinkedQueue<String> defects,
      AtomicInteger stored) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(request.url())).timeout(Duration.ofSeconds(60));
    if (request.key()) {
      builder.header("Authorization", "Bearer " + Stack.KEY);
    }
    if (request.contentType() != null) {
      builder.header("Content-Type", request.contentType());
    }
    builder.method(
        request.method(),
        request.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    try {
      HttpResponse<String> response =
          HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      String type = response.headers().firstValue("Content-Type").orElse("");
      if (status >= 500) {
        defects.add(status + " for " + request.describe() + ": " + response.body());
      } else if (status >= 400 && !type.startsWith("application/problem+json")) {
        defects.add(status + " without problem+json for " + request.describe());
      } else if (response
              .body()
              .matches("(?s).*(java\\.|org\\.newsgraph|com\\.fasterxml|Exception).*")
          && status >= 400) {
        defects.add("internal names for " + request.describe() + ": " + response.body());
      }
      HostileRequests.Endpoint endpoint = request.endpoint();
      if (endpoint.body() == HostileRequests.Body.ARTICLE && status == 201) {
        stored.incrementAndGet();
      } else if (endpoint.body() == HostileRequests.Body.BATCH && status == 200) {
        stored.addAndGet(JsonPath.from(response.body()).getInt("accepted"));
      }
    } catch (Exception e) {
      defects.add("no answer for " + request.describe() + ": " + e);
    }
  }

  private static HttpResponse<String> post(String ingest, String type, String body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(ingest + "/articles?source=faults"))
            .header("Authorization", "Bearer " + Stack.KEY)
            .header("Content-Type", type + "; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static long created(HttpResponse<String> response) {
    assertEquals(201, response.statusCode(), response.body());
    return JsonPath.from(response.body()).getLong("id");
  }

  private static JsonPath awaitFinished(long id, Duration timeout) throws InterruptedException {
    JsonPath[] article = new JsonPath[1];
    Stack.await(
        "article " + id + " to finish",
        timeout,
        () -> {
          article[0] =
              RestAssured.get(urls.get("ingest") + "/articles/" + id).then().extract().jsonPath();
          return List.of("DONE", "FAILED", "SKIPPED").contains(article[0].getString("status"));
        });
    return article[0];
  }

  private static int done(List<Long> ids) {
    return inStatus(ids, "'DONE'");
  }

  private static int finished(List<Long> ids) {
    return inStatus(ids, "'DONE', 'FAILED', 'SKIPPED'");
  }

  private static int inStatus(List<Long> ids, String statuses) {
    try (Connection c = stack.connect();
        Statement statement = c.createStatement()) {
      return (int)
          count(
              statement,
              "SELECT count(*) FROM ingest.outbox WHERE status IN ("
                  + statuses
                  + ") AND article_id IN "
                  + ids.toString().replace('[', '(').replace(']', ')'));
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long count(Statement statement, String sql) throws java.sql.SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
