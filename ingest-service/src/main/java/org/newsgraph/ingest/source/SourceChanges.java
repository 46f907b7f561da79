package org.newsgraph.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Set;
import java.util.regex.Pattern;
import org.newsgraph.common.problem.Problem.FieldError;
import org.newsgraph.common.problem.ProblemException;
import org.newsgraph.ingest.duplicate.UrlNormalizer;

/**
 * The fields of a source as a client sends them, checked: every field of a new source, or the ones
 * a PATCH changes ({@code null} clears language and country). Only fields named in {@code given}
 * are meant; the others are null.
 */
record SourceChanges(
    Set<String> given,
    String url,
    String urlKey,
    String name,
    Duration interval,
    String language,
    String country,
    Boolean paused) {

  static final Duration MAX_INTERVAL = Duration.ofDays(30);
  private static final int MAX_URL_CHARS = 2000;
  private static final int MAX_NAME_CHARS = 200;
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Set<String> FIELDS =
      Set.of("url", "name", "interval", "language", "country", "paused");
  private static final Set<String> REQUIRED = Set.of("url", "name", "interval");
  private static final Set<String> ALPHA3 =
      Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

  boolean has(String field) {
    return given.contains(field);
  }

  /**
   * @param complete true for a new source, whose url, name and interval are required
   * @throws ProblemException 400 naming every invalid field
   */
  static SourceChanges parse(JsonNode body, boolean complete, Duration minInterval) {
    if (body == null || !body.isObject()) {
      throw ProblemException.invalid("body", "must be a JSON object");
    }
    List<FieldError> errors = new ArrayList<>();
    Set<String> given = new HashSet<>();
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (FIELDS.contains(name)) {
        given.add(name);
      } else {
        errors.add(new FieldError(name, "is not a field of a source"));
      }
    }
    for (String field : REQUIRED) {
      JsonNode value = body.get(field);
      if ((complete && value == null) || (value != null && value.isNull())) {
        errors.add(new FieldError(field, "is required"));
      }
    }
    String url = text(body, "url", MAX_URL_CHARS, errors);
    String urlKey = null;
    if (url != null) {
      urlKey = UrlNormalizer.key(url).orElse(null);
      if (urlKey == null) {
        errors.add(new FieldError("url", "must be an absolute http or https URL"));
      }
    }
    String name = text(body, "name", MAX_NAME_CHARS, errors);
    if (name != null) {
      name = SPACES.matcher(name).replaceAll(" ");
    }
    Duration interval = interval(text(body, "interval", 100, errors), minInterval, errors);
    String language = text(body, "language", 10, errors);
    if (language != null) {
      language = language.toLowerCase(Locale.ROOT);
      if (!LANGUAGE.matcher(language).matches()) {
        errors.add(new FieldError("language", "must be an ISO 639-1 code such as 'en'"));
      }
    }
    String country = country(text(body, "country", 10, errors), errors);
    Boolean paused = null;
    JsonNode pausedValue = body.get("paused");
    if (pausedValue != null) {
      if (pausedValue.isBoolean()) {
        paused = pausedValue.booleanValue();
      } else {
        errors.add(new FieldError("paused", "must be true or false"));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return new SourceChanges(given, url, urlKey, name, interval, language, country, paused);
  }

  /** A string field, stripped; null when absent, null or blank (blank is an error). */
  private static String text(JsonNode body, String field, int maxChars, List<FieldError> errors) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      errors.add(new FieldError(field, "must be a string"));
      return null;
    }
    String text = value.textValue().strip();
    if (text.isEmpty()) {
      errors.add(new FieldError(field, "must not be blank"));
      return null;
    }
    if (text.length() > maxChars) {
      errors.add(new FieldError(field, "is longer than " + maxChars + " characters"));
      return null;
    }
    return text;
  }

  private static Duration interval(String value, Duration min, List<FieldError> errors) {
    if (value == null) {
      return null;
    }
    Duration interval;
    try {
      interval = Duration.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError("interval", "must be an ISO-8601 duration such as PT15M"));
      return null;
    }
    if (interval.compareTo(min) < 0) {
      errors.add(new FieldError("interval", "must be at least " + min));
    } else if (interval.compareTo(MAX_INTERVAL) > 0) {
      errors.add(new FieldError("interval", "must be at most " + MAX_INTERVAL));
    }
    return interval;
  }

  /** ISO 3166-1 alpha-2 or alpha-3, kept as alpha-3 like every country in the API. */
  private static String country(String value, List<FieldError> errors) {
    if (value == null) {
      return null;
    }
    String code = value.toUpperCase(Locale.ROOT);
    if (code.length() == 2) {
      try {
        String alpha3 = new Locale("", code).getISO3Country();
        if (!alpha3.isEmpty()) {
          return alpha3;
        }
      } catch (MissingResourceException e) {
        // falls through to the error
      }
    } else if (ALPHA3.contains(code)) {
      return code;
    }
    errors.add(
        new FieldError("country", "must be an ISO 3166-1 country code such as 'FR' or 'FRA'"));
    return null;
  }
}
