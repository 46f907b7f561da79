package org.newsgraph.query.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.newsgraph.common.problem.ProblemException;
import org.newsgraph.query.QueryConfig;

/**
 * Opaque keyset cursors: the sort key of the last row of a page (and which list and order it
 * belongs to), as base64url JSON followed by an HMAC, so that a cursor that was altered, or that
 * belongs to another list or sort order, is refused with a 400 instead of paging from nowhere.
 */
@ApplicationScoped
public class Cursors {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final int SIGNATURE_BYTES = 12;

  private final ObjectMapper mapper;
  private final SecretKeySpec key;

  public Cursors(ObjectMapper mapper, QueryConfig config) {
    this.mapper = mapper;
    this.key =
        new SecretKeySpec(config.cursorSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** The cursor after a row whose sort key is {@code keys}, in the list and order {@code kind}. */
  public String encode(String kind, List<?> keys) {
    List<Object> payload = new ArrayList<>();
    payload.add(kind);
    keys.forEach(k -> payload.add(k == null ? null : k.toString()));
    try {
      byte[] body = mapper.writeValueAsBytes(payload);
      return ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(sign(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The sort key carried by {@code cursor}, or null when there is none (first page).
   *
   * @throws ProblemException 400 naming {@code cursor} when it was not issued for this list
   */
  public List<String> decode(String kind, String cursor, int keyCount) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      int dot = cursor.indexOf('.');
      if (dot < 0) {
        throw invalid();
      }
      byte[] body = DECODER.decode(cursor.substring(0, dot));
      byte[] signature = DECODER.decode(cursor.substring(dot + 1));
      if (!MessageDigest.isEqual(sign(body), signature)) {
        throw invalid();
      }
      List<String> payload = mapper.readValue(body, new TypeReference<List<String>>() {});
      if (payload.size() != keyCount + 1 || !kind.equals(payload.get(0))) {
        throw invalid();
      }
      return payload.subList(1, payload.size());
    } catch (IllegalArgumentException | java.io.IOException e) {
      throw invalid();
    }
  }

  private static ProblemException invalid() {
    return ProblemException.invalid(
        "cursor", "is not a cursor issued for this list and sort order; start without one");
  }

  private byte[] sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return Arrays.copyOf(mac.doFinal(body), SIGNATURE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
