package dev.disclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.pipeline.BuildManifest;
import dev.disclose.pipeline.GeneratorVersion;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.GitRepos;
import dev.disclose.testing.TestKeys;
import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code disclose due}: what a scheduled publish job asks before it builds. Not due right after a
 * build with nothing pending; due after an edit, once an embargo lifts (named only then), when
 * security.txt is to be renewed, and when there is no deployed manifest to compare with.
 */
class DueCommandTest {
  static final Path FIXTURE = Path.of("src/test/resources/sites/basic");

  /** Inside the renewal window that ends at 2026-03-08, a day before the fixture's embargo. */
  static final String BUILT = "2026-01-14T12:00:00Z";

  static final String LIFTS = "2026-01-15T16:00:00Z";
  static final String EMBARGOED = "FIX-2025-0003";

  @TempDir Path temp;
  Path site;

  @BeforeEach
  void buildAndDeploy() throws IOException {
    site = temp.resolve("site");
    TestSites.copyTree(FIXTURE, site);
    deploy(Map.of(), BUILT);
  }

  /** Builds at {@code now} and keeps the manifest where a job would fetch it to. */
  private void deploy(Map<String, String> env, String now) throws IOException {
    CliRun build = CliRun.in(site, env, "build", "--now", now);
    assertThat(build.exitCode()).as(build.err()).isZero();
    Files.copy(
        site.resolve("_site").resolve(BuildManifest.FILE),
        temp.resolve("deployed.json"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private CliRun due(String now) {
    return due(Map.of(), now);
  }

  private CliRun due(Map<String, String> env, String now) {
    return CliRun.in(
        site, env, "due", "--deployed", temp.resolve("deployed.json").toString(), "--now", now);
  }

  @Test
  void nothingIsDueRightAfterABuildWithNothingPending() {
    CliRun run = due("2026-01-15T15:59:59Z");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "due=false\n"
                + "reason=nothing changed since the deployed build; its next change is at"
                + " 2026-03-08T00:00:00Z\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void anEditIsDue() throws IOException {
    Path file = site.resolve("advisories/2025/FIX-2025-0001.md");
    Files.writeString(file, Files.readString(file) + "\nOne more sentence.\n");
    assertThat(due(BUILT).out())
        .isEqualTo("due=true\nreason=sources changed since the deployed build\n");
  }

  @Test
  void editingAnAdvisoryThatIsNotPublicIsNotDue() throws IOException {
    for (String file : List.of("FIX-2025-0003.md", "FIX-2025-0004.md")) {
      Path p = site.resolve("advisories/2025").resolve(file);
      Files.writeString(p, Files.readString(p).replace("title: ", "title: Revised "));
    }
    assertThat(due(BUILT).out()).startsWith("due=false\n");
  }

  @Test
  void inGitACommitToADraftIsNotDueAndOneThatRedatesAPublicAdvisoryIs() throws IOException {
    GitRepos.requireGit();
    GitRepos.init(site);
    GitRepos.commit(site, "2026-01-10T10:00:00Z", "Add the advisories");
    deploy(Map.of(), BUILT);
    Path draft = site.resolve("advisories/2025/FIX-2025-0004.md");
    Files.writeString(draft, Files.readString(draft).replace("title: ", "title: Revised "));
    GitRepos.commit(site, "2026-01-11T10:00:00Z", "Revise a draft");
    assertThat(due(BUILT).out()).startsWith("due=false\n");
    // The same bytes in a history rewritten at another time: the advisories' dates move.
    TestSites.deleteTree(site.resolve(".git"));
    GitRepos.init(site);
    GitRepos.commit(site, "2026-01-12T10:00:00Z", "Add the advisories again");
    assertThat(due(BUILT).out())
        .isEqualTo("due=true\nreason=sources changed since the deployed build\n");
  }

  @Test
  void anEmbargoLiftingIsDueAndNamedOnlyOnceItHasLifted() throws IOException {
    assertThat(due("2026-01-15T15:59:59Z").out()).startsWith("due=false\n").doesNotContain("FIX");
    assertThat(due(LIFTS).out()).isEqualTo("due=true\nreason=" + EMBARGOED + "'s embargo lifted\n");
    assertThat(due("2026-02-01T00:00:00Z").out()).contains("reason=" + EMBARGOED);
    // Once a build has published it, nothing is due again.
    deploy(Map.of(), "2026-01-15T16:05:00Z");
    assertThat(due("2026-02-01T00:00:00Z").out()).startsWith("due=false\n");
  }

  @Test
  void securityTxtIsRenewedAtTheNextChange() throws IOException {
    deploy(Map.of(), "2026-02-01T00:00:00Z");
    assertThat(due("2026-03-07T23:59:59Z").out()).startsWith("due=false\n");
    assertThat(due("2026-03-08T00:00:00Z").out())
        .isEqualTo(
            "due=true\nreason=the deployed build's next change (2026-03-08T00:00:00Z) has passed:"
                + " security.txt is due for renewal\n");
  }

  @Test
  void withoutADeployedManifestABuildIsDue() throws IOException {
    CliRun missing = CliRun.in(site, "due", "--deployed", "nowhere.json", "--now", BUILT);
    assertThat(missing.exitCode()).isZero();
    assertThat(missing.out())
        .isEqualTo("due=true\nreason=there is no deployed build manifest (nowhere.json)\n");
    TestSites.write(site, "garbage.json", "<html>404</html>");
    assertThat(CliRun.in(site, "due", "--deployed", "garbage.json", "--now", BUILT).out())
        .isEqualTo(
            "due=true\nreason=the deployed build manifest garbage.json is no manifest: it is"
                + " not JSON\n");
    assertThat(CliRun.in(site, "due", "--now", BUILT).out()).startsWith("due=true\n");
  }

  @Test
  void anotherGeneratorIsDue() throws IOException {
    Path deployed = temp.resolve("deployed.json");
    Files.writeString(
        deployed,
        Files.readString(deployed)
            .replaceFirst("\"generator\": \"[^\"]*\"", "\"generator\": \"0.0.1\""));
    assertThat(due(BUILT).out())
        .isEqualTo(
            "due=true\nreason=the generator changed (0.0.1 → "
                + GeneratorVersion.current()
                + ")\n");
  }

  @Test
  void usageAndSiteProblemsExitTwo() {
    assertThat(CliRun.in(temp, "due", "--now", BUILT).exitCode()).isEqualTo(2);
    assertThat(CliRun.in(site, "due", "--now", "tomorrow").exitCode()).isEqualTo(2);
  }

  @Test
  void aSealedEmbargoIsReadWithTheKeyTheBuildHas() throws IOException {
    TestKeys ci = TestKeys.generate("Publishing CI");
    Path config = site.resolve("site-config.yaml");
    Files.writeString(
        config, Files.readString(config) + "sealing:\n  recipients:\n    - keys/ci.asc\n");
    TestSites.write(site, "keys/ci.asc", ci.publicKey());
    assertThat(CliRun.in(site, "seal", EMBARGOED).exitCode()).isZero();
    Map<String, String> key = Map.of("DISCLOSE_SEALING_KEY", ci.secret());
    deploy(key, BUILT);
    assertThat(due(key, "2026-01-15T15:59:59Z").out()).startsWith("due=false\n");
    assertThat(due(key, LIFTS).out())
        .isEqualTo("due=true\nreason=" + EMBARGOED + "'s embargo lifted\n");
    // Without the key the build cannot publish it either: nothing to do.
    deploy(Map.of(), BUILT);
    assertThat(due(LIFTS).out()).startsWith("due=false\n");
  }
}
