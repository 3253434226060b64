package dev.disclose.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.disclose.advisory.AdvisoryParser;
import dev.disclose.config.SiteConfigLoader;
import dev.disclose.cwe.CweCatalog;
import dev.disclose.diagnostic.Findings;
import dev.disclose.markdown.MarkdownRenderer;
import dev.disclose.pipeline.OutputFormats;
import dev.disclose.testing.TestSites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Coverage-guided fuzzing (Jazzer) of what a pull request controls: a file's front matter and
 * Markdown, through parsing, every check and rendering. Any input ends in diagnostics or a page,
 * never in an exception, and quickly. Under {@code mvn verify} it replays the seeds in
 * src/test/resources/dev/disclose/check/AdvisoryFuzzTestInputs/; {@code JAZZER_FUZZ=1} fuzzes for
 * {@code maxDuration}.
 */
class AdvisoryFuzzTest {
  private static final SiteConfigLoader.Loaded CONFIG =
      SiteConfigLoader.parse(TestSites.CONFIG, Path.of("site-config.yaml"), OutputFormats.names());
  private static final CheckContext CONTEXT =
      new CheckContext(
          CONFIG.config(), Instant.parse("2026-11-22T00:00:00Z"), CweCatalog.bundled());

  @FuzzTest(maxDuration = "60s")
  void anyFileEndsInDiagnosticsOrAPageNeverInAnException(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    long start = System.nanoTime();
    AdvisoryParser.Parsed parsed =
        AdvisoryParser.parse(text, Path.of("DEMO-2025-0001.md"), "advisories/DEMO-2025-0001.md");
    parsed
        .advisory()
        .ifPresent(
            a -> {
              Findings findings = new Findings(a.source().file());
              for (AdvisoryCheck c : SiteChecker.CHECKS) c.check(a, CONTEXT, findings);
              CatalogCheck.check(List.of(a, a), "DEMO");
              MarkdownRenderer.render(a.details());
            });
    // Bounded work per input: files are at most 1 MiB, and nothing may take seconds on one.
    assertThat((System.nanoTime() - start) / 1_000_000)
        .as("milliseconds for %d bytes", input.length)
        .isLessThan(2_000);
  }
}
