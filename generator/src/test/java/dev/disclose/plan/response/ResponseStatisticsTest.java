package dev.disclose.plan.response;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryParser;
import dev.disclose.advisory.SeverityLevel;
import dev.disclose.config.ResponseTarget;
import dev.disclose.config.SiteConfig.ResponseTargets;
import dev.disclose.config.WorkingDays;
import dev.disclose.plan.response.ResponseStatistics.YearRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResponseStatisticsTest {
  static ResponseTarget days(int n) {
    return new ResponseTarget(n, ResponseTarget.Unit.CALENDAR);
  }

  static final ResponseTargets TARGETS =
      new ResponseTargets(
          Optional.of(days(2)),
          Optional.empty(),
          Map.of(
              SeverityLevel.CRITICAL,
              days(14),
              SeverityLevel.HIGH,
              days(30),
              SeverityLevel.MEDIUM,
              days(60)),
          Optional.of(days(90)),
          WorkingDays.UTC);
  static final String HIGH = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N";
  static final String CRITICAL = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

  static Advisory advisory(String id, String frontMatter) {
    String text =
        "---\nid: "
            + id
            + "\ntitle: Test advisory "
            + id
            + "\n"
            + frontMatter
            + "affected:\n  - ecosystem: PyPI\n    package: demo\n    ranges:\n      - fixed: 1.0.1\n---\nDetails.\n";
    AdvisoryParser.Parsed parsed = AdvisoryParser.parse(text, Path.of(id + ".md"), id + ".md");
    assertThat(parsed.advisory()).as(parsed.diagnostics().toString()).isPresent();
    return parsed.advisory().get();
  }

  static String timeline(String reported, String acknowledged, String fixed, String disclosed) {
    StringBuilder s = new StringBuilder("timeline:\n  reported: " + reported + "\n");
    if (acknowledged != null) s.append("  acknowledged: ").append(acknowledged).append('\n');
    if (fixed != null) s.append("  fixed: ").append(fixed).append('\n');
    if (disclosed != null) s.append("  disclosed: ").append(disclosed).append('\n');
    return s.toString();
  }

  @Test
  void measuresEachStepInDaysFromTheReportPerYearOfPublication() {
    List<Advisory> all =
        List.of(
            advisory(
                "T-2025-0001",
                "published: 2025-03-04\nseverity: "
                    + HIGH
                    + "\n"
                    + timeline("2025-02-01", "2025-02-02", "2025-02-20", "2025-03-04")),
            advisory(
                "T-2025-0002",
                "published: 2025-06-10\nseverity: "
                    + CRITICAL
                    + "\n"
                    + timeline("2025-05-01", "2025-05-06", "2025-05-21", "2025-06-10")),
            advisory(
                "T-2024-0001",
                "published: 2024-12-02\nseverity: "
                    + HIGH
                    + "\n"
                    + timeline("2024-11-01", "2024-11-01", "2024-11-11", null)));
    ResponseStatistics report = ResponseStatistics.of(all, TARGETS);

    assertThat(report.years()).extracting(YearRow::label).containsExactly("2025", "2024");
    YearRow y2025 = report.years().get(0);
    assertThat(y2025.advisories()).isEqualTo(2);
    // Acknowledged after 1 and 5 days: median 3, p90 5; only the first within 2 days.
    assertThat(y2025.acknowledge().summary().median()).isEqualTo(3);
    assertThat(y2025.acknowledge().summary().p90()).isEqualTo(5);
    assertThat(y2025.acknowledge().withinTargetText()).isEqualTo("1 of 2");
    // Fixed after 19 days (high, target 30) and 20 days (critical, target 14).
    assertThat(y2025.fix().summary().median()).isEqualTo(19.5);
    assertThat(y2025.fix().withinTargetText()).isEqualTo("1 of 2");
    // Without a disclosed step, publication is the disclosure: 2024-11-01 → 2024-12-02 is 31 days.
    assertThat(report.years().get(1).disclose().summary().median()).isEqualTo(31);
    assertThat(report.overall().advisories()).isEqualTo(3);
    assertThat(report.overall().acknowledge().summary().count()).isEqualTo(3);

    assertThat(report.fixBySeverity())
        .extracting(r -> r.level())
        .containsExactly(SeverityLevel.CRITICAL, SeverityLevel.HIGH);
    assertThat(report.fixBySeverity().get(0).target()).hasValue(days(14));
    assertThat(report.fixBySeverity().get(0).fix().withinTargetText()).isEqualTo("0 of 1");
  }

  @Test
  void withdrawnInformationalAndUndatedAdvisoriesAreNotMeasured() {
    List<Advisory> all =
        List.of(
            advisory(
                "T-2025-0001",
                "published: 2025-03-04\nseverity: "
                    + HIGH
                    + "\n"
                    + timeline("2025-02-01", "2025-02-02", null, null)),
            advisory(
                "T-2025-0002",
                "published: 2025-04-04\nstatus: withdrawn\nwithdrawn:\n  date: 2025-04-10\n  reason: Not a vulnerability.\n"
                    + "severity: "
                    + CRITICAL
                    + "\n"
                    + timeline("2025-01-01", "2025-03-30", null, null)),
            advisory("T-2025-0003", "published: 2025-05-04\n"),
            advisory(
                "T-2025-0004",
                "published: 2025-06-04\ninformational: unmaintained\n"
                    + timeline("2025-06-01", "2025-06-02", null, "2025-06-04")));
    ResponseStatistics report = ResponseStatistics.of(all, TARGETS);

    assertThat(report.overall().advisories()).isEqualTo(1);
    assertThat(report.overall().acknowledge().summary().p90()).isEqualTo(1);
    assertThat(report.overall().fix().summary().isEmpty()).isTrue();
    assertThat(report.withoutReport()).isEqualTo(1);
    // Counted by severity: the high one and the unrated one; never the withdrawn or informational
    // one.
    assertThat(report.counts())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.year()).isEqualTo(2025);
              assertThat(c.count(SeverityLevel.HIGH)).isEqualTo(1);
              assertThat(c.count(SeverityLevel.CRITICAL)).isZero();
              assertThat(c.unrated()).isEqualTo(1);
              assertThat(c.total()).isEqualTo(2);
            });
  }

  @Test
  void anAdvisoryOfUnknownPublicationDateIsCountedAsLeftOut() {
    ResponseStatistics report =
        ResponseStatistics.of(
            List.of(
                advisory(
                    "T-2023-0097",
                    "severity: "
                        + HIGH
                        + "\n"
                        + timeline("2023-02-01", "2023-02-02", "2023-02-20", null))),
            TARGETS);
    assertThat(report.counts()).isEmpty();
    assertThat(report.hasTimelines()).isFalse();
    assertThat(report.withoutDate()).isEqualTo(1);
    assertThat(ResponsePage.of(report).withoutDate()).isEqualTo(1);
  }

  @Test
  void noAdvisoriesGiveAnEmptyReportAndAPageWithoutCharts() {
    ResponseStatistics report = ResponseStatistics.of(List.of(), ResponseTargets.NONE);
    assertThat(report.hasTimelines()).isFalse();
    ResponsePage.View view = ResponsePage.of(report);
    assertThat(view.stepCharts()).isEmpty();
    assertThat(view.countsChart()).isEmpty();
    assertThat(view.targets()).isEmpty();
  }

  @Test
  void thePageStatesTheTargetsAndDrawsAChartPerStep() {
    List<Advisory> all =
        List.of(
            advisory(
                "T-2025-0001",
                "published: 2025-03-04\nseverity: "
                    + HIGH
                    + "\n"
                    + timeline("2025-02-01", "2025-02-02", "2025-02-20", "2025-03-04")));
    ResponsePage.View view = ResponsePage.of(ResponseStatistics.of(all, TARGETS));
    assertThat(view.targets())
        .containsExactly(
            "Acknowledge a report within 2 days.",
            "Fix within critical 14 days, high 30 days, medium 60 days of the report, by severity.",
            "Disclose within 90 days of the report.");
    assertThat(view.stepCharts())
        .extracting(ResponsePage.Chart::id)
        .containsExactly("chart-acknowledge", "chart-fix", "chart-disclose");
    assertThat(view.rows())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.acknowledge()).isEqualTo(new ResponsePage.Cell("1", "1", "1 of 1"));
              assertThat(r.fix()).isEqualTo(new ResponsePage.Cell("19", "19", "1 of 1"));
            });
    assertThat(view.severityColumns()).containsExactly("High");
  }
}
