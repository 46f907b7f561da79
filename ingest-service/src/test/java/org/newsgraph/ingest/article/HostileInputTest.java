package org.newsgraph.ingest.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Input that used to fail inside the service with a 500 (issue 14): each is a 4xx problem document
 * without internal names, and stores nothing. Sent with a raw HTTP client, since REST Assured
 * refuses to send some of these headers.
 */
@QuarkusTest
class HostileInputTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TestHTTPResource("/articles")
  URI articles;

  private record Answer(int status, String type, String body) {}

  private Answer post(String query, String contentType, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(articles + query))
            .header("Authorization", ArticleIngestTest.KEY)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.body());
  }

  private static void assertProblem(int status, Answer answer) {
    assertEquals(status, answer.status(), answer::body);
    assertTrue(answer.type().startsWith("application/problem+json"), answer::toString);
    assertFalse(
        answer.body().matches("(?s).*(java\\.|org\\.newsgraph|com\\.fasterxml|FAIL_ON).*"),
        () -> "internal names in " + answer.body());
  }

  private static void assertNothingStoredWith(String marker) {
    assertEquals(
        0,
        Db.count(
            "SELECT count(*) FROM ingest.article WHERE raw_content LIKE ?", "%" + marker + "%"));
  }

  @Test
  void htmlNestedTenThousandDeepIsStoredAsItsText() throws Exception {
    String marker = Texts.unique();
    String html =
        "<html><body>"
            + "<div>".repeat(10_000)
            + "<p>"
            + marker
            + " "
            + Texts.article(1)
            + "</p>"
            + "</div>".repeat(10_000)
            + "</body></html>";
    Answer answer = post("", "text/html; charset=utf-8", html);
    assertEquals(201, answer.status(), answer::body);
  }

  @Test
  void twoHundredKilobytesOfEntitiesAreStoredAsAShortText() throws Exception {
    String html =
        "<html><body><p>"
            + Texts.unique()
            + " "
            + Texts.article(1)
            + "</p><p>"
            + "&amp;".repeat(40_000)
            + "</p></body></html>";
    Answer answer = post("", "text/html", html);
    assertEquals(201, answer.status(), answer::body);
    long id = Long.parseLong(answer.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
    assertTrue(
        Db.count("SELECT length(text) FROM ingest.article WHERE id = ?", id) < 5_000,
        "the entities were cut to a run of twelve");
  }

  @Test
  void moreTextThanExtractionCanFinishIs413() throws Exception {
    String marker = Texts.unique();
    String text = marker + " " + "The council met again on Monday. ".repeat(7_000); // 231,000
    assertProblem(413, post("", "text/plain", text));
    assertNothingStoredWith(marker);
  }

  @Test
  void aMissingOrUnparseableContentTypeIs415() throws Exception {
    String marker = Texts.unique();
    String body = marker + " " + Texts.article(1);
    assertProblem(415, post("", null, body));
    assertProblem(415, post("", "////", body));
    assertProblem(415, post("", "application/json, text/plain", body));
    assertProblem(415, post("/batch", "////", body));
    assertNothingStoredWith(marker);
  }

  @Test
  void aDateLineWithOneDigitMonthAndDayIsThatDay() throws Exception {
    String marker = Texts.unique();
    Answer answer =
        post("", "text/plain; charset=utf-8", " date 2024-1-1 " + marker + " " + Texts.article(1));
    assertEquals(201, answer.status(), answer::body);
    assertTrue(answer.body().contains("\"publishedAt\":\"2024-01-01\""), answer::body);
  }

  @Test
  void impossibleTimesAndYearZeroAreRefused() throws Exception {
    String marker = Texts.unique();
    String text = marker + " " + Texts.article(1);
    assertProblem(
        400,
        post(
            "",
            "application/json",
            "{\"text\": \"" + text + "\", \"publishedAt\": \"2024-01-01T25:61:00Z\"}"));
    assertProblem(
        400,
        post(
            "",
            "application/json",
            "{\"text\": \"" + text + "\", \"publishedAt\": \"0000-01-01\"}"));
    assertProblem(400, post("", "text/plain", " date 0000-01-01 " + text));
    assertNothingStoredWith(marker);
  }

  @Test
  void aDatelineInYearZeroGivesNoDate() throws Exception {
    Answer answer =
        post(
            "", "text/plain", "MOSCOW, 24 March 0000 – " + Texts.unique() + " " + Texts.article(1));
    assertEquals(201, answer.status(), answer::body);
    assertTrue(answer.body().contains("\"publishedAt\":null"), answer::body);
  }

  @Test
  void jsonIsReadStrictly() throws Exception {
    String marker = Texts.unique();
    String text = "\"" + marker + " " + Texts.article(1) + "\"";
    assertProblem(400, post("", "application/json", "{\"text\": 1e400}"));
    assertProblem(400, post("", "application/json", "{\"text\": true}"));
    assertProblem(400, post("", "application/json", "{\"text\": " + text + ", \"title\": 7}"));
    assertProblem(400, post("", "application/json", "{\"text\": " + text + "} trailing"));
    assertProblem(400, post("", "application/json", "{\"text\": " + text + "} {}"));
    assertProblem(400, post("", "application/json", "{\"text\": " + text + ", \"text\": \"x\"}"));
    Answer batch = post("/batch", "application/x-ndjson", "{\"text\": " + text + "} {}\n");
    assertEquals(200, batch.status(), batch::body);
    assertTrue(batch.body().contains("\"rejected\":1"), batch::body);
    assertNothingStoredWith(marker);
  }

  @Test
  void aNulCharacterInAQueryParameterIsRefused() throws Exception {
    String nul = URLEncoder.encode("\0", StandardCharsets.UTF_8);
    String marker = Texts.unique();
    assertProblem(400, post("?source=a" + nul, "text/plain", marker + " " + Texts.article(1)));
    HttpResponse<String> list =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(articles + "?q=a" + nul)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(400, list.statusCode(), list.body());
    assertNothingStoredWith(marker);
  }
}
