package dev.disclose.plan.response;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.config.HolidayCalendar;
import dev.disclose.config.WorkingDays;
import dev.disclose.plan.SiteTools;
import dev.disclose.testing.Golden;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's Response page as a golden file: its policy in working days in Berlin, with the city's
 * holidays from the demo's calendar file, measured on the demo's timelines (one acknowledgement
 * spans Christmas and one assessment a weekend, a holiday and a new year).
 */
class DemoResponsePageTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/demo/response_index.html");

  @TempDir Path temp;

  @Test
  void theDemosResponsePageMatchesItsGoldenFile() throws Exception {
    Path out = temp.resolve("site");
    SiteTools.buildDemo(out);
    String page = Files.readString(out.resolve("response/index.html"), StandardCharsets.UTF_8);
    assertThat(page).contains("Assessment (working days)");
    Golden.assertMatches(GOLDEN, page);
  }

  @Test
  void theDemosTimelinesCrossHolidaysOfItsCalendarFile() throws Exception {
    Path root = Path.of("..");
    assertThat(Files.readString(root.resolve("site-config.yaml"), StandardCharsets.UTF_8))
        .contains("holidays: docs/holidays-berlin.yaml");
    WorkingDays berlin =
        new WorkingDays(
            ZoneId.of("Europe/Berlin"),
            HolidayCalendar.parse(
                    Files.readString(
                        root.resolve("docs/holidays-berlin.yaml"), StandardCharsets.UTF_8),
                    Path.of("docs/holidays-berlin.yaml"))
                .holidays());
    String advisory =
        Files.readString(root.resolve("advisories/2025/DEMO-2025-0001.md"), StandardCharsets.UTF_8);
    assertThat(advisory)
        .contains("reported: 2024-12-23", "acknowledged: 2024-12-27", "assessed: 2025-01-03");
    // Monday to Friday over Christmas Eve, Christmas Day and the Second Day of Christmas.
    assertThat(berlin.between(LocalDate.parse("2024-12-23"), LocalDate.parse("2024-12-27")))
        .isEqualTo(1);
    // Into the new year, over New Year's Day too.
    assertThat(berlin.between(LocalDate.parse("2024-12-23"), LocalDate.parse("2025-01-03")))
        .isEqualTo(5);
  }
}
