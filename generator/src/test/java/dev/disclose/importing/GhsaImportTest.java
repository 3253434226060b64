package dev.disclose.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code disclose import ghsa}: GitHub's repository-advisory JSON, one object or the array {@code
 * gh api --paginate} prints, drafts included; a record GitHub's schema allows but the site cannot
 * take names its field and what to write.
 */
class GhsaImportTest {
  static final Path FIXTURES = Path.of("src/test/resources/ghsa");

  @TempDir Path temp;
  Path site;

  @BeforeEach
  void emptySite() throws Exception {
    site = temp.resolve("site");
    Files.createDirectories(site.resolve("advisories"));
    Files.writeString(
        site.resolve("site-config.yaml"),
        "title: T\nbase_url: https://example.org/\nid_prefix: IMP\n"
            + "security_contact: mailto:s@example.org\n");
  }

  @Test
  void aPublishedAdvisoryKeepsEveryFieldTheFormatHolds() throws Exception {
    CliRun run =
        CliRun.in(
            site, "import", "ghsa", FIXTURES.resolve("published.json").toAbsolutePath().toString());
    assertThat(run.exitCode()).as(run.out()).isZero();
    String file = Files.readString(site.resolve("advisories/2025/IMP-2025-0001.md"));
    assertThat(file)
        .contains(
            "title: Prompt template injection in the chat endpoint",
            "published: 2025-03-04T16:00:00Z",
            "modified: 2025-03-20T11:00:00Z",
            "  - GHSA-x3m8-f7g5-qhm7\n  - CVE-2025-29783",
            "cvss_v3: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "cvss_v4: CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
            "cwes:\n  - CWE-94",
            "ecosystem: PyPI\n    package: corvid-serve",
            "introduced: 0.5.0\n        fixed: 0.8.1",
            "functions:\n      - corvid_serve.chat.render_template",
            "ecosystem: npm\n    package: '@corvid/console'",
            "fixed: 2.9.1",
            "url: https://github.com/corvid-dev/corvid/security/advisories/GHSA-x3m8-f7g5-qhm7",
            "name: ada-reporter\n    contact:\n      - https://github.com/ada-reporter\n"
                + "    type: FINDER",
            "type: REMEDIATION_REVIEWER",
            "timeline:\n  reported: 2025-02-10T09:12:44Z",
            "The chat endpoint rendered user-supplied text as a Jinja template.")
        .doesNotContain("status:");
    CliRun validate = CliRun.in(site, "validate");
    assertThat(validate.out()).doesNotContain("error[");
    CliRun again =
        CliRun.in(
            site, "import", "ghsa", FIXTURES.resolve("published.json").toAbsolutePath().toString());
    assertThat(again.out()).contains("1 records: 0 written, 1 unchanged, 0 not imported");
  }

  @Test
  void thePaginatedListImportsDraftsAndWithdrawalsAndNamesWhatItCannotTake() throws Exception {
    Path in = FIXTURES.resolve("paginated.json").toAbsolutePath();
    CliRun run = CliRun.in(site, "import", "ghsa", in.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            in
                + "[1]: error: `state` is `closed`: GitHub closed the advisory without publishing it",
            in
                + "[3]: error: `vulnerabilities[0].package.ecosystem` is `cobol`; expected one of"
                + " pip, npm, rust, go",
            "note: a draft on GitHub: imported as `status: draft`",
            "4 records: 2 written, 0 unchanged, 2 not imported")
        .doesNotContain("Exception", "java.");
    String draft = Files.readString(site.resolve("advisories/2026/IMP-2026-0001.md"));
    assertThat(draft)
        .contains(
            "status: draft",
            "ecosystem: crates.io\n    package: corvid-virtio-queue",
            "introduced: \"0\"\n        last_affected: 0.12.0",
            "corvid_virtio_queue::DescriptorChain::next",
            "level: high",
            "CWE-125")
        .doesNotContain("published:");
    String withdrawn = Files.readString(site.resolve("advisories/2026/IMP-2026-0002.md"));
    assertThat(withdrawn)
        .contains(
            "withdrawn:\n  date: 2026-06-13T08:00:00Z",
            "ecosystem: Go",
            "introduced: 1.2.0\n        fixed: 1.4.3",
            "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:N",
            "type: TOOL");
  }

  @Test
  void aRangeGithubAllowsButNoIntervalHoldsIsNamed() throws Exception {
    Path in = temp.resolve("open.json");
    Files.writeString(
        in,
        Files.readString(FIXTURES.resolve("published.json"))
            .replace("\">= 0.5.0, < 0.8.1\"", "\"> 0.5.0, < 0.8.1\""));
    CliRun run = CliRun.in(site, "import", "ghsa", in.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "error: `vulnerabilities[0]`: `vulnerable_version_range` is `> 0.5.0, < 0.8.1`: an"
                + " open lower bound `> 0.5.0` has no exact interval; write `>=` and the first"
                + " affected version");
  }

  @Test
  void notJsonOrNotAnAdvisoryIsReportedWithoutAJavaType() throws Exception {
    Path broken = temp.resolve("broken.json");
    Files.writeString(broken, "{\"ghsa_id\": ");
    Path number = temp.resolve("number.json");
    Files.writeString(number, "[42]");
    CliRun run = CliRun.in(site, "import", "ghsa", broken.toString(), number.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "broken.json: error: not GitHub's advisory JSON",
            "number.json[0]: error: expected a repository advisory (a JSON object with"
                + " `ghsa_id`), found a number")
        .doesNotContain("Exception", "com.fasterxml");
  }

  @Test
  void aGithubAdvisoryMergesIntoTheAdvisoryThatNamesIt() throws Exception {
    Path advisory = site.resolve("advisories/2025/IMP-2025-0001.md");
    Files.createDirectories(advisory.getParent());
    Files.writeString(advisory, ImportMergeTest.HAND_WRITTEN);
    CliRun run =
        CliRun.in(
            site, "import", "ghsa", FIXTURES.resolve("published.json").toAbsolutePath().toString());
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains("aliases: + CVE-2025-29783");
    assertThat(Files.readString(advisory))
        .contains(
            "aliases: [GHSA-x3m8-f7g5-qhm7, CVE-2025-29783]",
            "timeline:\n  reported: 2025-02-10\n",
            "name: Ada Reporter",
            "package: corvid-serve")
        .doesNotContain("Jinja template.\n\n### Impact");
  }
}
