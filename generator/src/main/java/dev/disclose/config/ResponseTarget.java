package dev.disclose.config;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * One promise of the security policy: a step done within {@code days} calendar or working days
 * counted {@code from} an earlier step, and the policy's own {@code wording} of it where the site
 * quotes it.
 */
public record ResponseTarget(int days, Unit unit, Start from, Optional<String> wording) {

  /** A promise counted from the report, without the policy's words. */
  public ResponseTarget(int days, Unit unit) {
    this(days, unit, Start.REPORT, Optional.empty());
  }

  /**
   * How the policy counts days: every day, or only the team's working days, which a policy may call
   * business days; both words count the same days and each reads as the policy wrote it.
   */
  public enum Unit {
    CALENDAR("day", "days"),
    WORKING("working day", "working days"),
    BUSINESS("business day", "business days");

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

    /** Whether it leaves out weekends and holidays. */
    public boolean skipsDaysOff() {
      return this != CALENDAR;
    }

    /** The days from {@code from} to {@code to} counted this way; never negative. */
    public long between(WorkingDays calendar, LocalDate from, LocalDate to) {
      return skipsDaysOff()
          ? calendar.between(from, to)
          : Math.max(0, ChronoUnit.DAYS.between(from, to));
    }
  }

  /** The timeline step a promise's days start at. */
  public enum Start {
    REPORT("report"),
    ACKNOWLEDGEMENT("acknowledgement"),
    ASSESSMENT("assessment"),
    FIX("fix");

    private final String noun;

    Start(String noun) {
      this.noun = noun;
    }

    /** "report", "assessment". */
    public String noun() {
      return noun;
    }
  }

  /** "3 working days". */
  public String text() {
    return unit.count(days);
  }

  /** The same promise without the policy's words, to compare what two promises count. */
  public ResponseTarget measure() {
    return new ResponseTarget(days, unit, from, Optional.empty());
  }
}
