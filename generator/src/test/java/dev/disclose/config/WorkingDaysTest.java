package dev.disclose.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {
  static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  @Test
  void aFridayReportAcknowledgedOnMondayTookOneWorkingDay() {
    assertThat(WorkingDays.UTC.between(d("2026-12-04"), d("2026-12-07"))).isEqualTo(1);
  }

  @Test
  void theSameDayAndAnEarlierDayAreZero() {
    assertThat(WorkingDays.UTC.between(d("2026-12-07"), d("2026-12-07"))).isZero();
    assertThat(WorkingDays.UTC.between(d("2026-12-07"), d("2026-12-04"))).isZero();
  }

  @Test
  void aWeekendReportCountsFromTheFollowingWorkingDays() {
    // Saturday to Monday: Monday is the first working day after the report.
    assertThat(WorkingDays.UTC.between(d("2026-12-05"), d("2026-12-07"))).isEqualTo(1);
    // Saturday to Sunday: no working day passed.
    assertThat(WorkingDays.UTC.between(d("2026-12-05"), d("2026-12-06"))).isZero();
  }

  @Test
  void aListedHolidayIsSkipped() {
    WorkingDays christmas =
        new WorkingDays(ZoneId.of("UTC"), Set.of(d("2026-12-24"), d("2026-12-25")));
    // Wednesday 23rd to Monday 28th: Thursday and Friday are holidays, so only Monday counts.
    assertThat(christmas.between(d("2026-12-23"), d("2026-12-28"))).isEqualTo(1);
    assertThat(WorkingDays.UTC.between(d("2026-12-23"), d("2026-12-28"))).isEqualTo(3);
  }

  @Test
  void aHolidayOnAWeekendIsNotSubtractedTwice() {
    WorkingDays saturdayHoliday = new WorkingDays(ZoneId.of("UTC"), Set.of(d("2026-12-26")));
    assertThat(saturdayHoliday.between(d("2026-12-21"), d("2027-01-04"))).isEqualTo(10);
  }

  @Test
  void countsAcrossAYearBoundaryAndOverManyWeeks() {
    WorkingDays newYear = new WorkingDays(ZoneId.of("UTC"), Set.of(d("2027-01-01")));
    // Wednesday 30 December 2026 to Monday 4 January 2027: Thursday 31st and Monday 4th.
    assertThat(newYear.between(d("2026-12-30"), d("2027-01-04"))).isEqualTo(2);
    assertThat(WorkingDays.UTC.between(d("2026-12-30"), d("2027-01-04"))).isEqualTo(3);
    // Whole weeks and a holiday inside them: 26 weeks of 5 days, less New Year's Day.
    assertThat(newYear.between(d("2026-12-28"), d("2027-06-28"))).isEqualTo(129);
  }

  @Test
  void agreesWithCountingDayByDay() {
    WorkingDays cal =
        new WorkingDays(
            ZoneId.of("UTC"), Set.of(d("2026-12-25"), d("2027-01-01"), d("2026-12-26")));
    LocalDate start = d("2026-11-20");
    for (int from = 0; from < 14; from++) {
      for (int len = 0; len < 60; len++) {
        LocalDate a = start.plusDays(from);
        LocalDate b = a.plusDays(len);
        long expected = a.plusDays(1).datesUntil(b.plusDays(1)).filter(cal::isWorkingDay).count();
        assertThat(cal.between(a, b)).as(a + " → " + b).isEqualTo(expected);
      }
    }
  }

  @Test
  void anInstantFallsOnTheTeamsLocalDate() {
    WorkingDays berlin = new WorkingDays(ZoneId.of("Europe/Berlin"), Set.of());
    Instant lateFridayUtc = Instant.parse("2026-12-04T23:30:00Z");
    assertThat(berlin.localDate(lateFridayUtc)).isEqualTo(d("2026-12-05"));
    assertThat(WorkingDays.UTC.localDate(lateFridayUtc)).isEqualTo(d("2026-12-04"));
  }
}
