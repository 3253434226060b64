package dev.disclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code holidays} may name a calendar file in the repository: its holidays are left out of the
 * working days the Response page counts, and a missing, escaping or malformed calendar is a finding
 * at its line.
 */
class HolidayCalendarFileTest {
  @TempDir Path temp;

  /** A site whose one advisory was reported on a Thursday and acknowledged on the Monday. */
  private Path site(String holidays) throws IOException {
    Path root = temp.resolve("site");
    TestSites.write(
        root,
        "site-config.yaml",
        TestSites.CONFIG
            + "holidays: calendars/team.yaml\n"
            + "response_targets:\n  acknowledge: 1 working day\n");
    TestSites.write(root, "calendars/team.yaml", holidays);
    TestSites.write(
        root,
        "advisories/2025/DEMO-2025-0001.md",
        TestSites.validAdvisory("DEMO-2025-0001")
            .replace(
                "published: 2025-03-04\n",
                "published: 2025-03-04\ntimeline:\n  reported: 2025-02-20\n"
                    + "  acknowledged: 2025-02-24\n"));
    return root;
  }

  private static String responsePage(Path root) throws IOException {
    CliRun build = CliRun.in(root, "build");
    assertThat(build.exitCode()).as(build.err()).isZero();
    return Files.readString(root.resolve("_site/response/index.html"), StandardCharsets.UTF_8);
  }

  @Test
  void theCalendarsHolidaysAreNotWorkingDays() throws IOException {
    String withHoliday = responsePage(site("2025-02-21: Team day off\n"));
    String without = responsePage(site("2025-12-25: Christmas Day\n"));
    assertThat(withHoliday)
        .contains("<td class=\"num\">1 working day</td>")
        .contains("<td class=\"num\">1 of 1</td>");
    assertThat(without)
        .contains("<td class=\"num\">2 working days</td>")
        .contains("<td class=\"num\">0 of 1</td>");
  }

  @Test
  void aWrongDateIsReportedAtItsLineInTheCalendar() throws IOException {
    Path root = site("2025-02-21: Team day off\n2025-02-30: Not a day\n");
    CliRun run = CliRun.in(root, "validate");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out() + run.err())
        .contains("calendars/team.yaml:2:1: error[S004]: `2025-02-30` is not a date");
  }

  @Test
  void aMissingCalendarIsReportedAtTheLineThatNamesIt() throws IOException {
    Path root = site("");
    Files.delete(root.resolve("calendars/team.yaml"));
    CliRun run = CliRun.in(root, "validate");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out() + run.err())
        .contains(
            "site-config.yaml:5:11: error[F009]: `holidays` names `calendars/team.yaml`, which"
                + " does not exist");
  }

  @Test
  void aCalendarThatLeadsOutOfTheSiteIsRefused() throws IOException {
    Path root = site("");
    Path outside = TestSites.write(temp, "secret.yaml", "2025-02-21: x\n");
    Files.delete(root.resolve("calendars/team.yaml"));
    Files.createSymbolicLink(root.resolve("calendars/team.yaml"), outside);
    CliRun run = CliRun.in(root, "validate");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out() + run.err())
        .contains("site-config.yaml:5:11: error[F008]: `holidays` names `calendars/team.yaml`");
    assertThat(run.out() + run.err()).doesNotContain("secret");
  }
}
