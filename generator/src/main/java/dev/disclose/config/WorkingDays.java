package dev.disclose.config;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * The team's calendar ({@code time_zone} and {@code holidays} in site-config.yaml): which days are
 * working days, and on which local date an instant falls. Saturdays, Sundays and the holidays are
 * not working days; {@code holidaysFile} names the calendar file in the repository the holidays are
 * read from, when site-config.yaml names one instead of listing them.
 */
public record WorkingDays(ZoneId zone, Set<LocalDate> holidays, Optional<String> holidaysFile) {
  /** Weekends only, in UTC: the calendar of a site that configures neither. */
  public static final WorkingDays UTC = new WorkingDays(ZoneOffset.UTC, Set.of());

  public WorkingDays {
    holidays = Set.copyOf(holidays);
  }

  /** A calendar whose holidays are listed in site-config.yaml. */
  public WorkingDays(ZoneId zone, Set<LocalDate> holidays) {
    this(zone, holidays, Optional.empty());
  }

  /** The same calendar with {@code read}, the holidays its calendar file lists. */
  public WorkingDays withHolidays(Set<LocalDate> read) {
    return new WorkingDays(zone, read, holidaysFile);
  }

  /** The team's local date at {@code instant}. */
  public LocalDate localDate(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  public boolean isWorkingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
  }

  /**
   * The working days after {@code from} up to and including {@code to}, so that a report on a
   * Friday acknowledged on the Monday took one; zero when {@code to} is not after {@code from}.
   */
  public long between(LocalDate from, LocalDate to) {
    if (!to.isAfter(from)) return 0;
    long total = ChronoUnit.DAYS.between(from, to);
    // Whole weeks hold five weekdays each; only the remainder is walked day by day.
    long weeks = total / 7;
    long count = weeks * 5;
    for (LocalDate d = from.plusDays(weeks * 7 + 1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isWorkingDay(d)) count++;
    }
    for (LocalDate h : holidays) {
      if (h.isAfter(from) && !h.isAfter(from.plusDays(weeks * 7)) && isWeekday(h)) count--;
    }
    return count;
  }

  private static boolean isWeekday(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
  }
}
