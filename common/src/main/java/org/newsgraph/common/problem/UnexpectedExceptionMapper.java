package org.newsgraph.common.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What no other mapper handles. A database outage is a 503 with {@code Retry-After}: the request
 * was fine and will succeed once the server is back. A value the database refuses (SQLSTATE class
 * 22) is the caller's, a 400. Anything else is a bug, logged in full under an incident id and
 * answered as a bare 500, so that no class name or stack trace reaches the caller. Throwable, not
 * Exception: an Error (a stack overflow) must get a problem document too.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class);

  /** Seconds a client should wait before retrying during an outage: a restart takes about this. */
  static final String RETRY_AFTER_SECONDS = "5";

  @Override
  public Response toResponse(Throwable exception) {
    if (DatabaseFailure.isOutage(exception)) {
      LOG.warnf("The database is unavailable: %s", exception.toString());
      return Response.fromResponse(
              Problems.response(
                  503,
                  "Service Unavailable",
                  "The database is unavailable; retry in a few seconds"))
          .header("Retry-After", RETRY_AFTER_SECONDS)
          .build();
    }
    if (DatabaseFailure.isBadValue(exception)) {
      LOG.infof("The database refused a value of a request: %s", exception.toString());
      return Problems.response(
          400, "Invalid request", "A value in the request cannot be stored or compared");
    }
    String incident = UUID.randomUUID().toString();
    LOG.errorf(exception, "Unexpected failure, incident %s", incident);
    return Problems.response(
        500, "Internal Server Error", "The request failed unexpectedly; incident " + incident);
  }
}
