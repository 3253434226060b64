package dev.disclose.plan.response;

import static dev.disclose.plan.response.ResponseStatisticsTest.advisory;
import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.advisory.Advisory;
import dev.disclose.config.SiteConfigLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Response page of sites whose policies promise what real projects promise, each measured in
 * the days the policy counts.
 */
class PolicyConfigurationsTest {
  static ResponsePage.View page(String config, List<Advisory> advisories) {
    SiteConfigLoader.Loaded loaded =
        SiteConfigLoader.parse(
            "title: T\nbase_url: https://example.org/\nid_prefix: TEST\n"
                + "security_contact: mailto:s@example.org\n"
                + config,
            Path.of("site-config.yaml"),
            List.of());
    assertThat(loaded.diagnostics()).isEmpty();
    return ResponsePage.of(ResponseStatistics.of(advisories, loaded.config().responseTargets()));
  }

  static String timeline(String... steps) {
    StringBuilder s = new StringBuilder("timeline:\n");
    for (int i = 0; i < steps.length; i += 2) {
      s.append("  ").append(steps[i]).append(": ").append(steps[i + 1]).append('\n');
    }
    return s.toString();
  }

  @Test
  void threeWorkingDaysToAcknowledge() {
    ResponsePage.View view =
        page(
            "response_targets:\n  acknowledge: 3 working days\n",
            List.of(
                // Friday to Wednesday: 3 working days, 5 calendar days.
                advisory(
                    "T-2026-0001",
                    "published: 2026-12-20\ninformational: unsound\n"
                        + timeline("reported", "2026-12-04", "acknowledged", "2026-12-09")),
                // Monday to Friday: 4 working days.
                advisory(
                    "T-2026-0002",
                    "published: 2026-12-20\n"
                        + timeline("reported", "2026-11-23", "acknowledged", "2026-11-27")),
                advisory(
                    "T-2026-0003", "published: 2026-12-20\n" + timeline("reported", "2026-12-01")),
                advisory(
                    "T-2026-0004",
                    "published: 2026-12-20\ninformational: notice\n"
                        + timeline("reported", "2026-12-01", "acknowledged", "2026-12-30"))));
    assertThat(view.targets()).containsExactly("Acknowledge a report within 3 working days.");
    assertThat(view.stepUnits()).containsExactly("working days", "days", "days", "days");
    assertThat(view.overall().advisories()).isEqualTo(3);
    assertThat(view.overall().acknowledge()).isEqualTo(new ResponsePage.Cell("3.5", "4", "1 of 2"));
    assertThat(view.notRecorded())
        .contains(
            "1 advisory records no acknowledgement date and is left out of the acknowledgement"
                + " figures (not recorded).");
    assertThat(view.stepCharts().get(0).caption())
        .isEqualTo("Working days from report to acknowledgement, by year");
  }

  @Test
  void oneBusinessDayToAcknowledgeAndFiveToAssessInTheTeamsCalendar() {
    ResponsePage.View view =
        page(
            "time_zone: Europe/Berlin\nholidays: [2026-12-24, 2026-12-25, 2027-01-01]\n"
                + "response_targets:\n"
                + "  acknowledge:\n    within: 1 business day\n    wording: a non-automated"
                + " acknowledgement reply within 1 business day\n"
                + "  assess: {within: 5 business days, wording: an initial assessment of the issue"
                + " within 5 business days}\n",
            List.of(
                // Friday just after midnight in Berlin (Thursday in UTC) to Monday: 1 working day.
                advisory(
                    "T-2027-0001",
                    "published: 2027-01-10\n"
                        + timeline(
                            "reported",
                            "2026-12-03T23:30:00Z",
                            "acknowledged",
                            "2026-12-07T08:00:00Z",
                            // Friday to the next Friday: 5 working days.
                            "assessed",
                            "2026-12-11")),
                // Wednesday 23rd to Monday 28th, over two holidays: 1 working day.
                advisory(
                    "T-2027-0002",
                    "published: 2027-01-10\n"
                        + timeline(
                            "reported",
                            "2026-12-23",
                            "acknowledged",
                            "2026-12-28",
                            // Over two holidays, a weekend and New Year's Day: 6 working days.
                            "assessed",
                            "2027-01-05")),
                // Wednesday 30th to Monday 4th, over New Year's Day: 2 working days.
                advisory(
                    "T-2027-0003",
                    "published: 2027-01-10\n"
                        + timeline("reported", "2026-12-30", "acknowledged", "2027-01-04"))));
    assertThat(view.targets())
        .containsExactly(
            "Acknowledge a report within 1 business day.",
            "Assess a report within 5 business days.");
    assertThat(view.overall().acknowledge()).isEqualTo(new ResponsePage.Cell("1", "2", "2 of 3"));
    assertThat(view.promises())
        .containsExactly(
            new ResponsePage.Promise(
                "Acknowledgement",
                "Acknowledge a report within 1 business day.",
                "a non-automated acknowledgement reply within 1 business day",
                "1 business day",
                "2 business days",
                "2 of 3"),
            new ResponsePage.Promise(
                "Assessment",
                "Assess a report within 5 business days.",
                "an initial assessment of the issue within 5 business days",
                "5.5 business days",
                "6 business days",
                "1 of 2"));
    assertThat(view.stepUnits()).startsWith("business days", "business days");
    // The third records no assessment: left out of the figures, and said so.
    assertThat(view.showsAssessment()).isTrue();
    assertThat(view.overall().assess()).isEqualTo(new ResponsePage.Cell("5.5", "6", "1 of 2"));
    assertThat(view.notRecorded())
        .contains(
            "1 advisory records no assessment date and is left out of the assessment figures"
                + " (not recorded).");
  }

  @Test
  void sevenCalendarDaysFromReportToDisclosureAndOneFixTarget() {
    ResponsePage.View view =
        page(
            "response_targets:\n  fix: 90\n  disclose: 7 days\n",
            List.of(
                advisory(
                    "T-2026-0001",
                    "published: 2026-11-09\n"
                        + timeline("reported", "2026-11-02", "fixed", "2026-11-06")),
                // Without a disclosed step, publication is the disclosure: 18 days.
                advisory(
                    "T-2026-0002",
                    "published: 2026-11-20\n" + timeline("reported", "2026-11-02"))));
    assertThat(view.targets())
        .containsExactly(
            "Fix within 90 days of the report.", "Disclose within 7 days of the report.");
    assertThat(view.overall().disclose()).isEqualTo(new ResponsePage.Cell("12.5", "18", "1 of 2"));
    assertThat(view.overall().fix()).isEqualTo(new ResponsePage.Cell("4", "4", "1 of 1"));
    assertThat(view.notRecorded())
        .containsExactly(
            "2 advisories record no acknowledgement date and are left out of the acknowledgement"
                + " figures (not recorded).",
            "1 advisory records no fix date and is left out of the fix figures (not recorded).");
  }

  @Test
  void disclosureCountedFromTheFixWhenThePolicySaysSo() {
    ResponsePage.View view =
        page(
            "response_targets:\n  disclose: 7 days from the fix\n",
            List.of(
                advisory(
                    "T-2026-0001",
                    "published: 2026-11-20\n"
                        + timeline(
                            "reported",
                            "2026-11-02",
                            "fixed",
                            "2026-11-05",
                            "disclosed",
                            "2026-11-12")),
                advisory(
                    "T-2026-0002",
                    "published: 2026-11-20\n" + timeline("reported", "2026-11-02"))));
    assertThat(view.targets()).containsExactly("Disclose within 7 days of the fix.");
    assertThat(view.overall().disclose()).isEqualTo(new ResponsePage.Cell("7", "7", "1 of 1"));
    assertThat(view.stepCharts())
        .extracting(ResponsePage.Chart::caption)
        .contains("Days from fix to disclosure, by year");
  }

  @Test
  void assessmentFromTheAcknowledgementAndFixFromTheAssessment() {
    ResponsePage.View view =
        page(
            "response_targets:\n  assess: 3 working days from the acknowledgement\n"
                + "  fix: 10 working days from the assessment\n",
            List.of(
                // Acknowledged on Friday, assessed on Wednesday: 3 working days; fixed ten
                // working days after that, two weeks later.
                advisory(
                    "T-2026-0001",
                    "published: 2026-12-01\n"
                        + timeline(
                            "reported",
                            "2026-11-02",
                            "acknowledged",
                            "2026-11-06",
                            "assessed",
                            "2026-11-11",
                            "fixed",
                            "2026-11-25")),
                // No acknowledgement: the assessment cannot be measured from it.
                advisory(
                    "T-2026-0002",
                    "published: 2026-12-01\n"
                        + timeline("reported", "2026-11-02", "assessed", "2026-11-03"))));
    assertThat(view.targets())
        .containsExactly(
            "Assess a report within 3 working days of the acknowledgement.",
            "Fix within 10 working days of the assessment.");
    assertThat(view.overall().assess()).isEqualTo(new ResponsePage.Cell("3", "3", "1 of 1"));
    assertThat(view.overall().fix()).isEqualTo(new ResponsePage.Cell("10", "10", "1 of 1"));
    assertThat(view.notRecorded())
        .contains(
            "1 advisory records no acknowledgement or assessment date and is left out of the"
                + " assessment figures (not recorded).",
            "1 advisory records no assessment or fix date and is left out of the fix figures"
                + " (not recorded).");
    assertThat(view.stepCharts())
        .extracting(ResponsePage.Chart::caption)
        .contains(
            "Working days from acknowledgement to assessment, by year",
            "Working days from assessment to fix, by year");
  }
}
