package org.newsgraph.query.timeline;

import java.time.LocalDate;

/**
 * Events dated in the bucket starting on {@code period} (a day, an ISO week from Monday, or a
 * month), and the articles reporting them.
 */
public record TimelinePoint(LocalDate period, long events, long articles) {}
