package dev.disclose.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryParser;
import dev.disclose.config.SiteConfigLoader;
import dev.disclose.cwe.CweCatalog;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.diagnostic.Findings;
import dev.disclose.diagnostic.Rule;
import dev.disclose.pipeline.OutputFormats;
import dev.disclose.testing.TestSites;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** D008: an embargo still running is measured against embargo_policy, in calendar days. */
class EmbargoLengthCheckTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final String FROM_FIX = "embargo_policy: {min_days: 14, max_days: 90, from: fix}";

  private static List<String> warnings(
      String policy, String embargo, String timeline, Instant now) {
    CheckContext context =
        new CheckContext(
            SiteConfigLoader.parse(
                    TestSites.CONFIG + policy + "\n",
                    Path.of("site-config.yaml"),
                    OutputFormats.names())
                .config(),
            now,
            CweCatalog.bundled());
    String text =
        TestSites.validAdvisory("DEMO-2026-0001")
            .replace("published: 2025-03-04\n", "status: embargoed\nembargo: " + embargo + "\n")
            .replace("references:", "timeline:\n" + timeline + "references:");
    Advisory a =
        AdvisoryParser.parse(text, Path.of("DEMO-2026-0001.md"), "advisories/DEMO-2026-0001.md")
            .advisory()
            .orElseThrow();
    Findings findings = new Findings(Path.of("DEMO-2026-0001.md"));
    new EmbargoLengthCheck().check(a, context, findings);
    assertThat(findings.diagnostics()).allMatch(d -> d.rule() == Rule.EMBARGO_POLICY);
    return findings.diagnostics().stream().map(Diagnostic::message).toList();
  }

  @Test
  void anEmbargoOfExactlyTheMinimumOrMaximumIsWithinThePolicy() {
    assertThat(warnings(FROM_FIX, "2027-01-15T16:00:00Z", "  fixed: 2027-01-01\n", NOW)).isEmpty();
    assertThat(warnings(FROM_FIX, "2027-04-01T16:00:00Z", "  fixed: 2027-01-01\n", NOW)).isEmpty();
  }

  @Test
  void oneDayShortOfTheMinimumIsReportedWithTheDateThatWouldDo() {
    assertThat(warnings(FROM_FIX, "2027-01-14T16:00:00Z", "  fixed: 2027-01-01\n", NOW))
        .singleElement()
        .asString()
        .startsWith("the embargo lifts 13 days after the fix (`timeline.fixed: 2027-01-01`);")
        .contains("at least 14 (`embargo_policy.min_days` in site-config.yaml:5)")
        .contains("move `embargo` to 2027-01-15 or later");
  }

  @Test
  void oneDayPastTheMaximumCountedFromTheReportIsReported() {
    assertThat(
            warnings(
                "embargo_policy:\n  max_days: 90\n  from: report",
                "2027-03-01T00:00:00Z",
                "  reported: 2026-11-30\n",
                NOW))
        .singleElement()
        .asString()
        .startsWith("the embargo lifts 91 days after the report")
        .contains("at most 90 (`embargo_policy.max_days` in site-config.yaml:6)")
        .contains("move `embargo` to 2027-02-28 or earlier");
  }

  @Test
  void anEmbargoLiftingBeforeTheFixSaysSo() {
    assertThat(warnings(FROM_FIX, "2027-01-01T16:00:00Z", "  fixed: 2027-01-04\n", NOW))
        .singleElement()
        .asString()
        .startsWith("the embargo lifts 3 days before the fix");
  }

  @Test
  void withoutTheStartingStepOrOnceLiftedNothingIsSaid() {
    assertThat(warnings(FROM_FIX, "2027-01-02T16:00:00Z", "  reported: 2026-11-01\n", NOW))
        .isEmpty();
    assertThat(
            warnings(
                FROM_FIX,
                "2027-01-02T16:00:00Z",
                "  fixed: 2027-01-01\n",
                Instant.parse("2027-01-02T16:00:01Z")))
        .isEmpty();
  }
}
