package org.newsgraph.ingest.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(BatchLimitsTest.SmallLimits.class)
class BatchLimitsTest {

  public static class SmallLimits implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "newsgraph.ingest.max-batch-items", "2",
          "newsgraph.ingest.max-article-bytes", "4000",
          "newsgraph.ingest.metric-sources", "1");
    }
  }

  @Test
  void itemsBeyondTheLimitAreNotRead() {
    String line = "{\"text\": \"%s\"}\n";
    String ndjson =
        line.formatted(Texts.article(1))
            + line.formatted(Texts.article(1))
            + line.formatted(Texts.article(1))
            + line.formatted(Texts.article(1));
    given()
        .config(ArticleIngestTest.NDJSON_AS_TEXT)
        .header("Authorization", ArticleIngestTest.KEY)
        .contentType("application/x-ndjson")
        .body(ndjson)
        .when()
        .post("/articles/batch")
        .then()
        .statusCode(200)
        .body("accepted", equalTo(2))
        .body("rejected", equalTo(1))
        .body("results[2].code", equalTo(413))
        .body("results[2].error", containsString("more than 2 items"));
  }

  @Test
  void articleSizeLimitIsConfigurable() {
    given()
        .config(ArticleIngestTest.NDJSON_AS_TEXT)
        .header("Authorization", ArticleIngestTest.KEY)
        .contentType("text/plain; charset=utf-8")
        .body(Texts.article(20))
        .when()
        .post("/articles")
        .then()
        .statusCode(413)
        .contentType("application/problem+json");
  }

  @Test
  void sourcesBeyondTheMetricCapCountAsOther() {
    for (String source : new String[] {"first-" + Texts.unique(), "second-" + Texts.unique()}) {
      ArticleIngestTest.postJson(Map.of("text", Texts.article(1), "source", source))
          .statusCode(201);
    }
    given()
        .get("/q/metrics")
        .then()
        .body(containsString("ingest_articles_stored_total{source=\"other\"}"));
  }
}
