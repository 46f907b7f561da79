package org.newsgraph.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document, the body of every error response.
 *
 * @param errors per-field validation failures; empty unless the request was invalid
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One invalid field (a JSON property, query parameter or header) and what is wrong with it. */
  public record FieldError(String field, String message) {}
}
