package org.newsgraph.ingest.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.newsgraph.common.json.JsonErrors;
import org.newsgraph.common.problem.Problem.FieldError;
import org.newsgraph.common.problem.ProblemException;

/** Reads request bodies with a size limit and decodes them strictly. */
final class RequestBodies {

  private RequestBodies() {}

  /**
   * The whole body, at most {@code max} bytes.
   *
   * @throws ProblemException 413 when it is larger; the rest is read and discarded so the client
   *     gets the answer instead of a reset connection
   */
  static byte[] read(InputStream body, int max) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 64 * 1024));
      byte[] buffer = new byte[64 * 1024];
      int read;
      while ((read = body.read(buffer)) != -1) {
        if (out.size() + read > max) {
          body.transferTo(OutputStream.nullOutputStream());
          throw tooLarge("body", max);
        }
        out.write(buffer, 0, read);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Decodes strictly: a byte sequence the charset does not allow is an error, not a U+FFFD.
   *
   * @param charset the charset the client declared, or null for UTF-8
   * @throws ProblemException 400 naming the field when the bytes are not in that charset, or naming
   *     Content-Type when the charset is unknown
   */
  static String decode(byte[] bytes, String charset, String field) {
    Charset decoding;
    try {
      decoding = charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset.strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("Content-Type", "names an unknown charset: " + charset);
    }
    try {
      return decoding
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw ProblemException.invalid(field, "is not valid " + decoding.name());
    }
  }

  static ProblemException tooLarge(String field, int max) {
    return new ProblemException(
        413,
        "Payload Too Large",
        field + " is larger than the limit of " + max + " bytes per article",
        List.of(new FieldError(field, "is larger than " + max + " bytes")));
  }

  /**
   * A 400 for JSON that does not parse or does not fit an article.
   *
   * @param item where the article is: "body", or "[3]" for a batch item
   */
  static ProblemException invalidJson(String item, JsonProcessingException e) {
    String path = JsonErrors.path(e);
    String field =
        path == null
            ? item
            : item.equals("body") ? path : item + (path.startsWith("[") ? "" : ".") + path;
    return ProblemException.invalid(field, JsonErrors.describe(e));
  }
}
