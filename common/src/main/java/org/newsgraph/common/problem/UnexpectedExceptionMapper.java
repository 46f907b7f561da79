package org.newsgraph.common.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A bug, not bad input: logged in full under an incident id, answered as a bare 500 so that no
 * class name or stack trace reaches the caller.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class);

  @Override
  public Response toResponse(Exception exception) {
    String incident = UUID.randomUUID().toString();
    LOG.errorf(exception, "Unexpected failure, incident %s", incident);
    return Problems.response(
        500, "Internal Server Error", "The request failed unexpectedly; incident " + incident);
  }
}
