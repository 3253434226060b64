package dev.disclose.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An alias two imported records share has one redirect page, to the most recently published of
 * them, and validation says so, naming both files and lines.
 */
class AliasRedirectTest {
  static final Path FIXTURE =
      Path.of("src/test/resources/golden/lint/I004/imported-records-share-an-alias");

  @TempDir Path site;

  @Test
  void aSharedAliasRedirectsToTheMostRecentlyPublishedRecordAndIsReported() throws Exception {
    TestSites.copyTree(FIXTURE.resolve("advisories"), site.resolve("advisories"));
    TestSites.withConfig(site);

    CliRun build = CliRun.in(site, "build", "--now", "2025-12-01T00:00:00Z");

    assertThat(build.exitCode()).isZero();
    String redirect = Files.readString(site.resolve("_site/advisories/CVE-2025-31337/index.html"));
    assertThat(redirect).contains("PYSEC-2025-1").doesNotContain("GHSA-2222-3333-4444");
    assertThat(build.out()).startsWith("built 2 advisories: 16 pages");
    assertThat(CliRun.in(site, "validate").out())
        .contains(
            "GHSA-2222-3333-4444.md:5:11: warning[I004]: the alias `CVE-2025-31337` is also claimed"
                + " by PYSEC-2025-1 in advisories/imported/PYSEC-2025-1.md:5; its redirect page"
                + " advisories/CVE-2025-31337/ leads to only one of them (the most recently"
                + " published)");
  }
}
