package dev.disclose.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.CliRun;
import dev.disclose.testing.ExternalTools;
import dev.disclose.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a public repository's pull-request checks print of an embargoed advisory and a draft full of
 * errors: the file, the line and the rule, never a word of their text.
 */
class RedactedLogsTest {
  static final String BEFORE_EMBARGO = "2025-12-01T00:00:00Z";
  static final Map<String, String> ACTIONS = Map.of("GITHUB_ACTIONS", "true");

  /** Every value the embargoed advisory and the draft hold carries this. */
  static final String CANARY = "canary";

  static final String EMBARGOED =
      """
      ---
      id: FIX-2025-0003
      title: CANARY-T1 remote code execution in the parser
      status: embargoed
      embargo: 2026-01-15T16:00:00Z
      aliases: [CVE-2025-99999, GHSA-cana-ryca-nary]
      severity: CVSS:3.1/AV:N/CANARY-S1
      affected:
        - ecosystem: CANARY-E1
          package: canary-p1
          ranges:
            - introduced: CANARY-V1
              fixed: CANARY-V2
      references:
        - type: CANARY-R1
          url: canary-u1-not-a-url
      cwes: [CWE-CANARY]
      canary_k1: CANARY-K1
      ---
      CANARY-B1 the details, [a link](canary-l1).
      """;

  /** A draft whose front matter is not even YAML: its status cannot be read. */
  static final String BROKEN_DRAFT =
      """
      ---
      id: FIX-2025-0005
      title: "CANARY-T2 unclosed
      status: draft
      canary: [CANARY-K2
      ---
      CANARY-B2
      """;

  @TempDir Path temp;
  Path site;

  @BeforeEach
  void siteWithAnEmbargoedAdvisoryAndADraftFullOfErrors() throws Exception {
    site = temp.resolve("site");
    TestSites.copyTree(Path.of("src/test/resources/sites/basic"), site);
    Files.writeString(site.resolve("advisories/2025/FIX-2025-0003.md"), EMBARGOED);
    Files.writeString(site.resolve("advisories/2025/FIX-2025-0005.md"), BROKEN_DRAFT);
    // A public advisory's finding stays whole.
    Path open = site.resolve("advisories/2025/FIX-2025-0001.md");
    Files.writeString(
        open, Files.readString(open).replaceFirst("\ntitle:", "\npublic_typo_key: x\ntitle:"));
  }

  @Test
  void annotationsNameTheFileAndTheRuleOnly() {
    CliRun run =
        CliRun.in(site, ACTIONS, "validate", "--format", "github", "--now", BEFORE_EMBARGO);
    assertThat(run.exitCode()).isEqualTo(1);
    assertNoCanary(run);
    assertThat(run.out())
        .contains(
            "::error file=advisories/2025/FIX-2025-0003.md,line=",
            "::error file=advisories/2025/FIX-2025-0005.md,line=",
            "(details withheld: not public)",
            "public_typo_key")
        .doesNotContain("invalid YAML");
    // One annotation per finding, as without redaction.
    CliRun full =
        CliRun.in(
            withRedactLogs("false"),
            ACTIONS,
            "validate",
            "--format",
            "github",
            "--now",
            BEFORE_EMBARGO);
    assertThat(full.out()).containsIgnoringCase(CANARY);
    assertThat(run.out().lines().count()).isEqualTo(full.out().lines().count());
    // The default format under GitHub Actions is the same.
    assertThat(CliRun.in(site, ACTIONS, "validate", "--now", BEFORE_EMBARGO).out())
        .isEqualTo(run.out());
  }

  @Test
  void everyFormatAndTheBuildInACiLogAreRedacted() {
    CliRun text = CliRun.in(site, ACTIONS, "validate", "--format", "text", "--now", BEFORE_EMBARGO);
    assertNoCanary(text);
    assertThat(text.out()).contains("advisories/2025/FIX-2025-0003.md:");
    assertNoCanary(
        CliRun.in(site, ACTIONS, "validate", "--format", "json", "--now", BEFORE_EMBARGO));
    CliRun build = CliRun.in(site, ACTIONS, "build", "--now", BEFORE_EMBARGO);
    assertThat(build.exitCode()).isEqualTo(1);
    assertNoCanary(build);
    assertNoCanary(
        CliRun.in(site, ACTIONS, "export", "osv", "--out", "osv", "--now", BEFORE_EMBARGO));
  }

  @Test
  void anEmbargoPastTheSixtyDayWindowIsAnnotatedWithoutItsInstant() {
    CliRun run = CliRun.in(site, ACTIONS, "validate", "--now", "2025-11-01T00:00:00Z");
    assertNoCanary(run);
    assertThat(run.out())
        .contains(
            "::warning file=advisories/2025/FIX-2025-0003.md,line=5,",
            "D010",
            "An embargo lifts more than 60 days from now")
        .doesNotContain("2026-01-15");
    // On the maintainer's terminal it says when, and what to do by when.
    assertThat(CliRun.in(site, "validate", "--now", "2025-11-01T00:00:00Z").out())
        .contains("warning[D010]: the embargo lifts 2026-01-15T16:00:00Z, more than 60 days");
  }

  @Test
  void theMaintainersTerminalAndAPrivateRepositoryShowEverything() {
    CliRun terminal = CliRun.in(site, "validate", "--now", BEFORE_EMBARGO);
    assertThat(terminal.out()).containsIgnoringCase(CANARY).doesNotContain("withheld");
    // Once the embargo has lifted, its findings are whole in CI too.
    CliRun lifted =
        CliRun.in(site, ACTIONS, "validate", "--format", "github", "--now", "2026-02-01T00:00:00Z");
    assertThat(lifted.out()).contains("CANARY-E1");
  }

  @Test
  void theJobSummaryNamesNothingOfTheEmbargoedAdvisory() throws Exception {
    ExternalTools.require(
        ExternalTools.works("git", "--version"), "git is not installed (apt-get install git)");
    Path repo = temp.resolve("repo");
    TestSites.copyTree(Path.of("src/test/resources/sites/basic"), repo);
    git(repo, "init", "-q", "-b", "main");
    git(repo, "add", "-A");
    git(repo, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "base");
    String base = git(repo, "rev-parse", "HEAD").strip();
    Files.writeString(repo.resolve("advisories/2025/FIX-2025-0003.md"), EMBARGOED);
    Files.writeString(repo.resolve("advisories/2025/FIX-2025-0005.md"), BROKEN_DRAFT);
    git(repo, "add", "-A");
    git(repo, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "pr");

    CliRun summary = CliRun.in(repo, ACTIONS, "summary", "--since", base, "--now", BEFORE_EMBARGO);
    assertThat(summary.exitCode()).as(summary.err()).isZero();
    assertNoCanary(summary);
    assertThat(summary.out())
        .contains("2 advisories that are not public")
        .doesNotContain("CVE-2025-99999");

    Files.writeString(
        repo.resolve("site-config.yaml"),
        Files.readString(repo.resolve("site-config.yaml")) + "redact_logs: false\n");
    CliRun full = CliRun.in(repo, ACTIONS, "summary", "--since", base, "--now", BEFORE_EMBARGO);
    assertThat(full.out())
        .contains("| FIX-2025-0003 | NOT PUBLIC: CANARY-T1 remote code execution in the parser |")
        .contains("1 advisory that is not public");
  }

  private Path withRedactLogs(String value) {
    try {
      Path copy = temp.resolve("private-" + value);
      TestSites.copyTree(site, copy);
      Files.writeString(
          copy.resolve("site-config.yaml"),
          Files.readString(copy.resolve("site-config.yaml")) + "redact_logs: " + value + "\n");
      return copy;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void assertNoCanary(CliRun run) {
    assertThat((run.out() + run.err()).toLowerCase(Locale.ROOT))
        .as(run.out() + run.err())
        .doesNotContain(CANARY, "remote code execution", "cana-ryca", "cve-2025-99999");
  }

  private static String git(Path repo, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
