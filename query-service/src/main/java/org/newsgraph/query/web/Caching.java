package org.newsgraph.query.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.newsgraph.query.QueryConfig;

/**
 * Conditional GET for aggregates: a weak ETag that is a digest of the answer itself, so it can
 * never claim freshness for a changed answer (rollups, counts and queue depth all move it), and a
 * short Cache-Control max-age. A matching If-None-Match gets a 304 without a body.
 */
@ApplicationScoped
public class Caching {

  private final ObjectMapper mapper;
  private final CacheControl cacheControl;

  public Caching(ObjectMapper mapper, QueryConfig config) {
    this.mapper = mapper;
    this.cacheControl = new CacheControl();
    cacheControl.setMaxAge((int) config.cacheMaxAge().toSeconds());
  }

  public Response json(Request request, Object body) {
    try {
      return respond(request, mapper.writeValueAsBytes(body), MediaType.APPLICATION_JSON_TYPE);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public Response text(Request request, String body) {
    return respond(
        request,
        body.getBytes(StandardCharsets.UTF_8),
        MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"));
  }

  private Response respond(Request request, byte[] body, MediaType type) {
    EntityTag tag = new EntityTag(digest(body, type), true);
    Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
    if (unchanged != null) {
      return unchanged.cacheControl(cacheControl).tag(tag).build();
    }
    return Response.ok(body, type).cacheControl(cacheControl).tag(tag).build();
  }

  private static String digest(byte[] body, MediaType type) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(type.getSubtype().getBytes(StandardCharsets.UTF_8));
      byte[] hash = sha.digest(body);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
