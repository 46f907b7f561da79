package org.newsgraph.common.request;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import org.newsgraph.common.problem.Problem.FieldError;
import org.newsgraph.common.problem.ProblemException;
import org.newsgraph.common.problem.Problems;

/**
 * Refuses, before any routing, what no endpoint can handle and what would otherwise fail deep
 * inside: a body without a Content-Type, a Content-Type that is not one media type ({@code ////},
 * {@code application/json, text/plain}), and a NUL character in the path or a query parameter
 * (PostgreSQL text cannot hold one, so it failed in the database as a 500).
 */
@Provider
@PreMatching
public class RequestShapeFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    try {
      check(request);
    } catch (ProblemException problem) {
      request.abortWith(Problems.response(problem.toProblem()));
    }
  }

  private static void check(ContainerRequestContext request) {
    String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
    if (type == null && hasBody(request)) {
      throw new ProblemException(
          415,
          "Unsupported Media Type",
          "A request body needs a Content-Type",
          List.of(new FieldError("Content-Type", "is missing")));
    }
    if (type != null && !isOneMediaType(type)) {
      throw new ProblemException(
          415,
          "Unsupported Media Type",
          "Content-Type is not a media type",
          List.of(new FieldError("Content-Type", "must be one media type such as text/plain")));
    }
    MultivaluedMap<String, String> parameters;
    List<PathSegment> segments;
    try {
      parameters = request.getUriInfo().getQueryParameters();
      segments = request.getUriInfo().getPathSegments();
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("uri", "is not valid percent-encoding");
    }
    for (PathSegment segment : segments) {
      if (hasNul(segment.getPath())) {
        throw ProblemException.invalid("path", "must not contain a NUL character");
      }
    }
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      if (hasNul(parameter.getKey())
          || parameter.getValue().stream().anyMatch(RequestShapeFilter::hasNul)) {
        throw ProblemException.invalid(
            hasNul(parameter.getKey()) ? "query" : parameter.getKey(),
            "must not contain a NUL character");
      }
    }
  }

  private static boolean hasBody(ContainerRequestContext request) {
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    return (length != null && !length.strip().equals("0"))
        || request.getHeaderString("Transfer-Encoding") != null;
  }

  private static boolean isOneMediaType(String type) {
    if (type.indexOf(',') >= 0) {
      return false;
    }
    try {
      MediaType parsed = MediaType.valueOf(type);
      return !parsed.getType().isBlank() && !parsed.getSubtype().isBlank();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean hasNul(String value) {
    return value != null && value.indexOf('\0') >= 0;
  }
}
