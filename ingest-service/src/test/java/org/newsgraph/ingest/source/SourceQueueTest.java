package org.newsgraph.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsgraph.ingest.article.Db;
import org.newsgraph.ingest.article.Texts;
import org.newsgraph.ingest.source.SourceQueue.Claim;
import org.newsgraph.ingest.source.SourceQueue.Success;

/** Replicas share the schedule: a source is polled by one of them at a time. */
@QuarkusTest
class SourceQueueTest {

  @Inject SourceQueue queue;

  private final FeedServer server = new FeedServer();
  private final String marker = "claim-" + Texts.unique();

  @AfterEach
  void cleanUp() {
    Db.execute("DELETE FROM ingest.source WHERE name = '" + marker + "'");
    server.close();
  }

  /** Sources held by a live lease of a replica that is not this test (nor this service). */
  private void addLeasedSources(int count) {
    server.serve("/feed", Feeds.RSS_TYPE, Feeds.rss(List.of()));
    for (int i = 0; i < count; i++) {
      String url = server.url("/feed?n=" + i);
      Db.execute(
          "INSERT INTO ingest.source (url, url_key, name, interval_millis, lease_owner, lease_until)"
              + " VALUES ('"
              + url
              + "', '"
              + url
              + "', '"
              + marker
              + "', 3600000, 'replica-elsewhere', now() + interval '1 hour')");
    }
  }

  private Set<Long> ours(List<Claim> claims) {
    Set<Long> ids = new HashSet<>();
    for (Claim claim : claims) {
      if (claim.name().equals(marker)) {
        ids.add(claim.id());
      }
    }
    return ids;
  }

  @Test
  void aLiveLeaseKeepsEveryOtherReplicaOff() {
    addLeasedSources(3);
    assertEquals(Set.of(), ours(queue.claim("replica-test", 100)));
    // the replica holding them died: once its lease runs out, another takes them over
    Db.execute(
        "UPDATE ingest.source SET lease_until = now() - interval '1 second' WHERE name = '"
            + marker
            + "'");
    // this service's own poller races the test for them: between the two, every one is taken
    Set<Long> taken = ours(queue.claim("replica-test", 100));
    Sources.await(
        Duration.ofSeconds(30),
        "every source taken over",
        () ->
            Db.count(
                    "SELECT count(*) FROM ingest.source WHERE name = ?"
                        + " AND lease_owner = 'replica-elsewhere'",
                    marker)
                == 0);
    for (long id : taken) {
      assertEquals(
          "replica-test", Db.string("SELECT lease_owner FROM ingest.source WHERE id = ?", id));
    }
  }

  @Test
  void concurrentClaimsNeverShareASource() throws Exception {
    addLeasedSources(40);
    Db.execute(
        "UPDATE ingest.source SET lease_owner = NULL, lease_until = NULL WHERE name = '"
            + marker
            + "'");
    CyclicBarrier start = new CyclicBarrier(2);
    List<CompletableFuture<Set<Long>>> replicas = new ArrayList<>();
    for (String owner : List.of("replica-a", "replica-b")) {
      replicas.add(
          CompletableFuture.supplyAsync(
              () -> {
                Set<Long> claimed = new HashSet<>();
                try {
                  start.await();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
                for (int i = 0; i < 10; i++) {
                  claimed.addAll(ours(queue.claim(owner, 3)));
                }
                return claimed;
              }));
    }
    Set<Long> a = replicas.get(0).get();
    Set<Long> b = replicas.get(1).get();
    Set<Long> both = new HashSet<>(a);
    both.retainAll(b);
    assertEquals(Set.of(), both, "no source claimed by both replicas");
    assertFalse(a.isEmpty() && b.isEmpty());
    // the database agrees on who holds each one
    for (long id : a) {
      assertEquals(
          "replica-a", Db.string("SELECT lease_owner FROM ingest.source WHERE id = ?", id));
    }
  }

  @Test
  void aReplicaThatLostItsLeaseRecordsNothing() {
    addLeasedSources(1);
    long id = ids().get(0);
    Success poll = new Success(FeedDocument.Format.RSS, "\"e\"", null, 5, 0, false, false);
    assertFalse(queue.succeeded(id, "replica-test", poll));
    assertEquals(0, queue.failed(id, "replica-test", "boom"));
    assertEquals(0, Db.count("SELECT polls FROM ingest.source WHERE id = ?", id));
    assertTrue(queue.succeeded(id, "replica-elsewhere", poll));
    assertEquals(5, Db.count("SELECT articles FROM ingest.source WHERE id = ?", id));
    assertEquals(null, Db.string("SELECT lease_owner FROM ingest.source WHERE id = ?", id));
  }

  private List<Long> ids() {
    return Db.longs("SELECT id FROM ingest.source WHERE name = ? ORDER BY id", marker);
  }
}
