package dev.disclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.disclose.authoring.InitDefaults;
import dev.disclose.authoring.SiteInit;
import dev.disclose.pipeline.BuildManifest;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.GitRepos;
import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code disclose init}: a working site from nothing, which {@code build} and {@code validate}
 * accept at once; never a file overwritten; values from flags, a terminal or the folder's GitHub
 * remote, and in CI a missing one named instead of asked for.
 */
class InitCommandTest {
  static final List<String> FILES =
      List.of(
          "site-config.yaml",
          "docs/security-policy.md",
          "advisories/example/WIDGET-0000-0000.md",
          ".github/workflows/validate.yml",
          ".github/workflows/publish.yml",
          ".gitignore");

  @TempDir Path temp;

  private CliRun init(String... flags) {
    List<String> args = new ArrayList<>(List.of("init", "--root", "widget"));
    args.addAll(List.of(flags));
    return CliRun.in(temp, args.toArray(String[]::new));
  }

  @Test
  void anEmptyFolderBecomesASiteThatValidatesAndBuilds() throws IOException {
    CliRun init =
        init("--base-url", "https://example.org/widget/", "--contact", "security@example.org");
    assertThat(init.exitCode()).as(init.err()).isZero();
    assertThat(init.err()).isEmpty();
    StringBuilder expected = new StringBuilder();
    for (String f : FILES) expected.append("wrote widget/").append(f).append('\n');
    expected.append(
        "next: disclose build --root widget, then commit and push; on GitHub, turn Pages on"
            + " (Settings → Pages → Source: GitHub Actions)\n");
    assertThat(init.out()).isEqualTo(expected.toString());

    Path site = temp.resolve("widget");
    String config = Files.readString(site.resolve("site-config.yaml"));
    assertThat(config)
        .startsWith(
            "title: Widget Security Advisories\n"
                + "base_url: https://example.org/widget/\n"
                + "id_prefix: WIDGET\n"
                + "security_contact: mailto:security@example.org\n"
                + "policy: docs/security-policy.md\n");
    assertThat(Files.readString(site.resolve(".gitignore"))).contains("_site/\n_preview/\n");

    CliRun validate = CliRun.in(site, "validate");
    assertThat(validate.exitCode()).as(validate.out()).isZero();
    assertThat(validate.out()).contains("warning[I002]").contains("0 errors, 1 warning");
    CliRun build = CliRun.in(site, "build");
    assertThat(build.exitCode()).as(build.err()).isZero();
    assertThat(build.out()).startsWith("built 0 advisories");
    assertThat(site.resolve("_site/policy/index.html")).exists();
    assertThat(site.resolve("_site").resolve(BuildManifest.FILE)).exists();
    // The draft waits for assign-ids; the build leaves it out.
    assertThat(Files.readString(site.resolve("_site/index.html"))).doesNotContain("WIDGET-0000");
  }

  @Test
  void aSecondRunKeepsEveryFileAndSaysSo() throws IOException {
    assertThat(
            init("--base-url", "https://example.org/", "--contact", "mailto:a@example.org")
                .exitCode())
        .isZero();
    Path site = temp.resolve("widget");
    Map<Path, byte[]> before = contents(site);
    CliRun again =
        init("--title", "Other", "--base-url", "https://other.example/", "--contact", "a@b.org");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out())
        .contains(
            "kept  widget/site-config.yaml: it exists\n",
            "kept  widget/docs/security-policy.md: it exists\n",
            "kept  widget/advisories: it holds advisories already, so no example\n",
            "kept  widget/.github/workflows/publish.yml: it exists\n",
            "kept  widget/.gitignore: it exists\n")
        .doesNotContain("wrote ");
    assertThat(again.err())
        .isEqualTo(
            "note: site-config.yaml exists and is kept, so --title, --base-url, --contact are not"
                + " applied; edit it instead\n");
    assertThat(contents(site)).containsExactlyInAnyOrderEntriesOf(before);
  }

  @Test
  void aKeptFileWithErrorsLeavesNoWorkingSite() throws IOException {
    TestSites.write(
        temp, "widget/site-config.yaml", "title: Widget\nid_prefix: WIDGET\nsecurity_contact: x\n");
    TestSites.write(temp, "widget/.gitignore", "node_modules/\n");
    CliRun init = init();
    assertThat(init.exitCode()).isEqualTo(1);
    assertThat(init.out())
        .contains("kept  widget/site-config.yaml: it exists\n")
        .contains("kept  widget/.gitignore: it exists; add _site/ and _preview/ to it\n")
        .contains("error[S001]")
        .doesNotContain("next:");
    assertThat(init.err()).contains("disclose: the site has errors in the files init kept");
  }

  @Test
  void withoutATerminalAMissingValueIsNamedNotAskedFor() {
    CliRun missing = init("--contact", "security@example.org");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err())
        .isEqualTo(
            "disclose: --base-url is missing, and nothing to derive it from (no terminal to ask on;"
                + " neither the folder's name nor a GitHub remote named origin gives one); pass"
                + " --base-url\n");
    assertThat(temp.resolve("widget/site-config.yaml")).doesNotExist();

    CliRun wrong =
        init("--base-url", "https://example.org/", "--id-prefix", "x-1", "--contact", "a@b.org");
    assertThat(wrong.exitCode()).isEqualTo(2);
    assertThat(wrong.err())
        .isEqualTo(
            "disclose: --id-prefix must be 2 to 16 capital letters and digits starting with a"
                + " letter, like EXMP\n");
  }

  @Test
  void aCloneOfAGitHubRepositoryGivesEveryValue() throws IOException {
    GitRepos.requireGit();
    Path repo = temp.resolve("checkout");
    Files.createDirectories(repo);
    GitRepos.init(repo);
    GitRepos.git(repo, "remote", "add", "origin", "git@github.com:Acme/widget-security.git");
    CliRun init = CliRun.in(repo, "init", "--root", "security");
    assertThat(init.exitCode()).as(init.err()).isZero();
    assertThat(init.out())
        .contains("wrote security/site-config.yaml\n", "wrote .github/workflows/publish.yml\n");
    assertThat(Files.readString(repo.resolve("security/site-config.yaml")))
        .startsWith(
            "title: Widget Security Advisories\n"
                + "base_url: https://acme.github.io/widget-security/\n"
                + "id_prefix: WIDGET\n"
                + "security_contact: https://github.com/Acme/widget-security/security/advisories/new\n"
                + "policy: docs/security-policy.md\n"
                + "repository: https://github.com/Acme/widget-security\n");
    JsonNode publish =
        new ObjectMapper(new YAMLFactory())
            .readTree(repo.resolve(".github/workflows/publish.yml").toFile());
    String steps = publish.path("jobs").path("build").path("steps").toString();
    assertThat(steps).contains("\"root\":\"security\"", "\"path\":\"security/_site\"");
    assertThat(Files.readString(repo.resolve("security/docs/security-policy.md")))
        .contains("use [GitHub's private vulnerability reporting]");
  }

  @Test
  void onATerminalEachMissingValueIsAskedForWithItsDefault() throws IOException {
    Path site = temp.resolve("widget");
    Deque<String> answers =
        new ArrayDeque<>(List.of("", "example.org", "https://example.org/sec", "", "a@b.org", ""));
    List<String> asked = new ArrayList<>();
    StringWriter err = new StringWriter();
    Environment env =
        new Environment(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            temp,
            Map.of(),
            Clock.fixed(CliRun.NOW, java.time.ZoneOffset.UTC));
    Optional<SiteInit.Settings> settings =
        new InitQuestions(
                env,
                Optional.of(
                    q -> {
                      asked.add(q);
                      return Optional.ofNullable(answers.poll());
                    }))
            .settings(
                InitDefaults.of(site),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    assertThat(asked)
        .containsExactly(
            "Title [Widget Security Advisories]: ",
            "Address the site is served from: ",
            "Address the site is served from: ",
            "ID prefix of the advisories [WIDGET]: ",
            "Where to report a vulnerability (mailto: or https:): ",
            "The repository's web address (optional): ");
    assertThat(err.toString())
        .isEqualTo("that must be an absolute http(s) URL, like https://example.org/security/\n");
    assertThat(settings)
        .contains(
            new SiteInit.Settings(
                "Widget Security Advisories",
                "https://example.org/sec/",
                "WIDGET",
                "mailto:a@b.org",
                Optional.empty(),
                "main"));
  }

  @Test
  void thePolicyPromisesWhatTheResponsePageMeasures() throws IOException {
    assertThat(init("--base-url", "https://example.org/", "--contact", "a@b.org").exitCode())
        .isZero();
    Path site = temp.resolve("widget");
    JsonNode targets =
        new ObjectMapper(new YAMLFactory())
            .readTree(site.resolve("site-config.yaml").toFile())
            .path("response_targets");
    String policy =
        Files.readString(site.resolve("docs/security-policy.md")).replaceAll("\\s+", " ");
    List<String> wordings = new ArrayList<>();
    targets.forEach(t -> wordings.add(t.path("wording").asText()));
    assertThat(wordings).hasSize(4).allSatisfy(w -> assertThat(policy).contains(w));
    for (String step : List.of("acknowledge", "assess", "disclose")) {
      String within = targets.path(step).path("within").asText();
      assertThat(targets.path(step).path("wording").asText()).as(step).contains(within);
    }
    for (String level : List.of("critical", "high", "medium", "low")) {
      String days = targets.path("fix").path(level).asText();
      String label = Character.toUpperCase(level.charAt(0)) + level.substring(1);
      assertThat(policy).containsPattern("\\| " + label + " \\| [0-9.–]+ \\| " + days + " \\|");
    }
  }

  private static Map<Path, byte[]> contents(Path dir) throws IOException {
    Map<Path, byte[]> out = new java.util.HashMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) out.put(p, Files.readAllBytes(p));
    }
    return out;
  }
}
