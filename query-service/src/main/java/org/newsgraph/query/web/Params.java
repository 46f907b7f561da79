package org.newsgraph.query.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.newsgraph.common.problem.Problem;
import org.newsgraph.common.problem.ProblemException;

/**
 * Parses query parameters and collects every problem, so that one 400 names all the bad parameters
 * at once. Parameters arrive as strings: the framework's own conversion would answer a malformed
 * number with a bare 404.
 */
public final class Params {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{3}");

  private final List<Problem.FieldError> errors = new ArrayList<>();

  public void error(String field, String message) {
    errors.add(new Problem.FieldError(field, message));
  }

  /** Throws the 400 when any parameter was bad. */
  public void check() {
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
  }

  public int limit(String raw) {
    return limit(raw, DEFAULT_LIMIT, MAX_LIMIT);
  }

  public int limit(String raw, int defaultValue, int max) {
    if (blank(raw)) {
      return defaultValue;
    }
    Integer value = integer("limit", raw);
    if (value != null && (value < 1 || value > max)) {
      error("limit", "must be between 1 and " + max);
    }
    return value == null ? defaultValue : value;
  }

  public Integer integer(String field, String raw) {
    if (blank(raw)) {
      return null;
    }
    try {
      return Integer.valueOf(raw.trim());
    } catch (NumberFormatException e) {
      error(field, "must be a whole number");
      return null;
    }
  }

  public Integer atLeast(String field, String raw, int min) {
    Integer value = integer(field, raw);
    if (value != null && value < min) {
      error(field, "must be at least " + min);
      return null;
    }
    return value;
  }

  public LocalDate date(String field, String raw) {
    if (blank(raw)) {
      return null;
    }
    try {
      return LocalDate.parse(raw.trim());
    } catch (DateTimeParseException e) {
      error(field, "must be a date YYYY-MM-DD");
      return null;
    }
  }

  /** Checks that from is not after to. */
  public void range(LocalDate from, LocalDate to) {
    if (from != null && to != null && from.isAfter(to)) {
      error("from", "must not be after 'to'");
    }
  }

  public String country(String field, String raw) {
    if (blank(raw)) {
      return null;
    }
    String value = raw.trim().toUpperCase(Locale.ROOT);
    if (!COUNTRY.matcher(value).matches()) {
      error(field, "must be an ISO 3166-1 alpha-3 code such as SYR");
      return null;
    }
    return value;
  }

  /**
   * One of {@code allowed} (case-insensitive, answered in the case given there), or the default.
   */
  public String oneOf(String field, String raw, String defaultValue, List<String> allowed) {
    if (blank(raw)) {
      return defaultValue;
    }
    for (String candidate : allowed) {
      if (candidate.equalsIgnoreCase(raw.trim())) {
        return candidate;
      }
    }
    error(field, "must be one of " + String.join(", ", allowed));
    return defaultValue;
  }

  /** A comma list whose every element is one of {@code allowed}; empty when absent. */
  public Set<String> listOf(String field, String raw, Set<String> allowed) {
    Set<String> values = new LinkedHashSet<>();
    if (blank(raw)) {
      return values;
    }
    for (String part : raw.split(",")) {
      String value = part.trim();
      if (!allowed.contains(value)) {
        error(field, "'" + value + "' is not one of " + String.join(", ", sorted(allowed)));
      } else {
        values.add(value);
      }
    }
    return values;
  }

  public String required(String field, String raw) {
    if (blank(raw)) {
      error(field, "is required");
      return null;
    }
    return raw.trim();
  }

  public static boolean blank(String raw) {
    return raw == null || raw.isBlank();
  }

  private static List<String> sorted(Set<String> values) {
    String[] array = values.toArray(String[]::new);
    Arrays.sort(array);
    return List.of(array);
  }
}
