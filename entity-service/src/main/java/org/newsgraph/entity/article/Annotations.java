package org.newsgraph.entity.article;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What was extracted from one text, in the shape of the contract's annotations. */
public record Annotations(
    Long articleId,
    String extractorVersion,
    String language,
    List<Mention> mentions,
    List<Event> events) {

  public record Mention(int start, int end, String text, String nerType, String actorId) {}

  public record Trigger(int start, int end, String text) {}

  public record Sentence(int start, int end) {}

  /**
   * Where the event happened. The place as the text names it, and, when the gazetteer resolved it,
   * its point, first-level division, GeoNames id and precision (SITE, CITY, REGION or COUNTRY);
   * these are null when unresolved.
   */
  public record Location(
      String place,
      String country,
      Double lat,
      Double lon,
      String admin1,
      String admin1Code,
      Long geonamesId,
      String precision) {}

  /**
   * @param eventId the canonical event this mention belongs to; null for ad-hoc text
   */
  public record Event(
      UUID eventId,
      String type,
      Trigger trigger,
      Sentence sentence,
      List<String> sourceActorIds,
      List<String> targetActorIds,
      LocalDate date,
      String datePrecision,
      Location location,
      Integer fatalities,
      Integer injuries,
      String factuality,
      double confidence) {}
}
