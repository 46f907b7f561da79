package org.newsgraph.ingest.source;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsgraph.ingest.article.Db;
import org.newsgraph.ingest.article.Texts;
import org.newsgraph.ingest.source.Feeds.Item;

/**
 * Sources polled for real: a local HTTP server plays the outlets (the test profile allows private
 * addresses for it), and the articles land in the database exactly as posted ones do.
 */
@QuarkusTest
class SourcePollingTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final LocalDate FEED_DAY = LocalDate.of(2024, 3, 24);
  private static final LocalDate PAGE_DAY = LocalDate.of(2024, 3, 20);

  private final FeedServer server = new FeedServer();
  private final Sources sources = new Sources();
  private final String name = "feed-" + Texts.unique();

  @AfterEach
  void cleanUp() {
    sources.close();
    server.close();
  }

  /** An entry whose page this server serves. */
  private Item page(String path, LocalDate inFeed, LocalDate onPage) {
    server.serve(path, Feeds.HTML_TYPE, Feeds.page("Headline " + path, onPage));
    return new Item(server.url(path), "guid" + path, "Title " + path, inFeed);
  }

  private long articles(String source) {
    return Db.count("SELECT count(*) FROM ingest.article WHERE source = ?", source);
  }

  private long queued(String source) {
    return Db.count(
        "SELECT count(*) FROM ingest.outbox o JOIN ingest.article a ON a.id = o.article_id"
            + " WHERE a.source = ?",
        source);
  }

  private String publishedAt(String url) {
    return Db.string("SELECT published_at::text FROM ingest.article WHERE url = ?", url);
  }

  @Test
  void storesEachEntryOnceAndKeepsUpAsTheFeedChanges() {
    Item datedInFeed = page("/a", FEED_DAY, PAGE_DAY);
    Item datedOnPage = page("/b", null, PAGE_DAY);
    Item undated = page("/c", null, null);
    server.serve("/feed", Feeds.RSS_TYPE, Feeds.rss(List.of(datedInFeed, datedOnPage, undated)));
    long id = sources.add(server.url("/feed"), name, "PT0.3S");

    Sources.await(WAIT, "the first entries", () -> Sources.number(id, "articles") == 3);
    assertEquals(3, articles(name));
    assertEquals(3, queued(name), "each article is queued for extraction once");
    assertEquals(FEED_DAY.toString(), publishedAt(datedInFeed.url()), "the feed's date first");
    assertEquals(PAGE_DAY.toString(), publishedAt(datedOnPage.url()), "else the page's");
    assertNull(publishedAt(undated.url()));
    assertEquals(
        "Title /a", Db.string("SELECT title FROM ingest.article WHERE url = ?", datedInFeed.url()));
    assertEquals("RSS", Sources.text(id, "format"));
    assertNotNull(Sources.text(id, "lastNewArticleAt"));

    // a new entry appears, and one that moved to another URL under the same GUID
    Item fresh = page("/d", FEED_DAY, null);
    Item moved = new Item(server.url("/a-moved"), datedInFeed.guid(), "Moved", FEED_DAY);
    server.serve("/a-moved", Feeds.HTML_TYPE, Feeds.page("Moved", null));
    server.serve(
        "/feed",
        Feeds.RSS_TYPE,
        Feeds.rss(List.of(fresh, moved, datedInFeed, datedOnPage, undated)));
    Sources.await(WAIT, "the new entry", () -> Sources.number(id, "articles") == 4);
    long polls = Sources.number(id, "polls");
    Sources.await(WAIT, "two more polls", () -> Sources.number(id, "polls") >= polls + 2);

    assertEquals(4, articles(name));
    assertEquals(4, queued(name));
    for (String path : List.of("/a", "/b", "/c", "/d")) {
      assertEquals(1, server.requests(path).size(), path + " fetched once");
    }
    assertEquals(0, server.requests("/a-moved").size(), "an entry seen by its GUID is not fetched");
    assertTrue(
        server.requests("/feed").stream().anyMatch(r -> r.header("If-None-Match") != null),
        "polls are conditional");
    given()
        .get("/q/metrics")
        .then()
        .body(
            containsString(
                "ingest_source_polls_total{outcome=\"not_modified\",source=\"" + name + "\"}"))
        .body(containsString("ingest_source_articles_total{source=\"" + name + "\"} 4.0"))
        .body(containsString("ingest_articles_stored_total{source=\"" + name + "\"} 4.0"));
  }

  @Test
  void readsANewsSitemap() {
    Item dated = page("/s1", FEED_DAY, null);
    Item plain = page("/s2", null, PAGE_DAY);
    server.serve("/sitemap.xml", "application/xml", Feeds.sitemap(List.of(dated, plain)));
    long id = sources.add(server.url("/sitemap.xml"), name, "PT1H");
    Sources.await(WAIT, "the sitemap's pages", () -> Sources.number(id, "articles") == 2);
    assertEquals("SITEMAP", Sources.text(id, "format"));
    assertEquals(FEED_DAY.toString(), publishedAt(dated.url()));
    assertEquals(PAGE_DAY.toString(), publishedAt(plain.url()));
    assertEquals(2, queued(name));
  }

  @Test
  void readsAGzippedAtomFeed() {
    Item first = page("/atom-1", FEED_DAY, null);
    Item second = page("/atom-2", null, null);
    server.serveGzip("/atom.xml", "application/atom+xml", Feeds.atom(List.of(first, second)));
    long id = sources.add(server.url("/atom.xml"), name, "PT1H");
    Sources.await(WAIT, "the Atom entries", () -> Sources.number(id, "articles") == 2);
    assertEquals("ATOM", Sources.text(id, "format"));
    assertEquals(FEED_DAY.toString(), publishedAt(first.url()));
  }

  @Test
  void backsOffAFailingFeedAndStaysReady() {
    server.status("/feed", 500);
    long id = sources.add(server.url("/feed"), name, "PT0.2S");
    Sources.await(WAIT, "three failures", () -> Sources.number(id, "consecutiveFailures") >= 3);
    assertEquals("HTTP 500", Sources.text(id, "lastError"));
    assertNull(Sources.text(id, "lastSuccessAt"));
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

    List<FeedServer.Request> polls = server.requests("/feed");
    // backoff 0.4 s, doubled per failure: the pauses grow, and none is as short as the interval
    long firstPause = polls.get(1).startedNanos() - polls.get(0).startedNanos();
    long secondPause = polls.get(2).startedNanos() - polls.get(1).startedNanos();
    assertTrue(
        firstPause >= Duration.ofMillis(380).toNanos(),
        "first pause " + firstPause / 1_000_000 + " ms");
    assertTrue(
        secondPause >= Duration.ofMillis(780).toNanos(),
        "second pause " + secondPause / 1_000_000 + " ms");

    server.serve("/feed", Feeds.RSS_TYPE, Feeds.rss(List.of(page("/recovered", null, null))));
    Sources.await(WAIT, "recovery", () -> Sources.number(id, "articles") == 1);
    assertEquals(0, Sources.number(id, "consecutiveFailures"));
    assertEquals("HTTP 500", Sources.text(id, "lastError"), "the last error stays on record");
    assertNotNull(Sources.text(id, "lastSuccessAt"));
  }

  @Test
  void recordsSlowFeedsAndRedirectLoopsAsFailures() {
    server.route(
        "/slow",
        exchange -> {
          try {
            Thread.sleep(5000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(200, -1);
        });
    server.redirect("/loop", "/loop?again");
    long slow = sources.add(server.url("/slow"), name + "-slow", "PT1H");
    long loop = sources.add(server.url("/loop"), name + "-loop", "PT1H");
    // each fails again after its backoff: wait for the first failure of both
    Sources.await(
        WAIT,
        "both failures",
        () -> Sources.number(slow, "failures") >= 1 && Sources.number(loop, "failures") >= 1);
    assertTrue(Sources.text(slow, "lastError").startsWith("no complete answer within 3000 ms"));
    assertEquals("more than 5 redirects", Sources.text(loop, "lastError"));
  }

  @Test
  void triesAFailedPageAgainOnlyWhenTheFailureMayPass() {
    server.status("/gone", 404);
    server.status("/busy", 503);
    server.route(
        "/report.pdf",
        exchange ->
            FeedServer.send(
                exchange, 200, "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));
    Item good = page("/good", null, null);
    server.serve(
        "/feed",
        Feeds.RSS_TYPE,
        Feeds.rss(
            List.of(
                new Item(server.url("/gone"), null, "Gone", null),
                new Item(server.url("/busy"), null, "Busy", null),
                new Item(server.url("/report.pdf"), null, "PDF", null),
                good)));
    long id = sources.add(server.url("/feed"), name, "PT0.2S");
    Sources.await(WAIT, "three tries at the busy page", () -> server.requests("/busy").size() == 3);
    long polls = Sources.number(id, "polls");
    Sources.await(WAIT, "two more polls", () -> Sources.number(id, "polls") >= polls + 2);
    assertEquals(3, server.requests("/busy").size(), "max-entry-attempts");
    assertEquals(1, server.requests("/gone").size());
    assertEquals(1, server.requests("/report.pdf").size());
    assertEquals(1, server.requests("/good").size());
    assertEquals(1, Sources.number(id, "articles"));
    assertEquals(5, Sources.number(id, "pageFailures"));
    assertEquals(
        "is not an HTML page but application/pdf",
        Db.string(
            "SELECT last_error FROM ingest.source_entry WHERE source_id = ? AND url_key LIKE '%.pdf'",
            id));
  }

  @Test
  void fetchesAThousandEntriesEachOnce() {
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      String path = "/big/" + i;
      server.serve(path, Feeds.HTML_TYPE, Feeds.page("Big " + i, null, 1));
      items.add(new Item(server.url(path), null, "Big " + i, null));
    }
    server.serve("/big.xml", Feeds.RSS_TYPE, Feeds.rss(items));
    long id = sources.add(server.url("/big.xml"), name, "PT1H");
    // 400 pages a poll (test profile): the rest follow in polls due at once, not an hour later
    Sources.await(
        Duration.ofMinutes(5), "a thousand articles", () -> Sources.number(id, "articles") == 1000);
    assertEquals(1000, articles(name));
    assertEquals(1000, queued(name));
    assertEquals(
        1000, Db.count("SELECT count(*) FROM ingest.source_entry WHERE source_id = ?", id));
    assertTrue(server.requests("/big.xml").size() >= 3);
    for (Item item : items) {
      String path = item.url().substring(item.url().indexOf("/big/"));
      assertEquals(1, server.requests(path).size(), path);
    }
  }

  @Test
  void asksOneHostOneThingAtATime() {
    List<Item> first = new ArrayList<>();
    List<Item> second = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      first.add(page("/one/" + i, null, null));
      second.add(page("/two/" + i, null, null));
    }
    server.serve("/one.xml", Feeds.RSS_TYPE, Feeds.rss(first));
    server.serve("/two.xml", Feeds.RSS_TYPE, Feeds.rss(second));
    long one = sources.add(server.url("/one.xml"), name + "-1", "PT1H");
    long two = sources.add(server.url("/two.xml"), name + "-2", "PT1H");
    Sources.await(
        WAIT,
        "both feeds",
        () -> Sources.number(one, "articles") == 4 && Sources.number(two, "articles") == 4);
    List<FeedServer.Request> requests =
        server.requests().stream()
            .sorted(Comparator.comparingLong(FeedServer.Request::startedNanos))
            .toList();
    assertEquals(10, requests.size());
    long delay =
        Duration.ofMillis(20).toNanos() * 8 / 10; // host-delay of the test profile, less jitter
    for (int i = 1; i < requests.size(); i++) {
      long gap = requests.get(i).startedNanos() - requests.get(i - 1).endedNanos();
      assertTrue(
          gap >= delay,
          requests.get(i).path()
              + " started "
              + gap / 1000
              + " µs after the previous request ended");
    }
  }
}
