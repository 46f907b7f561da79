import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Open-model load at a fixed arrival rate: request i is due at start + i / rate whatever happened
 * to the earlier ones, and its latency counts from that due time, so a slow server cannot hide its
 * queueing (no coordinated omission). The first 5 seconds warm up and are not counted.
 *
 * <p>Usage: {@code java LoadTest.java <base-url> <rate> <seconds> <actors> <scenario>}, scenario
 * one of profile, events, dyad, timeline. Actors are picked with the same Zipf-like law as the
 * data (popular actors are asked for most often).
 */
public class LoadTest {

  private static final int WARMUP_SECONDS = 5;

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int rate = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    int actors = Integer.parseInt(args[3]);
    String scenario = args[4];
    Random random = new Random(42);
    IntFunction<String> paths = scenario(scenario, actors, random);

    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    ExecutorService workers = Executors.newFixedThreadPool(256);
    int warmup = rate * WARMUP_SECONDS;
    int total = warmup + rate * seconds;
    long[] latencies = new long[total];
    AtomicInteger errors = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(total);
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime() + 100_000_000L;
    for (int i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      int n = i;
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + paths.apply(n)))
              .timeout(Duration.ofSeconds(30))
              .header("Accept", "application/json")
              .build();
      workers.submit(
          () -> {
            try {
              HttpResponse<byte[]> response =
                  client.send(request, HttpResponse.BodyHandlers.ofByteArray());
              if (response.statusCode() != 200) {
                errors.incrementAndGet();
              }
            } catch (Exception e) {
              errors.incrementAndGet();
            } finally {
              latencies[n] = System.nanoTime() - due;
              done.countDown();
            }
          });
    }
    done.await(120, TimeUnit.SECONDS);
    workers.shutdownNow();
    long[] measured = Arrays.copyOfRange(latencies, warmup, total);
    Arrays.sort(measured);
    System.out.println(
        String.format(
            Locale.ROOT,
            "%-9s %4d req/s %3d s  n=%6d errors=%d  p50=%6.1f ms  p95=%6.1f ms  p99=%6.1f ms"
                + "  max=%7.1f ms",
            scenario,
            rate,
            seconds,
            measured.length,
            errors.get(),
            percentile(measured, 50),
            percentile(measured, 95),
            percentile(measured, 99),
            measured[measured.length - 1] / 1e6));
  }

  private static double percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }

  /** Same law as benchmarks/query/generate.sql: floor(n ^ (u^2)). */
  private static int zipf(Random random, int n) {
    double u = random.nextDouble();
    return (int) Math.min(n, Math.max(1, Math.floor(Math.exp(Math.log(n) * u * u))));
  }

  private static IntFunction<String> scenario(String name, int actors, Random random) {
    return switch (name) {
      case "profile" -> i -> "/actors/actor-" + zipf(random, actors);
      case "events" ->
          i ->
              switch (i % 3) {
                case 0 -> "/events";
                case 1 -> "/events?actor=actor-" + zipf(random, actors);
                default -> "/events?type=18,19&from=2024-01-01";
              };
      case "dyad" ->
          i -> {
            int a = zipf(random, actors);
            int b = zipf(random, actors);
            while (b == a) {
              b = zipf(random, actors);
            }
            return "/dyads?a=actor-" + a + "&b=actor-" + b;
          };
      case "timeline" ->
          i ->
              "/timeline?actor=actor-"
                  + zipf(random, actors)
                  + "&bucket="
                  + (i % 2 == 0 ? "month" : "week");
      default -> throw new IllegalArgumentException("unknown scenario " + name);
    };
  }
}
