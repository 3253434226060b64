package dev.disclose.check;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Status;
import dev.disclose.advisory.Timestamp;
import dev.disclose.catalog.EmbargoPolicy;
import dev.disclose.diagnostic.Findings;
import dev.disclose.diagnostic.Rule;
import java.time.Duration;
import java.time.Instant;

/**
 * D009 cve-pending: an advisory that records {@code cve_requested} and has no CVE ID yet is about
 * to go out without it, when it is public already or its embargo lifts within {@link #WINDOW}.
 * Drafts are not scheduled and withdrawn advisories no longer need one, so neither is checked.
 */
final class CvePendingCheck implements AdvisoryCheck {
  /** A week leaves time to ask the CNA before the embargo lifts. */
  static final Duration WINDOW = Duration.ofDays(7);

  @Override
  public void check(Advisory a, CheckContext context, Findings findings) {
    if (!a.cvePending() || a.status() == Status.DRAFT || a.status() == Status.WITHDRAWN) return;
    Timestamp requested = a.cveRequested().orElseThrow();
    Instant now = context.now();
    String missing =
        "the CVE requested on "
            + requested
            + " is not among its `aliases` yet; add the CVE ID once it is assigned, or ask the CNA"
            + " you requested it from if it is late";
    if (EmbargoPolicy.isPublic(a, now)) {
      findings.report(
          Rule.CVE_PENDING,
          a.source().value("cve_requested"),
          "the advisory is public, and " + missing);
      return;
    }
    if (a.embargo().isEmpty()) return;
    Instant lifts = a.embargo().get().instant();
    Duration left = Duration.between(now, lifts);
    if (left.compareTo(WINDOW) > 0) return;
    findings.report(
        Rule.CVE_PENDING,
        a.source().value("cve_requested"),
        "the embargo lifts in "
            + span(left)
            + " ("
            + a.embargo().get()
            + "), and "
            + missing
            + ", so that the advisory does not go out without it");
  }

  /** "5 days", "30 hours", "1 hour". */
  private static String span(Duration d) {
    if (d.toHours() >= 48) return d.toDays() + " days";
    long hours = Math.max(1, d.toHours());
    return hours + (hours == 1 ? " hour" : " hours");
  }
}
