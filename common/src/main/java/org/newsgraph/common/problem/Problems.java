package org.newsgraph.common.problem;

import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem documents and the responses that carry them. */
public final class Problems {

  private static final String TYPE_BASE = "https://newsgraph.org/problems/";

  private Problems() {}

  public static Problem of(
      int status, String title, String detail, List<Problem.FieldError> errors) {
    return new Problem(typeFor(status), title, status, detail, errors.isEmpty() ? null : errors);
  }

  public static Response response(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  public static Response response(int status, String title, String detail) {
    return response(of(status, title, detail, List.of()));
  }

  private static String typeFor(int status) {
    return switch (status) {
      case 400 -> TYPE_BASE + "invalid-request";
      case 401 -> TYPE_BASE + "unauthorized";
      case 403 -> TYPE_BASE + "forbidden";
      case 404 -> TYPE_BASE + "not-found";
      case 405 -> TYPE_BASE + "method-not-allowed";
      case 406 -> TYPE_BASE + "not-acceptable";
      case 409 -> TYPE_BASE + "conflict";
      case 413 -> TYPE_BASE + "payload-too-large";
      case 415 -> TYPE_BASE + "unsupported-media-type";
      case 429 -> TYPE_BASE + "too-many-requests";
      case 503 -> TYPE_BASE + "unavailable";
      default -> status >= 500 ? TYPE_BASE + "internal-error" : "about:blank";
    };
  }
}
