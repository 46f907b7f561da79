package org.newsgraph.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.newsgraph.common.json.JsonErrors;

/** Malformed or mistyped JSON bodies: a 400 that names the offending property path. */
@Provider
public class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {

  @Override
  public Response toResponse(JsonProcessingException exception) {
    String path = JsonErrors.path(exception);
    return Problems.response(
        ProblemException.invalid(
                List.of(
                    new Problem.FieldError(
                        path == null ? "body" : path, JsonErrors.describe(exception))))
            .toProblem());
  }
}
