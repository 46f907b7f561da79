package org.newsgraph.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates hostile requests for every endpoint in {@link #ENDPOINTS}: odd query values, broken or
 * mistyped JSON, odd Content-Types, NUL bytes, pathological markup. A new endpoint is covered by
 * adding it to that list.
 */
final class HostileRequests {

  /** What an endpoint's body is, so that the generator can send near-misses of it. */
  enum Body {
    NONE,
    ARTICLE,
    BATCH,
    JSON
  }

  /**
   * One endpoint: its service, method and path ({@code {id}} is replaced by a hostile id), its
   * query parameters and, for JSON bodies, the properties of the object it expects.
   */
  record Endpoint(
      String service,
      String method,
      String path,
      List<String> parameters,
      Body body,
      List<String> properties) {

    static Endpoint get(String service, String path, String... parameters) {
      return new Endpoint(service, "GET", path, List.of(parameters), Body.NONE, List.of());
    }

    static Endpoint post(String service, String path, Body body, String... properties) {
      return new Endpoint(service, "POST", path, List.of(), body, List.of(properties));
    }
  }

  private static final String[] EVENT_FILTERS = {
    "actor", "source", "target", "type", "country", "from", "to", "factuality", "minArticles"
  };

  static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint(
              "ingest",
              "POST",
              "/articles",
              List.of("source", "url", "title", "publishedAt", "language"),
              Body.ARTICLE,
              List.of("text", "html", "url", "title", "publishedAt", "source", "language")),
          new Endpoint(
              "ingest",
              "POST",
              "/articles/batch",
              List.of(),
              Body.BATCH,
              List.of("text", "html", "url", "title", "publishedAt", "source", "language")),
          Endpoint.get(
              "ingest", "/articles", "source", "status", "from", "to", "q", "cursor", "limit"),
          Endpoint.get("ingest", "/articles/{id}"),
          Endpoint.get("entity", "/articles/{id}/annotations"),
          Endpoint.post("entity", "/extract", Body.JSON, "text", "publishedAt", "language"),
          Endpoint.get("entity", "/actors"),
          Endpoint.get("entity", "/actors/{id}"),
          Endpoint.post(
              "entity",
              "/actors",
              Body.JSON,
              "id",
              "name",
              "type",
              "country",
              "parentId",
              "aliases"),
          Endpoint.post("entity", "/actors/{id}/aliases", Body.JSON, "alias", "language", "kind"),
          Endpoint.post("entity", "/actors/{id}/merge", Body.JSON, "into"),
          Endpoint.post("entity", "/reprocess", Body.JSON, "from", "to"),
          Endpoint.get("query", "/events", concat(EVENT_FILTERS, "sort", "limit", "cursor")),
          Endpoint.get("query", "/events/{id}"),
          Endpoint.get("query", "/events.csv", EVENT_FILTERS),
          Endpoint.get("query", "/events.ndjson", EVENT_FILTERS),
          Endpoint.get("query", "/actors", "q", "type", "country", "sort", "limit", "cursor"),
          Endpoint.get("query", "/actors/{id}"),
          Endpoint.get("query", "/dyads", "a", "b", "limit", "cursor"),
          Endpoint.get("query", "/network", "from", "to", "minWeight", "limit"),
          Endpoint.get("query", "/search", "q", "actor", "limit", "cursor"),
          Endpoint.get("query", "/timeline", "actor", "type", "bucket", "from", "to"),
          Endpoint.get("query", "/stats"));

  /** Text values that have broken services before, or might. */
  private static final List<String> VALUES =
      List.of(
          "",
          " ",
          "\0",
          "russia\0",
          "%",
          "'; DROP TABLE ingest.article; --",
          "////",
          "9".repeat(400),
          "-1",
          "0",
          "2147483648",
          "1e400",
          "NaN",
          "2024-01-01T25:61:00Z",
          "0000-01-01",
          "2024-02-30",
          "99999-01-01",
          "é\u0301",
          "\uD83D\uDCA5",
          "\u202Eevil",
          "x".repeat(3000),
          "../../etc/passwd",
          "<script>alert(1)</script>",
          ",,,",
          "18,19,,20",
          "null",
          "[]",
          "ASSERTED,NOPE",
          "russia");

  /** JSON values to put where a property's value belongs. */
  private static final List<String> JSON_VALUES =
      List.of(
          "1e400",
          "true",
          "null",
          "0",
          "-0.0",
          "[]",
          "{}",
          "[\"a\", 1]",
          "\"\\u0000\"",
          "\"a\\u0000b\"",
          "\"2024-01-01T25:61:00Z\"",
          "\"0000-01-01\"",
          "\"\\ud800\"",
          "\"" + "y".repeat(2000) + "\"",
          "\"The council of Russia met China's envoy in Geneva on Monday.\"");

  private static final List<String> CONTENT_TYPES =
      List.of(
          "application/json",
          "application/json; charset=utf-8",
          "text/plain",
          "text/plain; charset=utf-8",
          "text/plain; charset=no-such-charset",
          "text/html",
          "application/x-ndjson",
          "////",
          "application/json, text/plain",
          "multipart/form-data; boundary=x",
          "application/xml",
          "text/",
          "*/*");

  /** A request as sent: method, URL, Content-Type (or null), body (or null), with a key or not. */
  record Request(
      Endpoint endpoint, String method, String url, String contentType, byte[] body, boolean key) {

    String describe() {
      String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
      shown = shown.length() > 200 ? shown.substring(0, 200) + "..." : shown;
      return method + " " + url + " [" + contentType + "] " + shown.replace("\0", "\\0");
    }
  }

  private final Random random;
  private final String tag;

  HostileRequests(long seed, String tag) {
    this.random = new Random(seed);
    this.tag = tag;
  }

  /** The next request for {@code endpoint}, against the service at {@code base}. */
  Request next(Endpoint endpoint, String base) {
    String path = endpoint.path().replace("{id}", encode(id()));
    StringBuilder query = new StringBuilder();
    if (endpoint.body() == Body.ARTICLE) {
      query.append("source=").append(tag); // what is stored can be found again
    }
    for (String parameter : endpoint.parameters()) {
      if (random.nextInt(3) == 0
          && !(endpoint.body() == Body.ARTICLE && parameter.equals("source"))) {
        query
            .append(query.isEmpty() ? "" : "&")
            .append(parameter)
            .append('=')
            .append(encode(pick(VALUES)));
      }
    }
    String url = base + path + (query.isEmpty() ? "" : "?" + query);
    boolean key = random.nextInt(10) != 0;
    if (endpoint.body() == Body.NONE) {
      return new Request(endpoint, endpoint.method(), url, null, null, key);
    }
    String type = random.nextInt(4) == 0 ? pick(CONTENT_TYPES) : naturalType(endpoint.body());
    if (random.nextInt(25) == 0) {
      type = null;
    }
    return new Request(endpoint, endpoint.method(), url, type, body(endpoint, type), key);
  }

  private String naturalType(Body body) {
    return switch (body) {
      case ARTICLE -> pick(List.of("application/json", "text/plain", "text/html"));
      case BATCH -> pick(List.of("application/x-ndjson", "application/json"));
      default -> "application/json";
    };
  }

  private byte[] body(Endpoint endpoint, String type) {
    String text;
    if (type != null && type.startsWith("text/html")) {
      text = html();
    } else if (type != null && type.startsWith("text/plain")) {
      text = plainText();
    } else if (endpoint.body() == Body.BATCH) {
      text = batch(endpoint);
    } else {
      text = jsonObject(endpoint);
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (random.nextInt(20) == 0 && bytes.length > 4) {
      bytes[random.nextInt(bytes.length)] = (byte) 0xFF; // not UTF-8
    }
    return bytes;
  }

  private String plainText() {
    String article = Articles.article(tag, random.nextInt(1_000_000));
    return switch (random.nextInt(6)) {
      case 0 -> " date 2024-1-1 " + article;
      case 1 -> " date 0000-00-00\n" + article;
      case 2 -> article.replace(' ', '\0');
      case 3 -> "MOSCOW, 24 March 0000 – " + article;
      case 4 -> "&amp;".repeat(500) + article;
      default -> article;
    };
  }

  private String html() {
    String article = Articles.article(tag, random.nextInt(1_000_000));
    return switch (random.nextInt(5)) {
      case 0 -> "<div>".repeat(10_000) + "<p>" + article + "</p>";
      case 1 ->
          "<html><head><meta property=\"article:published_time\" content=\"0000-01-01T25:61\">"
              + "</head><body><p>"
              + article
              + "</p></body></html>";
      case 2 -> "<p>" + "&amp;".repeat(2_000) + "</p><p>" + article + "</p>";
      case 3 ->
          "<html><body><p>"
              + article
              + "</p><script type=\"application/ld+json\">{{{"
              + "</script></body>";
      default -> "<<<>>>&#xFFFFFFFF;&#0;<p " + "a=".repeat(500) + ">" + article;
    };
  }

  private String batch(Endpoint endpoint) {
    StringBuilder lines = new StringBuilder();
    boolean array = random.nextBoolean();
    int items = 1 + random.nextInt(3);
    lines.append(array ? "[" : "");
    for (int i = 0; i < items; i++) {
      lines
          .append(i > 0 && array ? "," : "")
          .append(jsonObject(endpoint))
          .append(array ? "" : "\n");
    }
    lines.append(array ? "]" : "");
    return lines.toString();
  }

  /** A JSON object that is nearly what the endpoint expects, and broken in one way. */
  private String jsonObject(Endpoint endpoint) {
    StringBuilder json = new StringBuilder("{");
    List<String> properties = new ArrayList<>(endpoint.properties());
    boolean first = true;
    for (String property : properties) {
      if (random.nextInt(3) == 0) {
        continue;
      }
      String value =
          property.equals("text") && random.nextBoolean()
              ? quote(Articles.article(tag, random.nextInt(1_000_000)))
              : property.equals("source")
                  ? quote(tag)
                  : random.nextBoolean() ? pick(JSON_VALUES) : quote(pick(VALUES));
      json.append(first ? "" : ",").append(quote(property)).append(':').append(value);
      first = false;
    }
    json.append('}');
    return switch (random.nextInt(8)) {
      case 0 -> json + " trailing";
      case 1 -> json.substring(0, json.length() / 2);
      case 2 ->
          json.length() > 2 ? json.substring(0, json.length() - 1) + ",\"text\":\"again\"}" : "{}";
      case 3 -> "[".repeat(5_000) + "]".repeat(5_000);
      default -> json.toString();
    };
  }

  private String id() {
    return switch (random.nextInt(4)) {
      case 0 -> String.valueOf(random.nextInt(100));
      case 1 -> "russia";
      default -> pick(VALUES).isEmpty() ? "x" : pick(VALUES);
    };
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
