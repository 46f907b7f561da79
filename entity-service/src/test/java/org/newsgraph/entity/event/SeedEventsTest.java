package org.newsgraph.entity.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.newsgraph.entity.TestArticles;
import org.newsgraph.entity.processing.ExtractionWorker;

/**
 * The five seed articles through the real extractor and the workers: the Crocus City Hall attack is
 * one event with every reported death toll, the 2024 "may remove" and the 2025 "lifted" stay apart,
 * the 2003 ban and Putin's "allies" are one event each across two articles, whatever the order the
 * articles arrive in, and reprocessing every article keeps every event and its id.
 */
@QuarkusTest
class SeedEventsTest {

  private static final Pattern DATE_LINE = Pattern.compile("^\\s*date (\\d{4}-\\d{2}-\\d{2})\\s*");

  @Inject ExtractionWorker worker;

  private void drain() {
    String owner = "seeds-" + UUID.randomUUID();
    while (worker.processNext(owner) > 0) {
      // until nothing is due
    }
  }

  private static Map<String, Object> eventMap(List<Long> articles) throws Exception {
    Map<String, Object> events = new LinkedHashMap<>();
    for (Map<String, Object> row :
        TestArticles.rows(
            "SELECT article_id, trigger_start, event_id FROM entity.event_mention"
                + " WHERE article_id = ANY (?) ORDER BY article_id, trigger_start",
            (Object) articles.toArray(Long[]::new))) {
      events.put(row.get("article_id") + "@" + row.get("trigger_start"), row.get("event_id"));
    }
    return events;
  }

  private static Collector<Map<String, Object>, ?, Map<String, Object>> onlyOne(String what) {
    return Collectors.collectingAndThen(
        Collectors.toList(),
        list -> {
          assertEquals(1, list.size(), what + ": " + list);
          return list.get(0);
        });
  }

  @Test
  void seedsMakeOneAttackEventThatSurvivesReprocessing() throws Exception {
    List<Long> ids = new ArrayList<>();
    try (var files = Files.list(Path.of("..", "seeds"))) {
      // newest first: the grouping must not depend on the order articles arrive in (score.py and
      // the system test send them oldest first)
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        String raw = Files.readString(file);
        // undated seeds stay undated here: their events fall back to no date at all
        Matcher date = DATE_LINE.matcher(raw);
        boolean dated = date.find();
        ids.add(
            TestArticles.insert(
                dated ? raw.substring(date.end()).strip() : raw.strip(),
                dated ? LocalDate.parse(date.group(1)) : null,
                "en",
                0.99));
      }
    }
    drain();
    for (long id : ids) {
      assertEquals(
          "DONE",
          TestArticles.row("SELECT status FROM ingest.outbox WHERE article_id = ?", id)
              .get("status"));
    }
    Long[] articles = ids.toArray(Long[]::new);
    List<Map<String, Object>> events =
        TestArticles.rows(
            "SELECT e.id, e.type, e.label, e.article_count, e.fatalities_min, e.fatalities_max,"
                + " e.factuality, e.event_date, e.date_precision FROM entity.event e"
                + " WHERE e.merged_into IS NULL AND EXISTS (SELECT 1 FROM entity.event_mention m"
                + " WHERE m.event_id = e.id AND m.article_id = ANY (?)) ORDER BY e.article_count DESC, e.label",
            (Object) articles);
    Map<String, Object> crocus =
        events.stream()
            .filter(e -> "18".equals(e.get("type")) || "20".equals(e.get("type")))
            .findFirst()
            .orElseThrow();
    assertEquals(
        1,
        events.stream().filter(e -> e.get("fatalities_max") != null).count(),
        "one event carries the death tolls");
    assertEquals(140, crocus.get("fatalities_min"));
    assertEquals(145, crocus.get("fatalities_max"));
    assertEquals(5, crocus.get("article_count"), "the attack is reported by all five seeds");
    List<Map<String, Object>> delisting =
        events.stream().filter(e -> "08".equals(e.get("type"))).toList();
    assertTrue(delisting.stream().anyMatch(e -> "POSSIBLE".equals(e.get("factuality"))));
    assertTrue(delisting.stream().anyMatch(e -> "ASSERTED".equals(e.get("factuality"))));
    // background and repeated reports join their own events, one each
    Map<String, Object> ban2003 =
        events.stream()
            .filter(e -> "17".equals(e.get("type")) && "YEAR".equals(e.get("date_precision")))
            .collect(onlyOne("the 2003 ban"));
    assertEquals(2L, ((Number) ban2003.get("article_count")).longValue(), "the 2003 ban");
    Map<String, Object> allies =
        events.stream()
            .filter(e -> "05".equals(e.get("type")) && "ASSERTED".equals(e.get("factuality")))
            .collect(onlyOne("Putin calls the Taliban allies"));
    assertEquals(2L, ((Number) allies.get("article_count")).longValue(), "Putin's 'allies'");

    Map<String, Object> before = eventMap(ids);
    TestArticles.update(
        "UPDATE ingest.outbox SET status = 'QUEUED' WHERE article_id = ANY (?)", (Object) articles);
    drain();
    assertEquals(before, eventMap(ids), "every mention keeps its event");
    drain();
    assertNotEquals(0, before.size());
  }
}
