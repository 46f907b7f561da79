package org.newsgraph.common.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What is wrong with a JSON document, in words for the caller: Jackson's own messages name Java
 * types and features ({@code `org.newsgraph...ArticleRequest`}, {@code FAIL_ON_TRAILING_TOKENS}),
 * which are internals.
 */
public final class JsonErrors {

  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']{0,100})'");

  private JsonErrors() {}

  /** The JSON property path the error is at ("items[2].text"), or null for the whole document. */
  public static String path(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
      return null;
    }
    return mapping.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  /** What is wrong, with the line and column when known. */
  public static String describe(JsonProcessingException e) {
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    Matcher duplicate = DUPLICATE.matcher(original);
    String message;
    if (duplicate.find()) {
      message = "holds the property '" + duplicate.group(1) + "' twice";
    } else if (e instanceof MismatchedInputException && original.startsWith("Trailing token")) {
      message = "has data after the JSON value";
    } else if (e instanceof JsonMappingException) {
      message = path(e) != null ? "has the wrong type" : "has the wrong type or shape";
    } else {
      message = "is not well-formed JSON";
    }
    if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
      message +=
          " (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")";
    }
    return message;
  }
}
