package dev.disclose.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.pipeline.OutputFormats;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code embargo_policy} in site-config.yaml: read with the line of each bound, and refused whole,
 * at the line that is wrong, when it cannot be one policy.
 */
class EmbargoPolicyConfigTest {
  private static SiteConfigLoader.Loaded read(String policy) {
    return SiteConfigLoader.parse(
        "title: T\nbase_url: https://example.org/\nid_prefix: FIX\n"
            + "security_contact: mailto:s@example.org\n"
            + policy,
        Path.of("site-config.yaml"),
        OutputFormats.names());
  }

  private static List<String> findings(SiteConfigLoader.Loaded loaded) {
    return loaded.diagnostics().stream()
        .map(d -> d.position().line() + " " + d.rule().code() + " " + d.message())
        .toList();
  }

  @Test
  void boundsAreReadWithTheirLines() {
    SiteConfigLoader.Loaded loaded =
        read("embargo_policy:\n  min_days: 14\n  max_days: 90\n  from: fix\n");
    assertThat(loaded.diagnostics()).isEmpty();
    assertThat(loaded.config().embargoLimits())
        .isEqualTo(
            new EmbargoLimits(
                Optional.of(new EmbargoLimits.Bound(14, 6)),
                Optional.of(new EmbargoLimits.Bound(90, 7)),
                EmbargoLimits.Start.FIX));
  }

  @Test
  void withoutThePolicyNothingIsLimited() {
    assertThat(read("").config().embargoLimits().limitsAnything()).isFalse();
  }

  @Test
  void aMaximumBelowTheMinimumIsRefusedAtTheMaximum() {
    SiteConfigLoader.Loaded loaded =
        read("embargo_policy: {min_days: 30,\n  max_days: 7, from: report}\n");
    assertThat(findings(loaded)).singleElement().asString().startsWith("6 S004 `max_days` 7");
    assertThat(loaded.config().embargoLimits().limitsAnything()).isFalse();
  }

  @Test
  void theStartingStepIsRequiredAndSpelledFixOrReport() {
    assertThat(findings(read("embargo_policy: {max_days: 90}\n")))
        .singleElement()
        .asString()
        .startsWith("5 S001 `embargo_policy` needs `from`");
    SiteConfigLoader.Loaded misspelt = read("embargo_policy: {max_days: 90, from: fixed}\n");
    assertThat(findings(misspelt))
        .singleElement()
        .asString()
        .startsWith("5 S004 `from` in `embargo_policy` is `fixed`");
    assertThat(misspelt.config().embargoLimits().limitsAnything()).isFalse();
  }

  @Test
  void aPolicyWithoutAnyLimitIsReported() {
    assertThat(findings(read("embargo_policy: {from: fix}\n")))
        .extracting(f -> f.substring(0, 6))
        .containsExactly("5 S001");
    assertThat(read("embargo_policy: {from: fix}\n").diagnostics())
        .extracting(Diagnostic::message)
        .singleElement()
        .asString()
        .contains("`min_days`, `max_days` or both");
  }
}
