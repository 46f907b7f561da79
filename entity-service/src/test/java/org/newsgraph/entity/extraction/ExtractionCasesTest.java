package org.newsgraph.entity.extraction;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The case file of the English rules: invented sentences and the events they must yield
 * (src/test/resources/extraction/cases-en.tsv; its header explains the format).
 */
class ExtractionCasesTest {

  record Case(LocalDate published, String text, String expectations) {
    @Override
    public String toString() {
      return text;
    }
  }

  static Stream<Case> cases() throws IOException {
    try (InputStream in =
        ExtractionCasesTest.class.getClassLoader().getResourceAsStream("extraction/cases-en.tsv")) {
      String file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Arrays.stream(file.split("\n"))
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.split("\t"))
          .map(c -> new Case(c[0].equals("-") ? null : LocalDate.parse(c[0]), c[1], c[2]))
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void yieldsItsEvents(Case c) {
    List<ExtractedEvent> events =
        Pipelines.extractor().extract(c.text(), c.published(), "en").events();
    for (String expectation : c.expectations().split(" ; ")) {
      assertTrue(holds(expectation.trim(), events), expectation + " in " + describe(events));
    }
  }

  private static boolean holds(String expectation, List<ExtractedEvent> events) {
    if (expectation.startsWith("!")) {
      String type = expectation.substring(1);
      return events.stream().noneMatch(e -> e.type().equals(type));
    }
    String[] parts = expectation.split(" ");
    String[] roles = parts[1].split(">");
    LocalDate date = parts.length > 2 ? LocalDate.parse(parts[2].substring(1)) : null;
    return events.stream()
        .anyMatch(
            e ->
                e.type().equals(parts[0])
                    && role(e.sources(), roles[0])
                    && role(e.targets(), roles[1])
                    && (date == null || date.equals(e.date().date())));
  }

  private static boolean role(List<ActorRef> refs, String expected) {
    return switch (expected) {
      case "*" -> true;
      case "-" -> refs.isEmpty();
      default -> refs.stream().anyMatch(r -> r.actorId().equals(expected));
    };
  }

  private static String describe(List<ExtractedEvent> events) {
    return events.stream()
        .map(
            e ->
                e.type()
                    + " "
                    + e.sources().stream().map(ActorRef::actorId).toList()
                    + ">"
                    + e.targets().stream().map(ActorRef::actorId).toList()
                    + " "
                    + e.date().date())
        .toList()
        .toString();
  }
}
