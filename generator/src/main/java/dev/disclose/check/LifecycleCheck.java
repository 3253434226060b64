package dev.disclose.check;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Status;
import dev.disclose.advisory.Timeline;
import dev.disclose.advisory.Timestamp;
import dev.disclose.diagnostic.Findings;
import dev.disclose.diagnostic.Rule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * D002 modified-before-published, D003 future-date, D004 timeline-order, D005 embargo-missing, D006
 * withdrawal, D007 embargo-date-only.
 */
final class LifecycleCheck implements AdvisoryCheck {
  // These steps precede writing the advisory, so no status lets them lie ahead.
  private static final Set<String> STEPS_BEFORE_WRITING =
      Set.of("timeline.reported", "timeline.acknowledged", "timeline.assessed");

  @Override
  public void check(Advisory a, CheckContext context, Findings findings) {
    if (a.status() == Status.EMBARGOED && a.embargo().isEmpty()) {
      findings.report(
          Rule.EMBARGO_MISSING,
          a.source().key("status"),
          "an embargoed advisory needs `embargo: <instant>`, the moment it may be published "
              + "(for example `2026-03-01T16:00:00Z`)");
    }
    a.embargo()
        .filter(Timestamp::dateOnly)
        .ifPresent(
            embargo ->
                findings.report(
                    Rule.EMBARGO_DATE_ONLY,
                    a.source().value("embargo"),
                    "`embargo: "
                        + embargo
                        + "` lifts at "
                        + embargo.instant()
                        + " (00:00 UTC); if the agreed moment is another, write it with its time"
                        + " and zone, like `"
                        + embargo
                        + "T16:00:00Z`"));
    if (a.status() == Status.WITHDRAWN
        && a.withdrawn().isEmpty()
        && a.source().positions().get("withdrawn") == null) {
      findings.report(
          Rule.WITHDRAWAL,
          a.source().key("status"),
          "a withdrawn advisory needs `withdrawn:` with a `date` and a `reason`");
    }
    if (a.status() != Status.WITHDRAWN && a.source().positions().get("withdrawn") != null) {
      findings.report(
          Rule.WITHDRAWAL,
          a.source().key("withdrawn"),
          "`withdrawn` is given but the status is `"
              + a.status().spelling()
              + "`; add `status: withdrawn`, or remove `withdrawn`");
    }
    a.withdrawn()
        .ifPresent(
            w ->
                a.published()
                    .filter(p -> before(w.date(), p))
                    .ifPresent(
                        p ->
                            findings.report(
                                Rule.WITHDRAWAL,
                                a.source().value("withdrawn.date"),
                                "`withdrawn.date` " + w.date() + " is before `published` " + p)));

    a.modified()
        .ifPresent(
            m ->
                a.published()
                    .filter(p -> before(m, p))
                    .ifPresent(
                        p ->
                            findings.report(
                                Rule.MODIFIED_BEFORE_PUBLISHED,
                                a.source().value("modified"),
                                "`modified` "
                                    + m
                                    + " is before `published` "
                                    + p
                                    + "; a change cannot precede publication")));

    Map<String, Optional<Timestamp>> dated = new LinkedHashMap<>();
    dated.put("published", a.published());
    dated.put("modified", a.modified());
    dated.put("withdrawn.date", a.withdrawn().map(w -> w.date()));
    dated.put("cve_requested", a.cveRequested());
    for (String step : Timeline.STEPS) dated.put("timeline." + step, a.timeline().step(step));
    // Embargoed and draft advisories describe a planned disclosure: their dates may lie ahead,
    // up to the embargo. Everything else describes the past.
    Timestamp endOfTime = Timestamp.ofInstant(Instant.parse("9999-12-31T00:00:00Z"));
    Optional<Timestamp> horizon =
        switch (a.status()) {
          // Without a readable embargo (D005) the limit is unknown, so no date is held to it.
          case EMBARGOED -> Optional.of(a.embargo().orElse(endOfTime));
          case DRAFT -> Optional.of(endOfTime);
          default -> Optional.empty();
        };
    dated.forEach(
        (path, value) ->
            value
                .filter(t -> inFuture(t, context.now()))
                .ifPresent(
                    t -> {
                      if (path.equals("cve_requested")) {
                        findings.report(
                            Rule.FUTURE_DATE,
                            a.source().value(path),
                            "`cve_requested` "
                                + t
                                + " is in the future; write the date the CVE was requested, once"
                                + " it has been");
                      } else if (STEPS_BEFORE_WRITING.contains(path)) {
                        findings.report(
                            Rule.FUTURE_DATE,
                            a.source().value(path),
                            "`"
                                + path
                                + "` "
                                + t
                                + " is in the future; reporting, acknowledgement and assessment"
                                + " happen before an advisory is written, whatever its status:"
                                + " write the date this step happened");
                      } else if (path.equals("modified")
                          || horizon.isEmpty()
                          || before(horizon.get(), t)) {
                        findings.report(
                            Rule.FUTURE_DATE,
                            a.source().value(path),
                            a.status() == Status.EMBARGOED
                                    && a.embargo().isPresent()
                                    && !path.equals("modified")
                                ? "`"
                                    + path
                                    + "` "
                                    + t
                                    + " is after the embargo lifts ("
                                    + a.embargo().orElseThrow()
                                    + "); an embargoed advisory's dates reach up to its embargo at most"
                                : "`"
                                    + path
                                    + "` "
                                    + t
                                    + " is in the future; only `embargo` may be. To publish later, "
                                    + "use `status: embargoed` with an `embargo` instant");
                      }
                    }));

    // Each recorded step against the one recorded before it: a missing step breaks no order.
    String previous = null;
    for (Map.Entry<String, Timestamp> step : a.timeline().recorded().entrySet()) {
      Timestamp t = step.getValue();
      Timestamp b = previous == null ? t : a.timeline().step(previous).orElseThrow();
      if (before(t, b)) {
        findings.report(
            Rule.TIMELINE_ORDER,
            a.source().value("timeline." + step.getKey()),
            "`timeline."
                + step.getKey()
                + "` "
                + t
                + " is before `timeline."
                + previous
                + "` "
                + b
                + "; the steps happen in the order "
                + String.join(", ", Timeline.STEPS));
      }
      previous = step.getKey();
    }
    a.timeline()
        .reported()
        .ifPresent(
            r ->
                a.published()
                    .filter(p -> before(p, r))
                    .ifPresent(
                        p ->
                            findings.report(
                                Rule.TIMELINE_ORDER,
                                a.source().value("timeline.reported"),
                                "`timeline.reported` " + r + " is after `published` " + p)));
  }

  /**
   * {@code a} is before {@code b}; when either is a bare date, at the precision of dates, so {@code
   * modified: 2026-01-15} is not before {@code published: 2026-01-15T12:00:00Z}.
   */
  static boolean before(Timestamp a, Timestamp b) {
    if (a.dateOnly() || b.dateOnly()) return a.date().isBefore(b.date());
    return a.instant().isBefore(b.instant());
  }

  /**
   * A bare date is in the future only once it is a future date everywhere on Earth (UTC+14): a
   * maintainer in Sydney who writes today's date must not fail CI for ten hours.
   */
  static boolean inFuture(Timestamp t, Instant now) {
    if (t.dateOnly()) {
      return t.date().isAfter(LocalDate.ofInstant(now.plus(Duration.ofHours(14)), ZoneOffset.UTC));
    }
    return t.instant().isAfter(now);
  }
}
