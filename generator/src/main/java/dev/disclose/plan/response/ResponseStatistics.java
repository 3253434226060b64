package dev.disclose.plan.response;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Informational;
import dev.disclose.advisory.SeverityLevel;
import dev.disclose.advisory.Timestamp;
import dev.disclose.config.ResponseTarget;
import dev.disclose.config.ResponseTarget.Start;
import dev.disclose.config.SiteConfig.ResponseTargets;
import dev.disclose.config.WorkingDays;
import dev.disclose.severity.Rating;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How the project responded, measured from the public advisories' timelines: days to
 * acknowledgement, assessment, the fix and disclosure, each from the step the policy counts from
 * (the report unless it says otherwise), per year of publication, against the targets of the
 * security policy ({@code response_targets} in site-config.yaml), each step counted in the calendar
 * or working days its target uses.
 *
 * <p>Only what is public counts: the caller passes the catalog's advisories, so an embargoed
 * advisory cannot show up in a count or a median before its time. Withdrawn advisories, and
 * informational ones about an unmaintained package or a notice, are left out, since they were not
 * vulnerability reports; an unsound one is a vulnerability report and counts. Disclosure falls back
 * to the publication date when the timeline has no {@code disclosed} step: publishing the advisory
 * is the disclosure.
 */
public record ResponseStatistics(
    ResponseTargets targets,
    List<YearRow> years,
    YearRow overall,
    List<SeverityRow> fixBySeverity,
    List<YearCounts> counts,
    int withoutReport,
    int withoutDate) {

  /** The steps of the response, each measured in days from the step its target counts from. */
  public enum Step {
    ACKNOWLEDGE("acknowledgement"),
    ASSESS("assessment"),
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

  /**
   * One step across several advisories: the day counts, how many met their target, and how many
   * reported advisories do not record the step ({@code notRecorded}), left out of the figures.
   */
  public record StepStats(DaySpread summary, int withinTarget, int withTarget, int notRecorded) {

    /** "5 of 6", or empty when no advisory had a target to compare with. */
    public String withinTargetText() {
      return withTarget == 0 ? "" : withinTarget + " of " + withTarget;
    }
  }

  /** One year (or all years together). {@code advisories}: those with a reported date. */
  public record YearRow(
      String label,
      int advisories,
      StepStats acknowledge,
      StepStats assess,
      StepStats fix,
      StepStats disclose) {
    public StepStats step(Step step) {
      return switch (step) {
        case ACKNOWLEDGE -> acknowledge;
        case ASSESS -> assess;
        case FIX -> fix;
        case DISCLOSE -> disclose;
      };
    }
  }

  /** Time to fix for one severity, against its own target. */
  public record SeverityRow(SeverityLevel level, Optional<ResponseTarget> target, StepStats fix) {}

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

  /** One advisory's response: its dates in the team's time zone; empty where not recorded. */
  record Measured(
      int year,
      Optional<SeverityLevel> level,
      LocalDate reported,
      Optional<LocalDate> acknowledged,
      Optional<LocalDate> assessed,
      Optional<LocalDate> fixed,
      LocalDate disclosed) {
    /** Where {@code step} starts and ends for this advisory, if the timeline records both. */
    Optional<LocalDate[]> span(Step step, ResponseTargets targets) {
      Optional<LocalDate> end =
          switch (step) {
            case ACKNOWLEDGE -> acknowledged;
            case ASSESS -> assessed;
            case FIX -> fixed;
            case DISCLOSE -> Optional.of(disclosed);
          };
      Optional<LocalDate> begin =
          switch (start(targets, step)) {
            case REPORT -> Optional.of(reported);
            case ACKNOWLEDGEMENT -> acknowledged;
            case ASSESSMENT -> assessed;
            case FIX -> fixed;
          };
      return begin.flatMap(b -> end.map(e -> new LocalDate[] {b, e}));
    }
  }

  /** {@code advisories}: the public ones only (the catalog's). */
  public static ResponseStatistics of(List<Advisory> advisories, ResponseTargets targets) {
    List<Measured> measured = new ArrayList<>();
    TreeMap<Integer, EnumMap<SeverityLevel, Integer>> counts =
        new TreeMap<>(Comparator.reverseOrder());
    TreeMap<Integer, Integer> unrated = new TreeMap<>();
    int withoutReport = 0;
    int withoutDate = 0;
    for (Advisory a : advisories) {
      if (a.withdrawn().isPresent() || !isVulnerabilityReport(a)) continue;
      Optional<Timestamp> published = a.effectivePublished();
      // Counted by the year of publication, which an imported record may not know.
      if (published.isEmpty()) {
        withoutDate++;
        continue;
      }
      int year = published.get().date().getYear();
      Optional<SeverityLevel> level = Rating.of(a.severity());
      EnumMap<SeverityLevel, Integer> row =
          counts.computeIfAbsent(year, y -> new EnumMap<>(SeverityLevel.class));
      if (level.isPresent()) row.merge(level.get(), 1, Integer::sum);
      else unrated.merge(year, 1, Integer::sum);

      Optional<Timestamp> reported = a.timeline().reported();
      if (reported.isEmpty()) {
        withoutReport++;
        continue;
      }
      WorkingDays calendar = targets.calendar();
      measured.add(
          new Measured(
              year,
              level,
              localDate(calendar, reported.get()),
              a.timeline().acknowledged().map(t -> localDate(calendar, t)),
              a.timeline().assessed().map(t -> localDate(calendar, t)),
              a.timeline().fixed().map(t -> localDate(calendar, t)),
              localDate(calendar, a.timeline().disclosed().orElse(published.get()))));
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
      Optional<ResponseTarget> target = Optional.ofNullable(targets.fix().get(level));
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
        withoutReport,
        withoutDate);
  }

  public boolean hasTimelines() {
    return overall.advisories() > 0;
  }

  /**
   * Whether {@code a} reported a vulnerability: an unsound API is one, a notice or an unmaintained
   * package is not.
   */
  static boolean isVulnerabilityReport(Advisory a) {
    return a.informational().map(i -> i == Informational.UNSOUND).orElse(true);
  }

  /** The target for a step and severity, if the policy sets one. */
  public static Optional<ResponseTarget> target(
      ResponseTargets targets, Step step, Optional<SeverityLevel> level) {
    return switch (step) {
      case ACKNOWLEDGE -> targets.acknowledge();
      case ASSESS -> targets.assess();
      case DISCLOSE -> targets.disclose();
      case FIX -> level.map(l -> targets.fix().get(l)).or(() -> oneFixTarget(targets));
    };
  }

  /**
   * The fix target when the policy sets one for every severity alike, which binds unrated
   * advisories too.
   */
  public static Optional<ResponseTarget> oneFixTarget(ResponseTargets targets) {
    return targets.fix().size() == SeverityLevel.values().length
            && targets.fix().values().stream().distinct().count() == 1
        ? Optional.of(targets.fix().values().iterator().next())
        : Optional.empty();
  }

  /**
   * The unit a step's figures are in: its targets' unit when they count the same days, else
   * calendar days (an advisory is still compared with its own target in that target's unit).
   */
  public static ResponseTarget.Unit unit(ResponseTargets targets, Step step) {
    List<ResponseTarget> all = targetsOf(targets, step);
    return all.isEmpty()
            || all.stream()
                .anyMatch(t -> t.unit().skipsDaysOff() != all.get(0).unit().skipsDaysOff())
        ? ResponseTarget.Unit.CALENDAR
        : all.get(0).unit();
  }

  /**
   * The step a step's days are counted from: the one its targets name (every fix target names the
   * same one), else the report.
   */
  public static Start start(ResponseTargets targets, Step step) {
    List<ResponseTarget> all = targetsOf(targets, step);
    return all.isEmpty() ? Start.REPORT : all.get(0).from();
  }

  private static List<ResponseTarget> targetsOf(ResponseTargets targets, Step step) {
    return step == Step.FIX
        ? List.copyOf(targets.fix().values())
        : target(targets, step, Optional.empty()).stream().toList();
  }

  private static YearRow row(String label, List<Measured> measured, ResponseTargets targets) {
    return new YearRow(
        label,
        measured.size(),
        stats(measured, Step.ACKNOWLEDGE, targets),
        stats(measured, Step.ASSESS, targets),
        stats(measured, Step.FIX, targets),
        stats(measured, Step.DISCLOSE, targets));
  }

  private static StepStats stats(List<Measured> measured, Step step, ResponseTargets targets) {
    ResponseTarget.Unit unit = unit(targets, step);
    WorkingDays calendar = targets.calendar();
    List<Long> days = new ArrayList<>();
    int within = 0;
    int withTarget = 0;
    int notRecorded = 0;
    for (Measured m : measured) {
      Optional<LocalDate[]> span = m.span(step, targets);
      if (span.isEmpty()) {
        notRecorded++;
        continue;
      }
      LocalDate from = span.get()[0];
      LocalDate to = span.get()[1];
      days.add(unit.between(calendar, from, to));
      Optional<ResponseTarget> target = target(targets, step, m.level());
      if (target.isPresent()) {
        withTarget++;
        if (target.get().unit().between(calendar, from, to) <= target.get().days()) within++;
      }
    }
    return new StepStats(DaySpread.of(days), within, withTarget, notRecorded);
  }

  /** The team's date of a timeline step: a date as written, an instant in the team's time zone. */
  private static LocalDate localDate(WorkingDays calendar, Timestamp t) {
    return t.dateOnly() ? t.date() : calendar.localDate(t.instant());
  }
}
