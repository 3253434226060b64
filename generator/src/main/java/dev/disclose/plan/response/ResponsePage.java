package dev.disclose.plan.response;

import dev.disclose.advisory.SeverityLevel;
import dev.disclose.config.ResponseTarget;
import dev.disclose.config.SiteConfig.ResponseTargets;
import dev.disclose.markdown.SafeHtml;
import dev.disclose.plan.response.ResponseStatistics.Step;
import dev.disclose.plan.response.ResponseStatistics.StepStats;
import dev.disclose.plan.response.ResponseStatistics.YearRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** The "Response" page's view: a {@link ResponseStatistics} as tables, sentences and SVG charts. */
public final class ResponsePage {
  private ResponsePage() {}

  /** One step in a table row: median and 90th percentile days, and how many met the target. */
  public record Cell(String median, String p90, String withinTarget) {}

  public record Row(
      String label, int advisories, Cell acknowledge, Cell assess, Cell fix, Cell disclose) {}

  public record SeverityRowView(
      String level, String label, String target, int advisories, Cell fix) {}

  /** A chart and the heading of the figure it sits in. */
  public record Chart(String id, String caption, SafeHtml svg) {}

  /** One year's advisories by severity, in the order of {@code View.severityColumns}. */
  public record CountRow(String year, List<Integer> counts, int total) {}

  /**
   * One promise of the policy beside what was measured against it over all years: the step, the
   * promise as a sentence, the policy's own words for it (empty where the site quotes none), and
   * the median, 90th percentile and within-target count in the promise's unit.
   */
  public record Promise(
      String step, String target, String wording, String median, String p90, String withinTarget) {}

  public record View(
      boolean hasTimelines,
      List<Promise> promises,
      List<String> stepUnits,
      boolean showsAssessment,
      List<String> notRecorded,
      List<Row> rows,
      Row overall,
      List<Chart> stepCharts,
      List<SeverityRowView> fixBySeverity,
      Optional<Chart> fixBySeverityChart,
      List<String> severityColumns,
      List<CountRow> counts,
      Optional<Chart> countsChart,
      int withoutReport,
      int withoutDate) {
    /** What the policy promises, one sentence a step. */
    public List<String> targets() {
      return promises.stream().map(Promise::target).toList();
    }
  }

  private static final List<SvgChart.Series> MEDIAN_P90 =
      List.of(
          new SvgChart.Series("median", "fill-median"),
          new SvgChart.Series("90th percentile", "fill-p90"));

  public static View of(ResponseStatistics report) {
    ResponseTargets t = report.targets();
    List<Promise> promises = promises(report);
    List<String> stepUnits = new ArrayList<>();
    List<String> notRecorded = new ArrayList<>();
    // Assessment is a column only where the policy promises it or a timeline records it.
    StepStats assessed = report.overall().assess();
    boolean showsAssessment =
        t.assess().isPresent() || assessed.notRecorded() < report.overall().advisories();
    for (Step step : Step.values()) {
      stepUnits.add(ResponseStatistics.unit(t, step).plural());
      if (step == Step.ASSESS && !showsAssessment) continue;
      int missing = report.overall().step(step).notRecorded();
      if (missing > 0)
        notRecorded.add(
            (missing == 1 ? "1 advisory records" : missing + " advisories record")
                + " no "
                + missingDates(t, step)
                + " date and "
                + (missing == 1 ? "is" : "are")
                + " left out of the "
                + step.noun()
                + " figures (not recorded).");
    }

    List<Row> rows = report.years().stream().map(ResponsePage::row).toList();
    List<Chart> stepCharts = new ArrayList<>();
    if (report.hasTimelines()) {
      for (Step step : Step.values()) {
        List<SvgChart.Group> groups = new ArrayList<>();
        // Oldest year on the left, as a time axis reads.
        for (YearRow y : reversed(report.years())) {
          StepStats s = y.step(step);
          Optional<ResponseTarget> target =
              step == Step.FIX
                  ? Optional.empty()
                  : ResponseStatistics.target(t, step, Optional.empty());
          groups.add(new SvgChart.Group(y.label(), values(s), toDouble(target)));
        }
        if (groups.stream().allMatch(g -> g.values().stream().allMatch(OptionalDouble::isEmpty)))
          continue;
        String id = "chart-" + step.name().toLowerCase(Locale.ROOT);
        ResponseTarget.Unit unit = ResponseStatistics.unit(t, step);
        String from = ResponseStatistics.start(t, step).noun();
        String title =
            capitalized(unit.plural()) + " from " + from + " to " + step.noun() + ", by year";
        stepCharts.add(
            new Chart(
                id,
                title,
                SvgChart.render(
                    new SvgChart.Spec(
                        id,
                        title,
                        "Median and 90th percentile of the "
                            + unit.plural()
                            + " from "
                            + from
                            + " to "
                            + step.noun()
                            + (step == Step.FIX
                                ? " (targets depend on severity, see below)."
                                : ", by year of publication."),
                        SvgChart.Layout.GROUPED,
                        MEDIAN_P90,
                        groups,
                        unit.singular(),
                        unit.plural()))));
      }
    }

    List<SeverityRowView> bySeverity = new ArrayList<>();
    List<SvgChart.Group> severityGroups = new ArrayList<>();
    for (ResponseStatistics.SeverityRow r : report.fixBySeverity()) {
      String label = r.level().label();
      bySeverity.add(
          new SeverityRowView(
              r.level().spelling(),
              label,
              r.target().map(ResponseTarget::text).orElse(""),
              r.fix().summary().count(),
              cell(r.fix())));
      severityGroups.add(new SvgChart.Group(label, values(r.fix()), toDouble(r.target())));
    }
    Optional<Chart> severityChart = Optional.empty();
    if (bySeverity.stream().anyMatch(r -> r.advisories() > 0)) {
      ResponseTarget.Unit unit = ResponseStatistics.unit(t, Step.FIX);
      String title = capitalized(unit.plural()) + " from report to fix, by severity";
      severityChart =
          Optional.of(
              new Chart(
                  "chart-fix-severity",
                  title,
                  SvgChart.render(
                      new SvgChart.Spec(
                          "chart-fix-severity",
                          title,
                          "Median and 90th percentile of the "
                              + unit.plural()
                              + " from report to fix, against each severity's target.",
                          SvgChart.Layout.GROUPED,
                          MEDIAN_P90,
                          severityGroups,
                          unit.singular(),
                          unit.plural()))));
    }

    // Advisories by year and severity: only the columns some year uses.
    List<SeverityLevel> levels =
        ResponseStatistics.LEVELS.stream()
            .filter(l -> report.counts().stream().anyMatch(c -> c.count(l) > 0))
            .toList();
    boolean anyUnrated = report.counts().stream().anyMatch(c -> c.unrated() > 0);
    List<String> columns = new ArrayList<>(levels.stream().map(l -> l.label()).toList());
    if (anyUnrated) columns.add("Unrated");
    List<SvgChart.Series> series =
        new ArrayList<>(
            levels.stream()
                .map(l -> new SvgChart.Series(l.label(), "fill-" + l.spelling()))
                .toList());
    if (anyUnrated) series.add(new SvgChart.Series("Unrated", "fill-unrated"));
    List<CountRow> counts = new ArrayList<>();
    List<SvgChart.Group> countGroups = new ArrayList<>();
    for (ResponseStatistics.YearCounts c : report.counts()) {
      List<Integer> cells = new ArrayList<>(levels.stream().map(c::count).toList());
      if (anyUnrated) cells.add(c.unrated());
      counts.add(new CountRow(String.valueOf(c.year()), List.copyOf(cells), c.total()));
    }
    for (CountRow c : reversed(counts)) {
      countGroups.add(
          new SvgChart.Group(
              c.year(),
              c.counts().stream()
                  .map(n -> n == 0 ? OptionalDouble.empty() : OptionalDouble.of(n))
                  .toList(),
              OptionalDouble.empty()));
    }
    Optional<Chart> countsChart = Optional.empty();
    if (!counts.isEmpty()) {
      String title = "Advisories by year and severity";
      countsChart =
          Optional.of(
              new Chart(
                  "chart-severity-years",
                  title,
                  SvgChart.render(
                      new SvgChart.Spec(
                          "chart-severity-years",
                          title,
                          "Advisories published each year, stacked by severity.",
                          SvgChart.Layout.STACKED,
                          series,
                          countGroups,
                          "advisory",
                          "advisories"))));
    }

    return new View(
        report.hasTimelines(),
        promises,
        List.copyOf(stepUnits),
        showsAssessment,
        List.copyOf(notRecorded),
        rows,
        row(report.overall()),
        List.copyOf(stepCharts),
        List.copyOf(bySeverity),
        severityChart,
        List.copyOf(columns),
        List.copyOf(counts),
        countsChart,
        report.withoutReport(),
        report.withoutDate());
  }

  private static Row row(YearRow y) {
    return new Row(
        y.label(),
        y.advisories(),
        cell(y.acknowledge()),
        cell(y.assess()),
        cell(y.fix()),
        cell(y.disclose()));
  }

  private static Cell cell(StepStats s) {
    return new Cell(
        orDash(s.summary().medianText()),
        orDash(s.summary().p90Text()),
        orDash(s.withinTargetText()));
  }

  /** A table cell with nothing to show says so, rather than looking like a rendering fault. */
  private static String orDash(String s) {
    return s.isEmpty() ? "—" : s;
  }

  private static List<OptionalDouble> values(StepStats s) {
    return s.summary().isEmpty()
        ? List.of(OptionalDouble.empty(), OptionalDouble.empty())
        : List.of(OptionalDouble.of(s.summary().median()), OptionalDouble.of(s.summary().p90()));
  }

  private static OptionalDouble toDouble(Optional<ResponseTarget> t) {
    return t.isPresent() ? OptionalDouble.of(t.get().days()) : OptionalDouble.empty();
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }

  /**
   * What the policy promises, one sentence a step, beside the policy's words and the figures over
   * all years; a fix target the same for every severity reads as one figure.
   */
  static List<Promise> promises(ResponseStatistics report) {
    ResponseTargets t = report.targets();
    List<Promise> promises = new ArrayList<>();
    for (Step step : Step.values()) {
      Optional<ResponseTarget> any =
          step == Step.FIX
              ? t.fix().values().stream().findFirst()
              : ResponseStatistics.target(t, step, Optional.empty());
      if (any.isEmpty()) continue;
      String from = " of the " + any.get().from().noun();
      // "Acknowledge a report within 2 days" already says where the days start.
      String after = any.get().from() == ResponseTarget.Start.REPORT ? "" : from;
      String sentence =
          switch (step) {
            case ACKNOWLEDGE -> "Acknowledge a report within " + any.get().text() + after + ".";
            case ASSESS -> "Assess a report within " + any.get().text() + after + ".";
            case FIX -> fixSentence(t, from);
            case DISCLOSE -> "Disclose within " + any.get().text() + from + ".";
          };
      ResponseTarget.Unit unit = ResponseStatistics.unit(t, step);
      StepStats s = report.overall().step(step);
      promises.add(
          new Promise(
              capitalized(step.noun()),
              sentence,
              any.get().wording().orElse(""),
              s.summary().isEmpty() ? "—" : unit.count(s.summary().median()),
              s.summary().isEmpty() ? "—" : unit.count(s.summary().p90()),
              orDash(s.withinTargetText())));
    }
    return List.copyOf(promises);
  }

  /** The dates a step's figures need: "fix", or "assessment or fix" when counted from one. */
  private static String missingDates(ResponseTargets t, Step step) {
    ResponseTarget.Start start = ResponseStatistics.start(t, step);
    if (step == Step.DISCLOSE) return start.noun();
    return start == ResponseTarget.Start.REPORT ? step.noun() : start.noun() + " or " + step.noun();
  }

  private static String fixSentence(ResponseTargets t, String from) {
    Optional<ResponseTarget> oneFix = ResponseStatistics.oneFixTarget(t);
    if (oneFix.isPresent()) return "Fix within " + oneFix.get().text() + from + ".";
    List<String> fix = new ArrayList<>();
    for (SeverityLevel l : ResponseStatistics.LEVELS) {
      ResponseTarget d = t.fix().get(l);
      if (d != null) fix.add(l.spelling() + " " + d.text());
    }
    return "Fix within " + String.join(", ", fix) + from + ", by severity.";
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
