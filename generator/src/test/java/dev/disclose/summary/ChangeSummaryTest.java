package dev.disclose.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.CliRun;
import dev.disclose.testing.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code disclose summary --since REF} on a fixture git repository: added, changed, withdrawn,
 * removed, embargoed withheld.
 */
class ChangeSummaryTest {
  static final String NOW = "2026-06-01T00:00:00Z";

  @TempDir Path repo;
  String base;

  static String advisory(String id, String title, String extra) {
    return "---\nid: "
        + id
        + "\ntitle: "
        + title
        + "\npublished: 2026-01-10\n"
        + extra
        + "affected:\n  - ecosystem: PyPI\n    package: fixture-server\n    ranges:\n      - type: ECOSYSTEM\n"
        + "        introduced: 1.0.0\n        fixed: 1.4.2\n---\nDetails of "
        + id
        + ".\n";
  }

  @BeforeEach
  void repositoryWithTwoAdvisories() throws Exception {
    ExternalTools.require(
        ExternalTools.works("git", "--version"), "git is not installed (apt-get install git)");
    Files.writeString(
        repo.resolve("site-config.yaml"),
        "title: T\nbase_url: https://example.org/\nid_prefix: FIX\n"
            + "security_contact: mailto:s@example.org\n");
    Files.createDirectories(repo.resolve("advisories/2026"));
    Files.writeString(
        repo.resolve("advisories/2026/FIX-2026-0001.md"),
        advisory(
            "FIX-2026-0001",
            "Old title",
            "severity:\n  cvss_v3: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\n"));
    Files.writeString(
        repo.resolve("advisories/2026/FIX-2026-0002.md"),
        advisory("FIX-2026-0002", "To be withdrawn", ""));
    Files.writeString(
        repo.resolve("advisories/2026/FIX-2026-0003.md"),
        advisory("FIX-2026-0003", "To be removed", ""));
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "base");
    base = git("rev-parse", "HEAD").strip();
  }

  @Test
  void listsWhatChangedAndWithholdsWhatIsNotPublic() throws Exception {
    Files.writeString(
        repo.resolve("advisories/2026/FIX-2026-0001.md"),
        advisory(
            "FIX-2026-0001",
            "New | title <b>",
            "severity:\n  cvss_v3: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\n"));
    Files.writeString(
        repo.resolve("advisories/2026/FIX-2026-0002.md"),
        advisory(
            "FIX-2026-0002",
            "To be withdrawn",
            "status: withdrawn\nwithdrawn:\n  date: 2026-02-01\n  reason: Duplicate of FIX-2026-0001.\n"));
    Files.delete(repo.resolve("advisories/2026/FIX-2026-0003.md"));
    Files.writeString(
        repo.resolve("advisories/2026/FIX-2026-0004.md"),
        advisory("FIX-2026-0004", "Brand new", ""));
    Files.writeString(
        repo.resolve("advisories/2026/FIX-2026-0005.md"),
        advisory(
                "FIX-2026-0005",
                "Secret embargoed flaw",
                "status: embargoed\nembargo: 2027-01-01T00:00:00Z\n")
            .replace("published: 2026-01-10\n", ""));
    git("add", "-A");
    git("-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "change");

    CliRun run = CliRun.in(repo, "summary", "--since", base, "--now", NOW);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "## Advisories changed since `"
                + base.substring(0, 12)
                + "`\n\n"
                + "### Added (1)\n\n| ID | Title | Severity | Packages |\n|---|---|---|---|\n"
                + "| FIX-2026-0004 | Brand new | — | fixture-server (PyPI) |\n\n"
                + "### Changed (1)\n\n| ID | Title | Severity | Packages |\n|---|---|---|---|\n"
                + "| FIX-2026-0001 | New \\| title &lt;b&gt; | Critical 9.8 (CVSS 3.1) | fixture-server (PyPI) |\n\n"
                + "### Withdrawn (1)\n\n| ID | Title | Severity | Packages |\n|---|---|---|---|\n"
                + "| FIX-2026-0002 | To be withdrawn | — | fixture-server (PyPI) |\n\n"
                + "### Removed (1)\n\n| ID | Title | Severity | Packages |\n|---|---|---|---|\n"
                + "| FIX-2026-0003 | To be removed | — | fixture-server (PyPI) |\n\n"
                + "1 advisory that is not public (a draft, or under embargo) changed; details withheld until publication.\n");
    assertThat(run.out()).doesNotContain("FIX-2026-0005", "Secret");

    // After the embargo lifts, the same change is named.
    CliRun later = CliRun.in(repo, "summary", "--since", base, "--now", "2027-01-02T00:00:00Z");
    assertThat(later.out())
        .contains("| FIX-2026-0005 | Secret embargoed flaw |")
        .doesNotContain("withheld");
  }

  @Test
  void nothingChangedAndBadRefs() throws Exception {
    CliRun same = CliRun.in(repo, "summary", "--since", "HEAD", "--now", NOW);
    assertThat(same.exitCode()).isZero();
    assertThat(same.out()).endsWith("No advisory was added, changed or removed.\n");
    CliRun bad = CliRun.in(repo, "summary", "--since", "no-such-branch", "--now", NOW);
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err())
        .contains("`no-such-branch` is not a commit of this repository")
        .doesNotContain("Exception");
    assertThat(CliRun.in(repo, "summary", "--since", "--output=x", "--now", NOW).exitCode())
        .isEqualTo(2);
    Path notARepo = repo.resolve("elsewhere");
    Files.createDirectories(notARepo.resolve("advisories"));
    Files.copy(repo.resolve("site-config.yaml"), notARepo.resolve("site-config.yaml"));
    Files.delete(repo.resolve(".git").resolve("HEAD"));
    CliRun outside = CliRun.in(notARepo, "summary", "--since", "HEAD", "--now", NOW);
    assertThat(outside.exitCode()).isEqualTo(2);
    assertThat(outside.err()).contains("not in a git repository");
  }

  private String git(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
