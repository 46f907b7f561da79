package org.newsgraph.entity.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** How an undated text is anchored in time by the dates it names. */
class TextDatesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

  @Test
  void theLatestFullDateTheTextNamesIsTheAnchor() {
    assertEquals(
        LocalDate.of(2021, 5, 24),
        TextDates.anchor("Talks began on 3 May 2021. A statement dated May 24, 2021 said", TODAY));
    assertEquals(LocalDate.of(2021, 5, 9), TextDates.anchor("Updated 09.05.2021 at 10:00", TODAY));
    assertEquals(LocalDate.of(2022, 10, 2), TextDates.anchor("on Oct. 2, 2022, rebels", TODAY));
  }

  @Test
  void aWeekdayWithDayAndMonthFixesTheLatestYearOnWhichItFell() {
    // 3 March fell on a Monday in 2025 (and 2031, which is still to come)
    assertEquals(
        LocalDate.of(2025, 3, 3),
        TextDates.anchor("The ministry on Monday, March 3 announced", TODAY));
    assertEquals(
        LocalDate.of(2024, 9, 8), TextDates.anchor("Early on Sunday, 8 September, rebels", TODAY));
  }

  @Test
  void noDateOrAnImpossibleOrFutureOneGivesNoAnchor() {
    assertNull(TextDates.anchor("On Friday the group declared a march on the capital.", TODAY));
    assertNull(TextDates.anchor("A meeting is planned for March 3, 2031.", TODAY));
    assertNull(TextDates.anchor("It happened on February 30, 2024.", TODAY));
    assertNull(TextDates.anchor("Years: 1980 and 2003 were different.", TODAY));
  }
}
