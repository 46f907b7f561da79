package org.newsgraph.ingest.source;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a fetched page as a browser would find its charset: the Content-Type header, else a byte
 * order mark, else a {@code <meta>} charset near the top, else UTF-8.
 */
final class HtmlCharset {

  private static final Pattern PARAMETER =
      Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern META =
      Pattern.compile(
          "<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

  /** Browsers look for the meta charset in the first 1024 bytes; be a little more lenient. */
  private static final int PRESCAN_BYTES = 4096;

  private HtmlCharset() {}

  static String decode(byte[] body, String contentType) {
    Charset charset = declared(contentType == null ? null : PARAMETER.matcher(contentType));
    int skip = 0;
    if (charset == null) {
      if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
        charset = StandardCharsets.UTF_8;
        skip = 3;
      } else if (startsWith(body, 0xFE, 0xFF)) {
        charset = StandardCharsets.UTF_16BE;
        skip = 2;
      } else if (startsWith(body, 0xFF, 0xFE)) {
        charset = StandardCharsets.UTF_16LE;
        skip = 2;
      } else {
        String head =
            new String(body, 0, Math.min(body.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        charset = declared(META.matcher(head));
      }
    }
    return new String(
        body, skip, body.length - skip, charset == null ? StandardCharsets.UTF_8 : charset);
  }

  private static Charset declared(Matcher matcher) {
    if (matcher == null || !matcher.find()) {
      return null;
    }
    try {
      return Charset.forName(matcher.group(1).toLowerCase(Locale.ROOT));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null; // an unknown charset: the next way of finding it, or UTF-8
    }
  }

  private static boolean startsWith(byte[] body, int... prefix) {
    if (body.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((body[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
