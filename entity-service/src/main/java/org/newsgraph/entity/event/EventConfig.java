package org.newsgraph.entity.event;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How willing the merging of event mentions into canonical events is. */
@ConfigMapping(prefix = "newsgraph.events")
public interface EventConfig {

  /** Two DAY-precision dates from the texts may differ by this many days and still merge. */
  @WithDefault("2")
  int dayTolerance();

  /**
   * An event dated only by its article's publication date (or not at all) is taken to have happened
   * within this many days before publication. Two weeks: follow-up reports that never date the
   * happening again still reach it, and the reports of one event dated this way stay within that
   * span of each other.
   */
  @WithDefault("14")
  int publicationWindow();

  /**
   * Content words the trigger sentences must share when the actors match only through a parent
   * ("Islamic State" for "Islamic State Khorasan") or when a mention names no actor.
   */
  @WithDefault("1")
  int minContextOverlap();

  /**
   * Two resolved places whose points lie within this many kilometres are one place (a square and
   * its city, two spellings of one city); farther apart, two towns of one country are two
   * happenings.
   */
  @WithDefault("30")
  double samePlaceKm();

  /**
   * Width in days of the time buckets workers lock: reports whose dates reach no common bucket of
   * their type group are placed in parallel.
   */
  @WithDefault("14")
  int lockBucketDays();

  /**
   * How many of the newest undated reports of its type group a report looks through for those that
   * name its actors (all reports, for a report that has no date itself): undated reports are
   * compared with the news of about this many reports back, at a cost that does not grow with the
   * history.
   */
  @WithDefault("1000")
  int undatedWindow();
}
