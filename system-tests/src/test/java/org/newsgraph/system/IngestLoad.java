package org.newsgraph.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clients that post distinct invented articles to ingest-service without pause until stopped, and
 * keep every answer: which ids were acknowledged with 201, and what came back otherwise.
 */
final class IngestLoad implements AutoCloseable {

  /** One answer that was not a 201. */
  record Refusal(int status, String contentType, String retryAfter, String body) {}

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
  private static final String[] WORDS = {
    "ministers", "talks", "border", "river", "harvest", "council", "envoy", "railway", "floods",
    "treaty", "election", "port", "strike", "budget", "summit", "villages", "court", "refinery",
    "drought", "bridge", "parliament", "ceasefire", "market", "festival", "pipeline", "mayor"
  };

  private final HttpClient http = HttpClient.newHttpClient();
  private final String ingest;
  private final List<Thread> clients = new ArrayList<>();
  private final AtomicInteger sequence = new AtomicInteger();
  private final Map<Long, String> acknowledged = new ConcurrentHashMap<>();
  private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
  private final AtomicInteger answers = new AtomicInteger();
  private volatile boolean running = true;

  IngestLoad(String ingest, int clients, String source) {
    this.ingest = ingest;
    for (int i = 0; i < clients; i++) {
      Thread client = new Thread(() -> post(source), "ingest-load-" + i);
      client.setDaemon(true);
      this.clients.add(client);
      client.start();
    }
  }

  /** Ids answered 201, with the text that was posted. */
  Map<Long, String> acknowledged() {
    return Map.copyOf(acknowledged);
  }

  List<Refusal> refusals() {
    return List.copyOf(refusals);
  }

  int answers() {
    return answers.get();
  }

  static String article(int n) {
    Random random = new Random(n);
    StringBuilder text = new StringBuilder("Report " + n + " from the regional desk.\n\n");
    for (int sentence = 0; sentence < 8; sentence++) {
      text.append("The");
      for (int word = 0; word < 12; word++) {
        text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
      }
      text.append(" were discussed on day ").append(random.nextInt(1000)).append(".\n");
    }
    return text.toString();
  }

  private void post(String source) {
    while (running) {
      int n = sequence.incrementAndGet();
      String text = article(n);
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(ingest + "/articles?source=" + source))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + Stack.KEY)
              .header("Content-Type", "text/plain; charset=utf-8")
              .POST(HttpRequest.BodyPublishers.ofString(text))
              .build();
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        answers.incrementAndGet();
        if (response.statusCode() == 201) {
          Matcher id = ID.matcher(response.body());
          if (!id.find()) {
            throw new AssertionError("201 without an id: " + response.body());
          }
          acknowledged.put(Long.parseLong(id.group(1)), text);
        } else {
          refusals.add(
              new Refusal(
                  response.statusCode(),
                  response.headers().firstValue("Content-Type").orElse(""),
                  response.headers().firstValue("Retry-After").orElse(null),
                  response.body()));
          Thread.sleep(50); // a client backs off a little after a refusal
        }
      } catch (InterruptedException e) {
        return;
      } catch (java.io.IOException e) {
        refusals.add(new Refusal(-1, "", null, e.toString()));
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    for (Thread client : clients) {
      client.join(60_000);
    }
  }
}
