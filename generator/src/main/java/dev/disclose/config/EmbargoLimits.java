package dev.disclose.config;

import java.util.Optional;

/**
 * site-config.yaml's {@code embargo_policy}: the fewest and the most calendar days an embargo may
 * run, counted from the fix or from the report; each bound keeps the line it is written on, so a
 * finding can send the reader to the policy's rule.
 */
public record EmbargoLimits(Optional<Bound> min, Optional<Bound> max, Start from) {
  public static final EmbargoLimits NONE =
      new EmbargoLimits(Optional.empty(), Optional.empty(), Start.REPORT);

  /** A number of days, and the line of site-config.yaml that states it. */
  public record Bound(int days, int line) {}

  /** The timeline step an embargo is counted from. */
  public enum Start {
    FIX("fix"),
    REPORT("report");

    private final String event;

    Start(String event) {
      this.event = event;
    }

    /** The step as a reader names it: "the fix", "the report". */
    public String event() {
      return "the " + event;
    }
  }

  /** Whether the policy limits embargoes at all. */
  public boolean limitsAnything() {
    return min.isPresent() || max.isPresent();
  }
}
