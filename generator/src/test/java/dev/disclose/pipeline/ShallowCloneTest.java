package dev.disclose.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.CliRun;
import dev.disclose.testing.GitRepos;
import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shallow clone (actions/checkout without {@code fetch-depth: 0}) has one commit: every advisory
 * without {@code modified} would be dated at it. Public outputs refuse it, with the fix; made here
 * by a real {@code git clone --depth 1}.
 */
class ShallowCloneTest {
  static final String REFUSAL =
      "disclose: this is a shallow clone: advisories without `modified` would be dated at its one"
          + " commit (DEMO-2025-0001 states none); fetch the history (`git fetch --unshallow`, or"
          + " `fetch-depth: 0` in actions/checkout)\n";

  @TempDir Path temp;
  Path origin;

  @BeforeEach
  void makeHistory() throws IOException {
    GitRepos.requireGit();
    origin = TestSites.withConfig(temp.resolve("origin"));
    GitRepos.init(origin);
    TestSites.write(
        origin, "advisories/2025/DEMO-2025-0001.md", TestSites.validAdvisory("DEMO-2025-0001"));
    GitRepos.commit(origin, "2025-03-04T10:00:00Z", "Add an advisory");
    TestSites.write(origin, "README.md", "Security advisories.\n");
    GitRepos.commit(origin, "2025-06-01T10:00:00Z", "Add a README");
  }

  private Path copy(String... options) {
    Path clone = temp.resolve("clone-" + System.nanoTime());
    String[] args = new String[options.length + 4];
    args[0] = "clone";
    args[1] = "-q";
    System.arraycopy(options, 0, args, 2, options.length);
    args[args.length - 2] = origin.toUri().toString();
    args[args.length - 1] = clone.toString();
    GitRepos.git(temp, args);
    return clone;
  }

  @Test
  void aShallowCloneIsRefusedWithTheFixAndNothingWritten() {
    Path shallow = copy("--depth", "1");
    assertThat(GitRepos.git(shallow, "rev-parse", "--is-shallow-repository")).isEqualTo("true\n");

    CliRun build = CliRun.in(shallow, "build");
    assertThat(build.exitCode()).isEqualTo(2);
    assertThat(build.err()).isEqualTo(REFUSAL);
    assertThat(shallow.resolve("_site")).doesNotExist();

    CliRun export = CliRun.in(shallow, "export", "osv", "--out", "osv");
    assertThat(export.exitCode()).isEqualTo(2);
    assertThat(export.err()).isEqualTo(REFUSAL);

    // A preview is no public output: it may show dates the clone gets wrong.
    assertThat(CliRun.in(shallow, "build", "--preview").exitCode()).isZero();
    assertThat(CliRun.in(shallow, "validate").exitCode()).isZero();
  }

  @Test
  void theWholeHistoryBuildsAndDatesTheAdvisoryAtItsOwnCommit() throws IOException {
    Path full = copy();
    CliRun build = CliRun.in(full, "build");
    assertThat(build.exitCode()).as(build.err()).isZero();
    assertThat(Files.readString(full.resolve("_site/osv/x_DEMO-2025-0001.json")))
        .contains("\"modified\": \"2025-03-04T10:00:00Z\"");
  }

  @Test
  void whenEveryPublicAdvisoryStatesModifiedNothingNeedsTheHistory() throws IOException {
    Path file = origin.resolve("advisories/2025/DEMO-2025-0001.md");
    Files.writeString(
        file,
        Files.readString(file)
            .replace("published: 2025-03-04\n", "published: 2025-03-04\nmodified: 2025-03-05\n"));
    GitRepos.commit(origin, "2025-07-01T10:00:00Z", "State when it changed");
    Path shallow = copy("--depth", "1");
    CliRun build = CliRun.in(shallow, "build");
    assertThat(build.exitCode()).as(build.err()).isZero();
    assertThat(Files.readString(shallow.resolve("_site/osv/x_DEMO-2025-0001.json")))
        .contains("\"modified\": \"2025-03-05T12:00:00Z\"");

    // CSAF lists each commit as a revision, which the clone does not have.
    Path config = origin.resolve("site-config.yaml");
    Files.writeString(config, Files.readString(config) + "formats: [osv, csaf]\n");
    GitRepos.commit(origin, "2025-07-02T10:00:00Z", "Publish CSAF");
    Path csaf = copy("--depth", "1");
    CliRun refused = CliRun.in(csaf, "build");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err())
        .contains("this is a shallow clone: the CSAF documents list their files' commits")
        .contains("`git fetch --unshallow`");
  }
}
