package org.newsgraph.query.actor;

import java.time.LocalDate;
import java.util.List;

/**
 * An actor with how often it appears. Counts come from the rollups, which follow the extraction
 * within one refresh interval; firstSeen/lastSeen are publication dates of mentioning articles.
 */
public record Actor(
    String id,
    String name,
    String type,
    String country,
    List<String> aliases,
    long mentionCount,
    long articleCount,
    long eventCount,
    LocalDate firstSeen,
    LocalDate lastSeen) {}
