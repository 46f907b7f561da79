package org.newsgraph.ingest.source;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsgraph.ingest.article.Db;
import org.newsgraph.ingest.article.Texts;

/** With the default setting, a source can never make the service fetch from its own network. */
@QuarkusTest
@TestProfile(PrivateAddressTest.Defaults.class)
class PrivateAddressTest {

  /** The test profile, but private addresses refused as in production. */
  public static class Defaults implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("newsgraph.feeds.allow-private-addresses", "false");
    }
  }

  @Test
  void refusesAFeedOnAPrivateAddress() {
    try (FeedServer server = new FeedServer()) {
      server.serve("/feed", Feeds.RSS_TYPE, Feeds.rss(List.of()));
      for (String url :
          List.of(
              server.url("/feed"),
              "http://localhost:" + server.port() + "/feed",
              "http://[::1]:" + server.port() + "/feed",
              "http://169.254.169.254/latest/meta-data/",
              "http://10.0.0.1/feed")) {
        Sources.post(Map.of("url", url, "name", "inside", "interval", "PT1H"))
            .statusCode(400)
            .contentType("application/problem+json")
            .body("errors[0].field", equalTo("url"))
            .body("errors[0].message", containsString("loopback, link-local or private"));
      }
      assertEquals(List.of(), server.requests());
    }
  }

  @Test
  void aSourceThatTurnsPrivateFailsWithoutARequest() {
    try (FeedServer server = new FeedServer()) {
      server.serve("/feed", Feeds.RSS_TYPE, Feeds.rss(List.of()));
      // as if its host had resolved elsewhere when it was added
      String name = "turned-" + Texts.unique();
      Db.execute(
          "INSERT INTO ingest.source (url, url_key, name, interval_millis) VALUES ('"
              + server.url("/feed")
              + "', '"
              + server.url("/feed")
              + "', '"
              + name
              + "', 3600000)");
      Sources.await(
          Duration.ofSeconds(30),
          "the refused poll",
          () -> Db.count("SELECT failures FROM ingest.source WHERE name = ?", name) == 1);
      assertEquals(
          "host 127.0.0.1 resolves to 127.0.0.1, a loopback, link-local or private address, which"
              + " is not fetched",
          Db.string("SELECT last_error FROM ingest.source WHERE name = ?", name));
      assertEquals(List.of(), server.requests());
      Db.execute("DELETE FROM ingest.source WHERE name = '" + name + "'");
    }
  }
}
