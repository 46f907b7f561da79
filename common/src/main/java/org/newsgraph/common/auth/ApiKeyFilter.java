package org.newsgraph.common.auth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.newsgraph.common.problem.Problems;

/**
 * Bearer API keys: writes always need one of the keys in {@code NEWSGRAPH_API_KEYS} ({@code
 * newsgraph.api-keys}); reads need one only when {@code newsgraph.auth.protect-reads} is set. With
 * no key configured every write is refused, never silently allowed.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

  private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final List<byte[]> keys;
  private final boolean protectReads;

  public ApiKeyFilter(
      @ConfigProperty(name = "newsgraph.api-keys") Optional<List<String>> keys,
      @ConfigProperty(name = "newsgraph.auth.protect-reads", defaultValue = "false")
          boolean protectReads) {
    this.keys =
        keys.orElse(List.of()).stream()
            .map(String::trim)
            .filter(key -> !key.isEmpty())
            .map(key -> key.getBytes(StandardCharsets.UTF_8))
            .toList();
    this.protectReads = protectReads;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (READ_METHODS.contains(request.getMethod()) && !protectReads) {
      return;
    }
    String presented = bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (presented == null || !isKnown(presented)) {
      request.abortWith(
          withChallenge(
              Problems.response(
                  401,
                  "Unauthorized",
                  presented == null
                      ? "This request needs an 'Authorization: Bearer <key>' header"
                      : "The API key is not valid")));
    }
  }

  private static Response withChallenge(Response problem) {
    return Response.fromResponse(problem)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"newsgraph\"")
        .build();
  }

  private boolean isKnown(String presented) {
    byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
    boolean known = false;
    for (byte[] key : keys) {
      // constant-time comparison, and no early exit, so timing says nothing about the keys
      known |= MessageDigest.isEqual(key, candidate);
    }
    return known;
  }

  private static String bearerToken(String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? null : token;
  }
}
