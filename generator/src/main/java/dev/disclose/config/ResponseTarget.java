package dev.disclose.config;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** One promise of the security policy: a step done within {@code days} calendar or working days. */
public record ResponseTarget(int days, Unit unit) {

  /** How the policy counts days: every day, or only the team's working days. */
  public enum Unit {
    CALENDAR("day", "days"),
    WORKING("working day", "working days");

    private final String one;
    private final String many;

    Unit(String one, String many) {
      this.one = one;
      this.many = many;
    }

    /** "1 working day", "3 working days", "90 days". */
    public String count(double n) {
      String figure =
          n == Math.rint(n) ? Long.toString((long) n) : String.format(Locale.ROOT, "%.1f", n);
      return figure + " " + (n == 1 ? one : many);
    }

    /** The singular noun, for chart axes: "day", "working day". */
    public String singular() {
      return one;
    }

    /** The plural noun, for headings: "days", "working days". */
    public String plural() {
      return many;
    }

    /** The days from {@code from} to {@code to} counted this way; never negative. */
    public long between(WorkingDays calendar, LocalDate from, LocalDate to) {
      return switch (this) {
        case CALENDAR -> Math.max(0, ChronoUnit.DAYS.between(from, to));
        case WORKING -> calendar.between(from, to);
      };
    }
  }

  /** "3 working days". */
  public String text() {
    return unit.count(days);
  }
}
