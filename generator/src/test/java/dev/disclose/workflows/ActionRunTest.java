package dev.disclose.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The action's last step (.github/actions/disclose/run.sh): the step outputs and the job summary it
 * makes of what disclose prints, with a stand-in launcher that prints what the real one would.
 */
class ActionRunTest {
  static final Path RUN = Path.of("../.github/actions/disclose/run.sh");

  @TempDir Path temp;
  private Path action;

  @BeforeEach
  void aStandInLauncher() throws Exception {
    action = Files.createDirectories(temp.resolve("action"));
    Path launcher = action.resolve("disclose");
    Files.writeString(
        launcher,
        """
        #!/bin/sh
        printf '%s\\n' "$*" > "$ARGS"
        case "$1" in
          validate)
            echo '::error file=advisories/a.md,line=7,col=1,title=S003 unknown-key::unknown key'
            echo '::warning file=advisories/b.md,line=3,col=1,title=V003 severity-missing::no severity'
            echo 'checked 18 files: 1 error, 1 warning'
            exit 1 ;;
          build)
            mkdir -p "$2/_site" 2>/dev/null || true
            echo 'built 16 advisories: 89 pages in 5.1 s'
            echo 'wrote 456 files, 1.1 MB to _site' ;;
          due) echo 'due=false'; echo 'reason=nothing changes before 2026-12-07T00:00:00Z' ;;
        esac
        """);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void validateCountsTheProblemsAndKeepsItsExitCode() throws Exception {
    Run run = run(Map.of("COMMAND", "validate", "ROOT", "security"));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stdout()).contains("::error file=advisories/a.md,line=7");
    assertThat(run.outputs()).containsEntry("errors", "1").containsEntry("warnings", "1");
    assertThat(run.summary()).contains("**disclose validate** `security`: checked 18 files");
    assertThat(run.args()).isEqualTo("validate --root security --format github");
  }

  @Test
  void buildNamesTheSiteAndCountsItsAdvisories() throws Exception {
    Run run = run(Map.of("COMMAND", "build", "ROOT", "site", "BASE_URL", "https://x.org/s/"));
    assertThat(run.exitCode()).isZero();
    assertThat(run.outputs())
        .containsEntry("site-path", "site/_site")
        .containsEntry("advisories", "16");
    assertThat(run.args()).isEqualTo("build --root site --base-url https://x.org/s/");
    assertThat(run.summary()).contains("built 16 advisories: 89 pages in 5.1 s, into `site/_site`");
  }

  @Test
  void dueHandsItsAnswerToTheWorkflow() throws Exception {
    Run run = run(Map.of("COMMAND", "due", "DEPLOYED", "/tmp/deployed.json"));
    assertThat(run.exitCode()).isZero();
    assertThat(run.outputs())
        .containsEntry("due", "false")
        .containsEntry("reason", "nothing changes before 2026-12-07T00:00:00Z");
    assertThat(run.args()).isEqualTo("due --root . --deployed /tmp/deployed.json");
  }

  @Test
  void anUnknownCommandOrAMissingInputIsAUsageError() throws Exception {
    Run unknown = run(Map.of("COMMAND", "deploy"));
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.stdout())
        .contains(
            "::error title=disclose::input 'command' must be validate, build, summary, export or"
                + " due, not 'deploy'");
    Run export = run(Map.of("COMMAND", "export", "FORMAT", "osv"));
    assertThat(export.exitCode()).isEqualTo(2);
    assertThat(export.stdout()).contains("the export command needs the inputs 'format'");
  }

  private record Run(
      int exitCode, String stdout, Map<String, String> outputs, String summary, String args) {}

  private Run run(Map<String, String> env) throws Exception {
    Path outputs = temp.resolve("outputs");
    Path summary = temp.resolve("summary");
    Path args = temp.resolve("args");
    Files.deleteIfExists(outputs);
    Files.deleteIfExists(summary);
    Files.deleteIfExists(args);
    ProcessBuilder pb =
        new ProcessBuilder("bash", RUN.toAbsolutePath().toString())
            .directory(temp.toFile())
            .redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("DISCLOSE_") || k.startsWith("GITHUB_"));
    pb.environment()
        .putAll(
            Map.of(
                "ACTION_PATH", action.toString(),
                "ARGS", args.toString(),
                "GITHUB_OUTPUT", outputs.toString(),
                "GITHUB_STEP_SUMMARY", summary.toString()));
    pb.environment().putAll(env);
    Process p = pb.start();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Map<String, String> values = new TreeMap<>();
    if (Files.exists(outputs)) {
      for (String line : Files.readAllLines(outputs)) {
        int eq = line.indexOf('=');
        values.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return new Run(
        p.exitValue(),
        stdout,
        values,
        Files.exists(summary) ? Files.readString(summary) : "",
        Files.exists(args) ? Files.readString(args).strip() : "");
  }
}
