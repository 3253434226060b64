package dev.disclose.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.diagnostic.Rule;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A calendar file lists the team's holidays by date, named or not, and says what is wrong where.
 */
class HolidayCalendarTest {
  static final Path FILE = Path.of("calendars/berlin.yaml");

  @Test
  void readsHolidaysNamedByDate() {
    HolidayCalendar.Read read =
        HolidayCalendar.parse(
            "# Berlin\n2026-10-03: German Unity Day\n2026-12-25: Christmas Day\n", FILE);
    assertThat(read.diagnostics()).isEmpty();
    assertThat(read.holidays())
        .containsExactlyInAnyOrder(LocalDate.parse("2026-10-03"), LocalDate.parse("2026-12-25"));
  }

  @Test
  void readsAListOfDates() {
    HolidayCalendar.Read read = HolidayCalendar.parse("- 2026-12-24\n- 2027-01-01\n", FILE);
    assertThat(read.diagnostics()).isEmpty();
    assertThat(read.holidays()).hasSize(2).contains(LocalDate.parse("2027-01-01"));
  }

  @Test
  void anEmptyFileListsNoHolidays() {
    HolidayCalendar.Read read = HolidayCalendar.parse("# none this year\n", FILE);
    assertThat(read.diagnostics()).isEmpty();
    assertThat(read.holidays()).isEmpty();
  }

  @Test
  void aWrongDateOrShapeIsReportedAtItsLineInTheCalendarFile() {
    HolidayCalendar.Read read =
        HolidayCalendar.parse(
            "2026-10-03: German Unity Day\n2026-02-30: Not a day\n2026-12-25: [Christmas]\n", FILE);
    assertThat(read.diagnostics())
        .extracting(d -> d.file() + ":" + d.position().line() + " " + d.rule().code())
        .containsExactly("calendars/berlin.yaml:3 S002", "calendars/berlin.yaml:2 S004");
    assertThat(read.diagnostics().get(1).message())
        .isEqualTo("`2026-02-30` is not a date; write each holiday as a date, like 2026-12-25");
    assertThat(read.holidays())
        .containsExactlyInAnyOrder(LocalDate.parse("2026-10-03"), LocalDate.parse("2026-12-25"));
    assertThat(HolidayCalendar.parse("just text\n", FILE).diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.rule()).isEqualTo(Rule.WRONG_TYPE));
  }

  @Test
  void brokenYamlIsReportedAsYaml() {
    assertThat(HolidayCalendar.parse("2026-10-03: [\n", FILE).diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.rule()).isEqualTo(Rule.YAML_SYNTAX));
  }
}
