package org.newsgraph.common.problem;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Quarkus REST ships its own mapper for Jackson's MismatchedInputException (a wrong type, a date
 * that does not parse) that answers plain JSON; this one wins over it by being the application's,
 * and answers problem+json naming the field like every other bad input.
 */
@Provider
public class MismatchedInputMapper implements ExceptionMapper<MismatchedInputException> {

  private final JsonProcessingExceptionMapper problems = new JsonProcessingExceptionMapper();

  @Override
  public Response toResponse(MismatchedInputException exception) {
    return problems.toResponse(exception);
  }
}
