package org.newsgraph.common.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Renders the framework's own HTTP errors (unknown route, wrong method, unsupported media type, a
 * query parameter that does not convert) as problem documents instead of empty bodies.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    int status = original.getStatus();
    Response.StatusType info = Response.Status.fromStatusCode(status);
    String title = info != null ? info.getReasonPhrase() : "HTTP " + status;
    String detail =
        status >= 500 ? "The server could not complete the request" : detailOf(exception, title);
    Response.ResponseBuilder response =
        Response.fromResponse(Problems.response(status, title, detail));
    original
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Content-Type")
                  && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> response.header(name, value));
              }
            });
    return response.build();
  }

  private static String detailOf(WebApplicationException exception, String fallback) {
    String message = exception.getMessage();
    return message == null || message.isBlank() || message.startsWith("HTTP ") ? fallback : message;
  }
}
