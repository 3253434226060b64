package dev.disclose.plan.response;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.SeverityLevel;
import dev.disclose.advisory.Timestamp;
import dev.disclose.config.SiteConfig.ResponseTargets;
import dev.disclose.severity.Rating;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * How the project responded, measured from the public advisories' timelines: days from the report
 * to acknowledgement, to the fix and to disclosure, per year of publication, against the targets of
 * the security policy ({@code response_targets} in site-config.yaml).
 *
 * <p>Only what is public counts: the caller passes the catalog's advisories, so an embargoed
 * advisory cannot show up in a count or a median before its time. Withdrawn and informational
 * advisories are left out, since they were not vulnerabilities. Disclosure falls back to the
 * publication date when the timeline has no {@code disclosed} step: publishing the advisory is the
 * disclosure.
 */
public record ResponseStatistics(
    ResponseTargets targets,
    List<YearRow> years,
    YearRow overall,
    List<SeverityRow> fixBySeverity,
    List<YearCounts> counts,
    int withoutReport) {

  /** The three steps of the response, each measured in days from the report. */
  public enum Step {
    ACKNOWLEDGE("acknowledgement"),
    FIX("fix"),
    DISCLOSE("disclosure");

    private final String noun;

    Step(String noun) {
      this.noun = noun;
    }

    public String noun() {
      return noun;
    }
  }

  /** One step across several advisories: the day counts, and how many met their target. */
  public record StepStats(DaySpread summary, int withinTarget, int withTarget) {
    static final StepStats EMPTY = new StepStats(DaySpread.EMPTY, 0, 0);

    /** "5 of 6", or empty when no advisory had a target to compare with. */
    public String withinTargetText() {
      return withTarget == 0 ? "" : withinTarget + " of " + withTarget;
    }
  }

  /** One year (or all years together). {@code advisories}: those with a reported date. */
  public record YearRow(
      String label, int advisories, StepStats acknowledge, StepStats fix, StepStats disclose) {
    public StepStats step(Step step) {
      return switch (step) {
        case ACKNOWLEDGE -> acknowledge;
        case FIX -> fix;
        case DISCLOSE -> disclose;
      };
    }
  }

  /** Time to fix for one severity, against its own target. */
  public record SeverityRow(SeverityLevel level, OptionalInt targetDays, StepStats fix) {}

  /** Advisories published in one year, by severity; {@code unrated} counts those without one. */
  public record YearCounts(int year, Map<SeverityLevel, Integer> bySeverity, int unrated) {
    public int total() {
      return bySeverity.values().stream().mapToInt(Integer::intValue).sum() + unrated;
    }

    public int count(SeverityLevel level) {
      return bySeverity.getOrDefault(level, 0);
    }
  }

  /** Severities most severe first, the order every table and chart uses. */
  public static final List<SeverityLevel> LEVELS =
      List.of(
          SeverityLevel.CRITICAL,
          SeverityLevel.HIGH,
          SeverityLevel.MEDIUM,
          SeverityLevel.LOW,
          SeverityLevel.NONE);

  /**
   * One advisory's response, in days from the report; empty where the timeline has no such step.
   */
  record Measured(
      int year,
      Optional<SeverityLevel> level,
      Optional<Long> acknowledge,
      Optional<Long> fix,
      Optional<Long> disclose) {
    Optional<Long> step(Step step) {
      return switch (step) {
        case ACKNOWLEDGE -> acknowledge;
        case FIX -> fix;
        case DISCLOSE -> disclose;
      };
    }
  }

  /** {@code advisories}: the public ones only (the catalog's). */
  public static ResponseStatistics of(List<Advisory> advisories, ResponseTargets targets) {
    List<Measured> measured = new ArrayList<>();
    TreeMap<Integer, EnumMap<SeverityLevel, Integer>> counts =
        new TreeMap<>(Comparator.reverseOrder());
    TreeMap<Integer, Integer> unrated = new TreeMap<>();
    int withoutReport = 0;
    for (Advisory a : advisories) {
      // Neither a withdrawn advisory nor an informational one (unmaintained, unsound, a notice)
      // was a vulnerability report to respond to.
      if (a.withdrawn().isPresent() || a.informational().isPresent()) continue;
      Optional<Timestamp> published = a.effectivePublished();
      if (published.isEmpty()) continue;
      int year = published.get().date().getYear();
      Optional<SeverityLevel> level = Rating.of(a.severity());
      EnumMap<SeverityLevel, Integer> row =
          counts.computeIfAbsent(year, y -> new EnumMap<>(SeverityLevel.class));
      if (level.isPresent()) row.merge(level.get(), 1, Integer::sum);
      else unrated.merge(year, 1, Integer::sum);

      Optional<LocalDate> reported = a.timeline().reported().map(Timestamp::date);
      if (reported.isEmpty()) {
        withoutReport++;
        continue;
      }
      LocalDate from = reported.get();
      measured.add(
          new Measured(
              year,
              level,
              a.timeline().acknowledged().map(t -> days(from, t)),
              a.timeline().fixed().map(t -> days(from, t)),
              a.timeline().disclosed().or(() -> published).map(t -> days(from, t))));
    }

    List<YearRow> years = new ArrayList<>();
    for (int year : counts.keySet()) {
      List<Measured> ofYear = measured.stream().filter(m -> m.year() == year).toList();
      if (!ofYear.isEmpty()) years.add(row(String.valueOf(year), ofYear, targets));
    }
    List<SeverityRow> bySeverity = new ArrayList<>();
    for (SeverityLevel level : LEVELS) {
      List<Measured> ofLevel =
          measured.stream().filter(m -> m.level().equals(Optional.of(level))).toList();
      OptionalInt target =
          Optional.ofNullable(targets.fixDays().get(level))
              .map(OptionalInt::of)
              .orElse(OptionalInt.empty());
      if (!ofLevel.isEmpty())
        bySeverity.add(new SeverityRow(level, target, stats(ofLevel, Step.FIX, targets)));
    }
    List<YearCounts> yearCounts = new ArrayList<>();
    counts.forEach(
        (year, row) ->
            yearCounts.add(new YearCounts(year, Map.copyOf(row), unrated.getOrDefault(year, 0))));
    return new ResponseStatistics(
        targets,
        List.copyOf(years),
        row("All years", measured, targets),
        List.copyOf(bySeverity),
        List.copyOf(yearCounts),
        withoutReport);
  }

  public boolean hasTimelines() {
    return overall.advisories() > 0;
  }

  /** The target for a step and severity, if the policy sets one. */
  public static OptionalInt target(
      ResponseTargets targets, Step step, Optional<SeverityLevel> level) {
    return switch (step) {
      case ACKNOWLEDGE -> targets.acknowledgeDays();
      case DISCLOSE -> targets.discloseDays();
      case FIX ->
          level.map(l -> targets.fixDays().get(l)).map(OptionalInt::of).orElse(OptionalInt.empty());
    };
  }

  private static YearRow row(String label, List<Measured> measured, ResponseTargets targets) {
    return new YearRow(
        label,
        measured.size(),
        stats(measured, Step.ACKNOWLEDGE, targets),
        stats(measured, Step.FIX, targets),
        stats(measured, Step.DISCLOSE, targets));
  }

  private static StepStats stats(List<Measured> measured, Step step, ResponseTargets targets) {
    List<Long> days = new ArrayList<>();
    int within = 0;
    int withTarget = 0;
    for (Measured m : measured) {
      Optional<Long> d = m.step(step);
      if (d.isEmpty()) continue;
      days.add(d.get());
      OptionalInt target = target(targets, step, m.level());
      if (target.isPresent()) {
        withTarget++;
        if (d.get() <= target.getAsInt()) within++;
      }
    }
    return days.isEmpty() ? StepStats.EMPTY : new StepStats(DaySpread.of(days), within, withTarget);
  }

  /** Whole calendar days (UTC) between the report and a later step; never negative. */
  private static long days(LocalDate from, Timestamp to) {
    return Math.max(0, ChronoUnit.DAYS.between(from, to.date()));
  }
}
