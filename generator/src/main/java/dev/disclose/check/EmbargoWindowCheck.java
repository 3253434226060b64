package dev.disclose.check;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Status;
import dev.disclose.advisory.Timestamp;
import dev.disclose.diagnostic.Findings;
import dev.disclose.diagnostic.Rule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * D010 embargo-window: an embargo lifts only when a build runs after it, and GitHub disables the
 * scheduled workflows of a public repository after {@link #WINDOW} without activity; an embargo
 * further off than that may find no scheduled publish job running. The check runs on a commit or
 * pull request, which is activity, so the window counts from now. Drafts are never published by the
 * schedule, and a private repository's schedule is never disabled ({@code redact_logs: false} says
 * the repository is private), so neither is checked.
 */
final class EmbargoWindowCheck implements AdvisoryCheck {
  /** GitHub's limit for scheduled workflows of public repositories. */
  static final Duration WINDOW = Duration.ofDays(60);

  @Override
  public void check(Advisory a, CheckContext context, Findings findings) {
    if (a.status() == Status.DRAFT || a.embargo().isEmpty() || !context.config().redactLogs()) {
      return;
    }
    Timestamp embargo = a.embargo().get();
    Instant last = context.now().plus(WINDOW);
    if (!embargo.instant().isAfter(last)) return;
    findings.report(
        Rule.EMBARGO_WINDOW,
        a.source().value("embargo"),
        "the embargo lifts "
            + embargo
            + ", more than 60 days from now, and GitHub disables a public repository's scheduled"
            + " workflows after 60 days without activity: push a commit by "
            + LocalDate.ofInstant(last, ZoneOffset.UTC)
            + " and at least every 60 days after, so that the scheduled publish runs when it lifts"
            + " (the publish workflow's keep-enabled job re-enables its schedule, but GitHub does"
            + " not say that this resets the 60 days)");
  }
}
