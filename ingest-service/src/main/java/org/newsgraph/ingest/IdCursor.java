package org.newsgraph.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.newsgraph.common.problem.ProblemException;

/**
 * The opaque cursor of a list ordered by id, newest first: it names the last id of the page given
 * out, and the next page starts below it.
 */
public final class IdCursor {

  private static final String PREFIX = "before:";

  private IdCursor() {}

  public static String after(long lastId) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + lastId).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @return the id the next page starts below
   * @throws ProblemException 400 naming {@code cursor} for anything this service did not give out
   */
  public static long decode(String cursor) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (decoded.startsWith(PREFIX)) {
        return Long.parseLong(decoded.substring(PREFIX.length()));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the same answer as any other unreadable cursor
    }
    throw ProblemException.invalid("cursor", "is not a cursor this service gave out");
  }
}
