package org.newsgraph.common.problem;

import java.util.List;
import java.util.Objects;

/**
 * Thrown by services for any failure the caller can act on; rendered as problem+json by {@link
 * ProblemExceptionMapper}. The message is shown to the caller, so it must never contain internals.
 */
public class ProblemException extends RuntimeException {

  private final int status;
  private final String title;
  private final List<Problem.FieldError> errors;

  public ProblemException(
      int status, String title, String detail, List<Problem.FieldError> errors) {
    super(detail);
    this.status = status;
    this.title = Objects.requireNonNull(title);
    this.errors = List.copyOf(errors);
  }

  /** A 400 naming the one field that is wrong. */
  public static ProblemException invalid(String field, String message) {
    return invalid(List.of(new Problem.FieldError(field, message)));
  }

  /** A 400 naming every field that is wrong. */
  public static ProblemException invalid(List<Problem.FieldError> errors) {
    String detail =
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " fields are invalid";
    return new ProblemException(400, "Invalid request", detail, errors);
  }

  /** A 404 for a resource that does not exist. */
  public static ProblemException notFound(String what, Object id) {
    return new ProblemException(404, "Not found", what + " " + id + " does not exist", List.of());
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }

  public Problem toProblem() {
    return Problems.of(status, title, getMessage(), errors);
  }
}
