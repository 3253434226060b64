package dev.disclose.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthoringTest {
  @TempDir Path site;

  @Test
  void newWritesADraftWithTheNextFreeIdOfTheYearThatValidates() throws Exception {
    TestSites.withConfig(site);
    TestSites.write(
        site, "advisories/2026/DEMO-2026-0007.md", TestSites.validAdvisory("DEMO-2026-0007"));
    TestSites.write(
        site,
        "advisories/old/DEMO-2025-0031.md",
        TestSites.validAdvisory("DEMO-2025-0031").replace("CVE-2025-31337", "CVE-2025-31338"));
    CliRun run =
        CliRun.in(
            site,
            "new",
            "--ecosystem",
            "PyPI",
            "--package",
            "corvid-serve",
            "--title",
            "SSRF via model URL: internal hosts reachable");
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo("wrote advisories/2026/DEMO-2026-0008.md\n");
    String text = Files.readString(site.resolve("advisories/2026/DEMO-2026-0008.md"));
    assertThat(text)
        .contains(
            "id: DEMO-2026-0008\n",
            "status: draft",
            "title: \"SSRF via model URL: internal hosts reachable\"",
            "ecosystem: PyPI",
            "package: corvid-serve",
            "reported: 2026-11-22",
            "# assessed: YYYY-MM-DD");
    CliRun validate = CliRun.in(site, "validate");
    assertThat(validate.out()).isEqualTo("checked 3 files: no problems\n");
  }

  @Test
  void newRefusesUnknownEcosystemsAndBadNames() throws Exception {
    TestSites.withConfig(site);
    CliRun run = CliRun.in(site, "new", "--ecosystem", "pypi", "--package", "x");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("did you mean `PyPI`?");
    assertThat(CliRun.in(site, "new", "--ecosystem", "PyPI", "--package", "bad name!").exitCode())
        .isEqualTo(2);
    assertThat(CliRun.in(site, "new", "--ecosystem", "PyPI").exitCode()).isEqualTo(2);
  }

  @Test
  void newNeverWritesThroughALinkOutOfTheSite(@TempDir Path outside) throws Exception {
    TestSites.withConfig(site);
    Files.createSymbolicLink(site.resolve("advisories/2026"), outside);
    CliRun run = CliRun.in(site, "new", "--ecosystem", "PyPI", "--package", "corvid-serve");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("leads outside the site");
    try (var files = Files.list(outside)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void titlesWithLineBreaksStayOneYamlString() throws Exception {
    TestSites.withConfig(site);
    CliRun run =
        CliRun.in(
            site, "new", "--ecosystem", "PyPI", "--package", "x", "--title", "line1\n---\nline3");
    assertThat(run.exitCode()).isZero();
    assertThat(CliRun.in(site, "validate").out()).isEqualTo("checked 1 file: no problems\n");
  }

  @Test
  void placeholdersAreNumberedOnMergeInPathOrder() throws Exception {
    TestSites.withConfig(site);
    TestSites.write(
        site, "advisories/2026/DEMO-2026-0002.md", TestSites.validAdvisory("DEMO-2026-0002"));
    assertThat(
            CliRun.in(
                    site,
                    "new",
                    "--placeholder",
                    "--ecosystem",
                    "npm",
                    "--package",
                    "@corvid/console")
                .out())
        .isEqualTo("wrote advisories/corvid-console/DEMO-0000-0000.md\n");
    assertThat(
            CliRun.in(
                    site,
                    "new",
                    "--placeholder",
                    "--ecosystem",
                    "crates.io",
                    "--package",
                    "corvid-vmm")
                .out())
        .isEqualTo("wrote advisories/corvid-vmm/DEMO-0000-0000.md\n");
    CliRun again =
        CliRun.in(
            site, "new", "--placeholder", "--ecosystem", "crates.io", "--package", "corvid-vmm");
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("already exists");

    CliRun validate = CliRun.in(site, "validate");
    assertThat(validate.out()).contains("warning[I002]").doesNotContain("error[");

    CliRun dry = CliRun.in(site, "assign-ids", "--dry-run");
    assertThat(dry.out()).contains("would assign DEMO-2026-0003");
    assertThat(site.resolve("advisories/corvid-console/DEMO-0000-0000.md")).exists();

    CliRun assign = CliRun.in(site, "assign-ids");
    assertThat(assign.out())
        .isEqualTo(
            "assigned DEMO-2026-0003: advisories/corvid-console/DEMO-0000-0000.md -> advisories/2026/DEMO-2026-0003.md\n"
                + "assigned DEMO-2026-0004: advisories/corvid-vmm/DEMO-0000-0000.md -> advisories/2026/DEMO-2026-0004.md\n");
    assertThat(site.resolve("advisories/corvid-console")).doesNotExist();
    String text = Files.readString(site.resolve("advisories/2026/DEMO-2026-0003.md"));
    assertThat(text)
        .startsWith("---\nid: DEMO-2026-0003\n")
        .contains("package: \"@corvid/console\"");
    assertThat(CliRun.in(site, "validate").out()).isEqualTo("checked 3 files: no problems\n");
    assertThat(CliRun.in(site, "assign-ids").out()).isEqualTo("no placeholder IDs to assign\n");
  }
}
