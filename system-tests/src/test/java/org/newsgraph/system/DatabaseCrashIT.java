package org.newsgraph.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * PostgreSQL crashes (SIGKILL to every server process at once) while clients post articles: every
 * article answered 201 is there after the restart, the outage is answered 503 with Retry-After
 * (never 500) by every service, readiness is DOWN meanwhile, and the services serve again without a
 * restart.
 */
class DatabaseCrashIT {

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void everyAcknowledgedArticleSurvivesACrashAndTheOutageIsA503() throws Exception {
    try (Stack stack = new Stack("database-crash")) {
      stack.startDatabase();
      String ingest = stack.launch("ingest", Map.of());
      String entity = stack.launch("entity", Map.of("NEWSGRAPH_WORKER_ENABLED", "false"));
      String query = stack.launch("query", Map.of());
      stack.awaitReady("ingest", ingest);
      stack.awaitReady("query", query);
      stack.awaitReady("entity", entity);
      List<String> reads =
          List.of(
              ingest + "/articles", entity + "/actors/russia", query + "/events", query + "/stats");
      IngestLoad load = new IngestLoad(ingest, 4, "crash-test");
      Stack.await(
          "50 articles stored", Duration.ofMinutes(1), () -> load.acknowledged().size() >= 50);

      stack.crashDatabase();
      int answersAtCrash = load.answers();
      Stack.await(
          "20 answers during the outage",
          Duration.ofMinutes(1),
          () -> load.answers() >= answersAtCrash + 20);
      for (String service : List.of(ingest, entity, query)) {
        assertEquals(503, Stack.status(service + "/q/health/ready"), "readiness of " + service);
      }
      for (String read : reads) {
        assertEquals(503, Stack.status(read), "during the outage: " + read);
        assertTrue(Stack.retryAfter(read) != null, "no Retry-After: " + read);
      }
      int refusedDuringOutage = load.refusals().size();

      stack.startDatabase();
      int acknowledgedAtRestart = load.acknowledged().size();
      Stack.await(
          "articles stored again after the restart",
          Duration.ofMinutes(1),
          () -> load.acknowledged().size() >= acknowledgedAtRestart + 20);
      for (String service : List.of(ingest, entity, query)) {
        Stack.await(
            "readiness UP again: " + service,
            Duration.ofSeconds(30),
            () -> Stack.status(service + "/q/health/ready") == 200);
      }
      for (String read : reads) {
        Stack.await(
            "serving again: " + read, Duration.ofSeconds(30), () -> Stack.status(read) == 200);
      }
      load.close();

      List<IngestLoad.Refusal> refusals = load.refusals();
      assertTrue(refusedDuringOutage >= 10, "the outage was answered: " + refusals.size());
      for (IngestLoad.Refusal refusal : refusals) {
        assertEquals(503, refusal.status(), () -> "an answer during the outage: " + refusal);
        assertTrue(refusal.contentType().startsWith("application/problem+json"), refusal::toString);
        assertTrue(refusal.retryAfter() != null, () -> "no Retry-After: " + refusal);
      }
      Map<Long, String> acknowledged = load.acknowledged();
      try (Connection c = stack.connect();
          PreparedStatement find =
              c.prepareStatement(
                  "SELECT a.text FROM ingest.article a JOIN ingest.outbox o ON o.article_id = a.id"
                      + " WHERE a.id = ?")) {
        for (var entry : acknowledged.entrySet()) {
          find.setLong(1, entry.getKey());
          try (ResultSet row = find.executeQuery()) {
            assertTrue(row.next(), "article " + entry.getKey() + " was answered 201 and is lost");
          }
        }
      }
      System.out.printf(
          "database crash: %d articles acknowledged, all found; %d answers refused with 503%n",
          acknowledged.size(), refusals.size());
    }
  }
}
