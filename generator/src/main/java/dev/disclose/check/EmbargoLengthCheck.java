package dev.disclose.check;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Status;
import dev.disclose.advisory.Timestamp;
import dev.disclose.config.EmbargoLimits;
import dev.disclose.diagnostic.Findings;
import dev.disclose.diagnostic.Rule;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * D008 embargo-policy: an embargo that has not lifted yet runs no shorter and no longer than
 * site-config.yaml's {@code embargo_policy} allows, in calendar days (UTC) from the fix or the
 * report. Without that timeline step the length cannot be measured, so nothing is said; an embargo
 * that has lifted is history no edit can shorten, so nothing is said either.
 */
final class EmbargoLengthCheck implements AdvisoryCheck {
  @Override
  public void check(Advisory a, CheckContext context, Findings findings) {
    EmbargoLimits policy = context.config().embargoLimits();
    if (!policy.limitsAnything() || a.status() != Status.EMBARGOED || a.embargo().isEmpty()) {
      return;
    }
    Timestamp embargo = a.embargo().get();
    if (!embargo.instant().isAfter(context.now())) return;
    String step = policy.from() == EmbargoLimits.Start.FIX ? "fixed" : "reported";
    Optional<Timestamp> start =
        policy.from() == EmbargoLimits.Start.FIX ? a.timeline().fixed() : a.timeline().reported();
    if (start.isEmpty()) return;
    LocalDate from = start.get().date();
    long days = ChronoUnit.DAYS.between(from, embargo.date());
    String measured =
        "the embargo lifts "
            + lengthFrom(days, policy.from())
            + " (`timeline."
            + step
            + ": "
            + start.get()
            + "`); ";
    policy
        .min()
        .filter(min -> days < min.days())
        .ifPresent(
            min ->
                findings.report(
                    Rule.EMBARGO_POLICY,
                    a.source().value("embargo"),
                    measured
                        + "the policy asks for at least "
                        + min.days()
                        + " (`embargo_policy.min_days` in site-config.yaml:"
                        + min.line()
                        + "); move `embargo` to "
                        + from.plusDays(min.days())
                        + " or later, or agree the exception with the reporter and accept this"
                        + " warning"));
    policy
        .max()
        .filter(max -> days > max.days())
        .ifPresent(
            max ->
                findings.report(
                    Rule.EMBARGO_POLICY,
                    a.source().value("embargo"),
                    measured
                        + "the policy allows at most "
                        + max.days()
                        + " (`embargo_policy.max_days` in site-config.yaml:"
                        + max.line()
                        + "); move `embargo` to "
                        + from.plusDays(max.days())
                        + " or earlier, or agree the extension with the reporter and accept this"
                        + " warning"));
  }

  private static String lengthFrom(long days, EmbargoLimits.Start start) {
    if (days == 0) return "on the day of " + start.event();
    long n = Math.abs(days);
    return n + (n == 1 ? " day " : " days ") + (days > 0 ? "after " : "before ") + start.event();
  }
}
