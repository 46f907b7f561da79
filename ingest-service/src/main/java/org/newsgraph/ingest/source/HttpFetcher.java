package org.newsgraph.ingest.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * GETs feeds and pages from the open web, carefully: http and https only, never from an address the
 * policy forbids (checked for every address a host resolves to, on every redirect), politely (one
 * request at a time per host, a delay between), within a deadline for the whole answer, a size cap
 * (after decompression) and a bounded number of redirects.
 */
@ApplicationScoped
class HttpFetcher {

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  /** What a fetch may take. */
  record Limits(
      Duration connectTimeout,
      Duration requestTimeout,
      int maxBodyBytes,
      int maxRedirects,
      Duration hostDelay,
      String userAgent) {}

  private final Limits limits;
  private final Predicate<InetAddress> allowed;
  private final HostPoliteness politeness;
  private final HttpClient client;

  @Inject
  HttpFetcher(FeedConfig config) {
    this(
        new Limits(
            config.connectTimeout(),
            config.requestTimeout(),
            config.maxBodyBytes(),
            config.maxRedirects(),
            config.hostDelay(),
            config.userAgent()),
        config.allowPrivateAddresses() ? address -> true : PublicAddresses::isPublic);
  }

  /**
   * @param allowed the addresses that may be fetched from
   */
  HttpFetcher(Limits limits, Predicate<InetAddress> allowed) {
    this.limits = limits;
    this.allowed = allowed;
    this.politeness = new HostPoliteness(limits.hostDelay());
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(limits.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER) // followed here, each target checked
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /**
   * A GET, conditional when validators are given.
   *
   * @param accept the Accept header
   * @param etag sent as If-None-Match, or null
   * @param lastModified sent as If-Modified-Since, or null
   */
  Fetched get(URI uri, String accept, String etag, String lastModified)
      throws FetchFailure, InterruptedException {
    URI current = uri;
    for (int redirects = 0; ; redirects++) {
      checkTarget(current);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(current)
              .GET()
              .timeout(limits.requestTimeout())
              .header("User-Agent", limits.userAgent())
              .header("Accept", accept)
              .header("Accept-Encoding", "gzip");
      if (etag != null) {
        request.header("If-None-Match", etag);
      }
      if (lastModified != null) {
        request.header("If-Modified-Since", lastModified);
      }
      HttpResponse<byte[]> response;
      try (HostPoliteness.Turn turn = politeness.acquire(current.getHost())) {
        response = send(request.build());
      }
      int status = response.statusCode();
      var location = response.headers().firstValue("Location");
      if (REDIRECTS.contains(status) && location.isPresent()) {
        if (redirects == limits.maxRedirects()) {
          throw new FetchFailure("more than " + limits.maxRedirects() + " redirects", false);
        }
        current = redirectTarget(current, location.get());
        continue;
      }
      if (status == 304) {
        return new Fetched(
            true,
            current,
            null,
            null,
            response.headers().firstValue("ETag").orElse(etag),
            response.headers().firstValue("Last-Modified").orElse(lastModified));
      }
      if (status < 200 || status > 299) {
        boolean mayPass = status >= 500 || status == 408 || status == 429;
        throw new FetchFailure("HTTP " + status, mayPass);
      }
      return new Fetched(
          false,
          current,
          response.headers().firstValue("Content-Type").orElse(null),
          decoded(response),
          response.headers().firstValue("ETag").orElse(null),
          response.headers().firstValue("Last-Modified").orElse(null));
    }
  }

  /** Refuses a URL that is not http(s), or whose host resolves to an address not allowed. */
  void checkTarget(URI uri) throws FetchFailure {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchFailure("only http and https URLs are fetched", false);
    }
    String host = uri.getHost();
    if (host == null) {
      throw new FetchFailure("the URL has no host", false);
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new FetchFailure("host " + host + " could not be resolved", true);
    }
    for (InetAddress address : addresses) {
      if (!allowed.test(address)) {
        throw new FetchFailure(
            "host "
                + host
                + " resolves to "
                + address.getHostAddress()
                + ", a loopback, link-local or private address, which is not fetched",
            false);
      }
    }
  }

  private HttpResponse<byte[]> send(HttpRequest request) throws FetchFailure, InterruptedException {
    CompletableFuture<HttpResponse<byte[]>> answer =
        client.sendAsync(
            request,
            info ->
                info.statusCode() >= 200 && info.statusCode() <= 299
                    ? new CappedBody(limits.maxBodyBytes())
                    : BodySubscribers.replacing(null));
    try {
      // the request's own timeout ends with the headers; this one covers the body too
      return answer.get(limits.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw timedOut();
    } catch (InterruptedException e) {
      answer.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      throw failure(e.getCause());
    }
  }

  private FetchFailure failure(Throwable cause) {
    if (cause instanceof BodyTooLarge) {
      return tooLarge();
    }
    if (cause instanceof HttpConnectTimeoutException) {
      return new FetchFailure(
          "could not connect within " + limits.connectTimeout().toMillis() + " ms", true);
    }
    if (cause instanceof HttpTimeoutException) {
      return timedOut();
    }
    if (cause instanceof ConnectException) {
      return new FetchFailure("the connection was refused", true);
    }
    if (cause instanceof IOException && cause.getCause() instanceof BodyTooLarge) {
      return tooLarge();
    }
    return new FetchFailure(
        "the connection failed (" + cause.getClass().getSimpleName() + ")", true);
  }

  private FetchFailure timedOut() {
    return new FetchFailure(
        "no complete answer within " + limits.requestTimeout().toMillis() + " ms", true);
  }

  private FetchFailure tooLarge() {
    return new FetchFailure("larger than " + limits.maxBodyBytes() + " bytes", false);
  }

  private static URI redirectTarget(URI from, String location) throws FetchFailure {
    try {
      return from.resolve(location.strip());
    } catch (IllegalArgumentException e) {
      throw new FetchFailure("redirected to a malformed URL", false);
    }
  }

  private byte[] decoded(HttpResponse<byte[]> response) throws FetchFailure {
    String encoding = response.headers().firstValue("Content-Encoding").orElse("identity").strip();
    if (encoding.equalsIgnoreCase("identity")) {
      return response.body();
    }
    if (!encoding.equalsIgnoreCase("gzip") && !encoding.equalsIgnoreCase("x-gzip")) {
      throw new FetchFailure("answered in an unsupported Content-Encoding: " + encoding, false);
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
      // the cap holds for what the body inflates to, not only what crossed the wire
      byte[] inflated = in.readNBytes(limits.maxBodyBytes() + 1);
      if (inflated.length > limits.maxBodyBytes()) {
        throw tooLarge();
      }
      return inflated;
    } catch (IOException e) {
      throw new FetchFailure("sent a gzip body that could not be inflated", false);
    }
  }

  /** Collects a body, and gives up (cancelling the download) once it passes the cap. */
  private static final class CappedBody implements BodySubscriber<byte[]> {

    private final int max;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    CappedBody(int max) {
      this.max = max;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (body.isDone()) {
        return; // given up already; buffers still in flight are dropped
      }
      for (ByteBuffer buffer : buffers) {
        if (bytes.size() + buffer.remaining() > max) {
          subscription.cancel();
          body.completeExceptionally(new BodyTooLarge());
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.writeBytes(chunk);
      }
    }

    @Override
    public void onError(Throwable error) {
      body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      body.complete(bytes.toByteArray());
    }
  }

  private static final class BodyTooLarge extends IOException {
    BodyTooLarge() {
      super("body too large");
    }
  }
}
