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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * D002 modified-before-published, D003 future-date, D004 timeline-order, D005 embargo-missing, D006
 * withdrawal, D007 embargo-date-only.
 */
final class LifecycleCheck implements AdvisoryCheck {
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

    // Every date but the embargo describes the past.
    Map<String, Optional<Timestamp>> dated = new LinkedHashMap<>();
    dated.put("published", a.published());
    dated.put("modified", a.modified());
    dated.put("withdrawn.date", a.withdrawn().map(w -> w.date()));
    dated.put("timeline.reported", a.timeline().reported());
    dated.put("timeline.acknowledged", a.timeline().acknowledged());
    dated.put("timeline.fixed", a.timeline().fixed());
    dated.put("timeline.disclosed", a.timeline().disclosed());
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
                .filter(
                    t -> path.equals("modified") || horizon.isEmpty() || before(horizon.get(), t))
                .ifPresent(
                    t ->
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
                                    + "use `status: embargoed` with an `embargo` instant")));

    List<String> steps = List.of("reported", "acknowledged", "fixed", "disclosed");
    List<Optional<Timestamp>> values =
        List.of(
            a.timeline().reported(),
            a.timeline().acknowledged(),
            a.timeline().fixed(),
            a.timeline().disclosed());
    List<Integer> present = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) if (values.get(i).isPresent()) present.add(i);
    for (int k = 1; k < present.size(); k++) {
      int before = present.get(k - 1);
      int after = present.get(k);
      Timestamp b = values.get(before).get();
      Timestamp t = values.get(after).get();
      if (before(t, b)) {
        findings.report(
            Rule.TIMELINE_ORDER,
            a.source().value("timeline." + steps.get(after)),
            "`timeline."
                + steps.get(after)
                + "` "
                + t
                + " is before `timeline."
                + steps.get(before)
                + "` "
                + b
                + "; the steps happen in the order reported, acknowledged, fixed, disclosed");
      }
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
