package dev.disclose.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryParser;
import dev.disclose.config.SiteConfigLoader;
import dev.disclose.cwe.CweCatalog;
import dev.disclose.diagnostic.Findings;
import dev.disclose.pipeline.OutputFormats;
import dev.disclose.testing.TestSites;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Untrusted input never crashes the validator: thousands of mutations of a valid advisory
 * (characters and lines deleted, duplicated, swapped, YAML punctuation inserted) are parsed and
 * checked, and every one ends in a report, never an exception. A seeded generator keeps failures
 * reproducible; the fuzzing issue adds coverage-guided fuzzing on top.
 */
class RobustnessTest {
  private static final String[] NOISE = {
    ":",
    "-",
    "[",
    "]",
    "{",
    "}",
    "&a",
    "*a",
    "!",
    "!!str",
    "|",
    ">",
    "#",
    "'",
    "\"",
    "\n",
    "  ",
    "\t",
    "---",
    "0",
    "null",
    "~",
    "CVSS:3.1/",
    "<<:",
    "\u0000",
    "\uFEFF",
    "\n      - type: SEMVER\n        introduced: 2.0.0\n        fixed: 2.0.1",
    "\n      - repo: https://github.com/x/y\n        introduced: abcdef1\n        fixed: 1.0",
    "\n      - last_affected: 0.9\n",
    "\n    versions: [1.0, 0.6.0]",
    "\naliases: [CVE-2025-31337]",
    "\nstatus: withdrawn\n",
    "\nwithdrawn:\n",
    "\nstatus: embargoed\n",
    "\nembargo: 2027-01-01\n"
  };

  @Test
  void mutatedAdvisoriesNeverThrow() {
    String valid =
        TestSites.validAdvisory("DEMO-2025-0001")
            .replace(
                "references:",
                "timeline:\n  reported: 2025-02-01\n  fixed: 2025-02-20\nreferences:");
    SiteConfigLoader.Loaded config =
        SiteConfigLoader.parse(
            TestSites.CONFIG, Path.of("site-config.yaml"), OutputFormats.names());
    CheckContext context =
        new CheckContext(
            config.config(), Instant.parse("2026-11-22T00:00:00Z"), CweCatalog.bundled());
    List<AdvisoryCheck> checks = SiteChecker.CHECKS;
    Random random = new Random(20261122L);
    int withFindings = 0;
    List<Advisory> previous = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      String mutated = mutate(valid, random, 1 + random.nextInt(4));
      try {
        AdvisoryParser.Parsed parsed =
            AdvisoryParser.parse(
                mutated, Path.of("DEMO-2025-0001.md"), "advisories/DEMO-2025-0001.md");
        List<Advisory> advisories = new ArrayList<>(previous);
        parsed.advisory().ifPresent(advisories::add);
        Findings findings = new Findings(Path.of("DEMO-2025-0001.md"));
        for (AdvisoryCheck c : checks)
          parsed.advisory().ifPresent(a -> c.check(a, context, findings));
        CatalogCheck.check(advisories, "DEMO");
        // Cross-file rules see the last few mutants together.
        parsed.advisory().ifPresent(previous::add);
        if (previous.size() > 3) previous.remove(0);
        if (!parsed.diagnostics().isEmpty() || !findings.diagnostics().isEmpty()) withFindings++;
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError("input #" + i + " threw " + e + ":\n" + mutated, e);
      }
    }
    assertThat(withFindings).as("the mutations do break things").isGreaterThan(2500);
  }

  private static String mutate(String text, Random random, int times) {
    StringBuilder b = new StringBuilder(text);
    for (int t = 0; t < times; t++) {
      int at = random.nextInt(b.length() + 1);
      switch (random.nextInt(5)) {
        case 0 -> b.insert(at, NOISE[random.nextInt(NOISE.length)]);
        case 1 -> {
          if (at < b.length()) b.deleteCharAt(at);
        }
        case 2 -> {
          int end = Math.min(b.length(), at + random.nextInt(40));
          b.insert(random.nextInt(b.length() + 1), b.substring(at, end));
        }
        case 3 -> {
          int lineStart = b.lastIndexOf("\n", Math.max(0, at - 1)) + 1;
          int lineEnd = b.indexOf("\n", at);
          if (lineEnd > lineStart) b.delete(lineStart, lineEnd + 1);
        }
        default -> {
          if (at < b.length()) b.setCharAt(at, (char) (' ' + random.nextInt(95)));
        }
      }
    }
    return b.toString();
  }
}
