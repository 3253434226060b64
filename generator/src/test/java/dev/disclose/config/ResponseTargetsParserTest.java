package dev.disclose.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.advisory.SeverityLevel;
import dev.disclose.config.ResponseTarget.Start;
import dev.disclose.config.ResponseTarget.Unit;
import dev.disclose.config.SiteConfig.ResponseTargets;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.diagnostic.Rule;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code response_targets} is read the way a policy states its promises. */
class ResponseTargetsParserTest {
  static SiteConfigLoader.Loaded load(String rest) {
    return SiteConfigLoader.parse(
        "title: T\nbase_url: https://example.org/\nid_prefix: FIX\n"
            + "security_contact: mailto:s@example.org\n"
            + rest,
        Path.of("site-config.yaml"),
        List.of());
  }

  static ResponseTargets targets(String rest) {
    SiteConfigLoader.Loaded loaded = load(rest);
    assertThat(loaded.diagnostics()).isEmpty();
    return loaded.config().responseTargets();
  }

  @Test
  void readsEachStepInWorkingOrCalendarDays() {
    ResponseTargets t =
        targets(
            "response_targets:\n  acknowledge: 1 business day\n  assess: 5 working days\n"
                + "  fix: {critical: 14 working days, low: 90 days}\n  disclose: 7 days from the fix\n");
    assertThat(t.acknowledge()).hasValue(new ResponseTarget(1, Unit.BUSINESS));
    assertThat(t.assess()).hasValue(new ResponseTarget(5, Unit.WORKING));
    assertThat(t.fix().get(SeverityLevel.CRITICAL)).isEqualTo(new ResponseTarget(14, Unit.WORKING));
    assertThat(t.fix().get(SeverityLevel.LOW)).isEqualTo(new ResponseTarget(90, Unit.CALENDAR));
    assertThat(t.disclose())
        .hasValue(new ResponseTarget(7, Unit.CALENDAR, Start.FIX, Optional.empty()));
  }

  @Test
  void plainNumbersAndTheOlderKeysStayCalendarDaysFromTheReport() {
    ResponseTargets t =
        targets("response_targets:\n  acknowledge_days: 2\n  fix_days: 90\n  disclose: 30\n");
    assertThat(t.acknowledge()).hasValue(new ResponseTarget(2, Unit.CALENDAR));
    assertThat(t.fix()).hasSize(SeverityLevel.values().length);
    assertThat(t.fix().values()).containsOnly(new ResponseTarget(90, Unit.CALENDAR));
    assertThat(t.disclose()).hasValue(new ResponseTarget(30, Unit.CALENDAR));
    assertThat(t.calendar()).isEqualTo(WorkingDays.UTC);
  }

  @Test
  void readsTheTeamsTimeZoneAndHolidays() {
    ResponseTargets t =
        targets(
            "time_zone: Europe/Berlin\nholidays: [2026-12-24, 2026-12-25]\n"
                + "response_targets:\n  acknowledge: 3 working days\n");
    assertThat(t.calendar().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(t.calendar().holidays())
        .containsExactlyInAnyOrder(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25"));
  }

  @Test
  void badValuesAreReportedAtTheirLineWithWhatToWrite() {
    SiteConfigLoader.Loaded loaded =
        load(
            "time_zone: Mars/Olympus\nholidays: [2026-13-01]\nresponse_targets:\n"
                + "  acknowledge: three days\n  assess: 5 working days from the fix\n"
                + "  fix_days: 10 working days\n");
    assertThat(loaded.diagnostics()).allMatch(d -> d.rule() == Rule.INVALID_VALUE);
    assertThat(loaded.diagnostics())
        .extracting(d -> d.position().line() + ": " + d.message())
        .containsExactlyInAnyOrder(
            "5: `time_zone` is `Mars/Olympus`; write the time zone the team works in, like"
                + " `Europe/Berlin` or `UTC`",
            "6: `holidays` lists `2026-13-01`; write each holiday as a date, like 2026-12-25",
            "8: `acknowledge` is `three days`; write 1 to 3650 days as the policy states them,"
                + " like `3 working days` or `90 days`, counted from the report",
            "9: `assess` is `5 working days from the fix`; write 1 to 3650 days as the policy"
                + " states them, like `3 working days` or `90 days`, and `from the"
                + " acknowledgement` if the days start there",
            "10: `fix_days` is `10 working days`; write a whole number of calendar days, 1 to"
                + " 3650, like 90");
    assertThat(loaded.diagnostics()).extracting(Diagnostic::isError).containsOnly(true);
  }

  @Test
  void aStepWrittenUnderBothKeysIsReported() {
    SiteConfigLoader.Loaded loaded =
        load("response_targets:\n  acknowledge: 3 working days\n  acknowledge_days: 3\n");
    assertThat(loaded.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.rule()).isEqualTo(Rule.INVALID_VALUE);
              assertThat(d.position().line()).isEqualTo(7);
              assertThat(d.message()).contains("remove `acknowledge_days`");
            });
    assertThat(loaded.config().responseTargets().acknowledge())
        .hasValue(new ResponseTarget(3, Unit.WORKING));
  }

  @Test
  void eachStepCountsFromTheStepThePolicyNames() {
    ResponseTargets t =
        targets(
            "response_targets:\n  assess: 5 business days after the acknowledgement\n"
                + "  fix: 90 days from the assessment\n  disclose: 14 days after the fix\n");
    assertThat(t.assess())
        .hasValue(new ResponseTarget(5, Unit.BUSINESS, Start.ACKNOWLEDGEMENT, Optional.empty()));
    assertThat(t.fix().values())
        .containsOnly(new ResponseTarget(90, Unit.CALENDAR, Start.ASSESSMENT, Optional.empty()));
    assertThat(t.disclose())
        .hasValue(new ResponseTarget(14, Unit.CALENDAR, Start.FIX, Optional.empty()));
  }

  @Test
  void aPromiseCarriesThePolicysOwnWords() {
    ResponseTargets t =
        targets(
            "response_targets:\n"
                + "  acknowledge:\n    within: 1 business day\n"
                + "    wording: a non-automated acknowledgement reply within 1 business day\n"
                + "  fix:\n    critical: 7 days\n    high: 30 days\n"
                + "    wording: >-\n      critical issues are fixed\n      within a week\n"
                + "  disclose: {within: 7 days, wording: on the order of 7 days}\n");
    assertThat(t.acknowledge())
        .hasValue(
            new ResponseTarget(
                1,
                Unit.BUSINESS,
                Start.REPORT,
                Optional.of("a non-automated acknowledgement reply within 1 business day")));
    assertThat(t.fix().get(SeverityLevel.CRITICAL).wording())
        .hasValue("critical issues are fixed within a week");
    assertThat(t.fix().get(SeverityLevel.HIGH).days()).isEqualTo(30);
    assertThat(t.disclose().orElseThrow().wording()).hasValue("on the order of 7 days");
  }

  @Test
  void aPromiseWithoutDaysOrStartingAtALaterStepIsReported() {
    SiteConfigLoader.Loaded loaded =
        load(
            "response_targets:\n  acknowledge: {wording: soon}\n"
                + "  assess: 5 days from the fix\n"
                + "  fix: {critical: 7 days from the assessment, high: 30 days}\n"
                + "  disclose: {within: 7 days, wording: ''}\n");
    assertThat(loaded.diagnostics())
        .extracting(d -> d.position().line() + ": " + d.rule().code())
        .containsExactlyInAnyOrder("6: S001", "7: S004", "8: S004", "9: S004");
    assertThat(loaded.diagnostics())
        .extracting(Diagnostic::message)
        .anySatisfy(m -> assertThat(m).contains("needs `within`"))
        .anySatisfy(m -> assertThat(m).contains("count every level from the same step"))
        .anySatisfy(m -> assertThat(m).contains("`wording` is empty"));
  }

  @Test
  void holidaysMayNameACalendarFile() {
    ResponseTargets t = targets("holidays: calendars/berlin.yaml\n");
    assertThat(t.calendar().holidaysFile()).hasValue("calendars/berlin.yaml");
    assertThat(t.calendar().holidays()).isEmpty();
  }

  @Test
  void aQuotedWordingThatHidesOrReordersTextIsReported() {
    SiteConfigLoader.Loaded loaded =
        load("response_targets:\n  acknowledge: {within: 2 days, wording: \"in 2 \\u202Edays\"}\n");
    assertThat(loaded.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.rule()).isEqualTo(Rule.INVISIBLE_CHARACTER);
              assertThat(d.position().line()).isEqualTo(6);
              assertThat(d.message()).contains("U+202E");
            });
  }
}
