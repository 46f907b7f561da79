package org.newsgraph.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.stream.Collectors;

/** Malformed or mistyped JSON bodies: a 400 that names the offending property path. */
@Provider
public class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {

  @Override
  public Response toResponse(JsonProcessingException exception) {
    String field = "body";
    if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      field =
          mapping.getPath().stream()
              .map(
                  ref ->
                      ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
    }
    String message =
        exception instanceof JsonMappingException
            ? "has the wrong type or shape"
            : "is not well-formed JSON";
    if (exception.getLocation() != null) {
      message +=
          " (line "
              + exception.getLocation().getLineNr()
              + ", column "
              + exception.getLocation().getColumnNr()
              + ")";
    }
    return Problems.response(
        ProblemException.invalid(List.of(new Problem.FieldError(field, message))).toProblem());
  }
}
