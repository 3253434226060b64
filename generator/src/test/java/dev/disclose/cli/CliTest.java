package dev.disclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir Path site;

  private Path siteWith(String advisory) throws Exception {
    TestSites.withConfig(site);
    TestSites.write(site, "advisories/2025/DEMO-2025-0001.md", advisory);
    return site;
  }

  @Test
  void helpListsTheCommandsAndExitsZero() {
    CliRun run = CliRun.in(site, "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("validate", "new", "assign-ids", "Exit codes");
    String[] commands = {
      "validate",
      "build",
      "serve",
      "export",
      "link-release-notes",
      "embargoes",
      "import",
      "new",
      "assign-ids"
    };
    for (String command : commands) {
      CliRun sub = CliRun.in(site, command, "--help");
      assertThat(sub.exitCode()).as(command).isZero();
      assertThat(sub.out()).contains("--root");
      // The command list shows each description's first line alone: it must be a whole sentence.
      List<String> lines = run.out().lines().toList();
      int at =
          lines.indexOf(
              lines.stream()
                  .filter(l -> l.startsWith("  " + command + " "))
                  .findFirst()
                  .orElseThrow());
      StringBuilder listed = new StringBuilder(lines.get(at).strip());
      for (int i = at + 1; i < lines.size() && lines.get(i).startsWith("          "); i++)
        listed.append(' ').append(lines.get(i).strip());
      assertThat(listed.toString()).as(command).endsWith(".");
    }
  }

  /** A run makes only the command it names, yet help and mistakes still see every command. */
  @Test
  void everyCommandIsListedAndSuggestedThoughARunMakesOnlyTheOneItNames() throws Exception {
    List<String> listed = CliRun.in(site, "--help").out().lines().toList();
    for (Class<?> command : DiscloseCommand.COMMANDS) {
      String name = command.getAnnotation(picocli.CommandLine.Command.class).name();
      assertThat(listed).as(name).anyMatch(l -> l.startsWith("  " + name + " "));
      assertThat(DiscloseCommand.commandsFor(name, "--root", "x")).containsExactly(command);
    }
    assertThat(DiscloseCommand.commandsFor("--help", "build")).isEqualTo(DiscloseCommand.COMMANDS);
    CliRun mistyped = CliRun.in(site, "biuld");
    assertThat(mistyped.exitCode()).isEqualTo(2);
    assertThat(mistyped.err()).contains("Did you mean: disclose build?");
    assertThat(CliRun.in(site, "export", "--help").out()).contains("Formats:", "search-index");
    // The settings made after the command is added reach it: enum values in any case.
    siteWith(TestSites.validAdvisory("DEMO-2025-0001"));
    assertThat(CliRun.in(site, "validate", "--format", "JSON").out()).contains("\"files\"");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(CliRun.in(site, "frobnicate").exitCode()).isEqualTo(2);
    assertThat(CliRun.in(site).exitCode()).isEqualTo(2);
    assertThat(CliRun.in(site, "validate", "--format", "xml").exitCode()).isEqualTo(2);
    assertThat(CliRun.in(site, "validate", "--now", "tomorrow").err()).contains("not an instant");
  }

  @Test
  void missingSiteConfigIsAnIoErrorWithAHint() {
    CliRun run = CliRun.in(site, "validate");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("no site-config.yaml")
        .contains("--root")
        .doesNotContain("Exception");
  }

  @Test
  void cleanSiteExitsZero() throws Exception {
    siteWith(TestSites.validAdvisory("DEMO-2025-0001"));
    CliRun run = CliRun.in(site, "validate");
    assertThat(run.out()).isEqualTo("checked 1 file: no problems\n");
    assertThat(run.exitCode()).isZero();
    // Until OSV registers the prefix, its records carry x_, and validate says how to change that.
    assertThat(run.err())
        .startsWith("note: OSV records are exported as x_DEMO-…")
        .contains("https://github.com/ossf/osv-schema", "osv_prefix_registered: true");
    assertThat(CliRun.in(site, "validate", "--format", "json").err()).isEmpty();
    Files.writeString(
        site.resolve("site-config.yaml"),
        Files.readString(site.resolve("site-config.yaml")) + "osv_prefix_registered: true\n");
    assertThat(CliRun.in(site, "validate").err()).isEmpty();
  }

  @Test
  void rootOptionWorksFromAnotherFolder(@TempDir Path elsewhere) throws Exception {
    siteWith(TestSites.validAdvisory("DEMO-2025-0001").replace("CWE-22", "CWE22"));
    CliRun run = CliRun.in(elsewhere, "validate", "--root", site.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(site.resolve("advisories/2025/DEMO-2025-0001.md") + ":8:8: error[W001]");
  }

  @Test
  void warningsPassUnlessStrict() throws Exception {
    siteWith(TestSites.validAdvisory("DEMO-2025-0001").replace("CWE-22", "CWE-999999"));
    assertThat(CliRun.in(site, "validate").exitCode()).isZero();
    assertThat(CliRun.in(site, "validate", "--strict").exitCode()).isEqualTo(1);
  }

  @Test
  void githubFormatPrintsEscapedAnnotationsAndIsTheDefaultUnderActions() throws Exception {
    siteWith(TestSites.validAdvisory("DEMO-2025-0001").replace("severity:", "sevrity:"));
    CliRun run = CliRun.in(site, Map.of("GITHUB_ACTIONS", "true"), "validate");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "::error file=advisories/2025/DEMO-2025-0001.md,line=6,col=1,title=S003 unknown-key::"
                + "unknown key `sevrity` in the advisory; did you mean `severity`?\n");
    assertThat(CliRun.in(site, "validate", "--format", "github").out()).isEqualTo(run.out());
  }

  @Test
  void untrustedTextCannotForgeAnnotationsOrEscapeSequences() throws Exception {
    TestSites.withConfig(site);
    TestSites.write(
        site,
        "advisories/a,b/DEMO-2025-0001.md",
        TestSites.validAdvisory("DEMO-2025-0001")
            .replace(
                "severity:", "\"x\\n::error file=README.md,line=1::pwned\\e[2K\": 1\nseverity:"));
    CliRun github = CliRun.in(site, "validate", "--format", "github");
    assertThat(github.out())
        .contains(
            "::error file=advisories/a%2Cb/DEMO-2025-0001.md,line=6,col=1,title=S003 unknown-key::")
        .contains("\\u{000A}::error file=README.md")
        .doesNotContain("\u001b")
        .doesNotContain("\n::error file=README.md");
    CliRun text = CliRun.in(site, "validate");
    assertThat(text.out())
        .contains("unknown key `x\\u{000A}::error file=README.md,line=1::pwned\\u{001B}[2K`")
        .doesNotContain("\u001b");
  }

  @Test
  void jsonFormatIsMachineReadable() throws Exception {
    siteWith(TestSites.validAdvisory("DEMO-2025-0001").replace("fixed: 0.7.2", "fixed: 0.4.0"));
    CliRun run = CliRun.in(site, "validate", "--format", "json");
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("files").asInt()).isEqualTo(1);
    assertThat(json.get("errors").asInt()).isEqualTo(1);
    JsonNode d = json.get("diagnostics").get(0);
    assertThat(d.get("file").asText()).isEqualTo("advisories/2025/DEMO-2025-0001.md");
    assertThat(d.get("line").asInt()).isEqualTo(14);
    assertThat(d.get("code").asText()).isEqualTo("R002");
    assertThat(d.get("rule").asText()).isEqualTo("range-order");
    assertThat(d.get("severity").asText()).isEqualTo("error");
  }

  @Test
  void pathsSelectWhichFilesAreReportedButCrossFileRulesSeeAll() throws Exception {
    siteWith(TestSites.validAdvisory("DEMO-2025-0001"));
    TestSites.write(
        site, "advisories/2025/DEMO-2025-0002.md", TestSites.validAdvisory("DEMO-2025-0002"));
    TestSites.write(
        site,
        "advisories/2025/DEMO-2025-0003.md",
        TestSites.validAdvisory("DEMO-2025-0003")
            .replace("CVE-2025-31337", "CVE-2025-40000")
            .replace("CWE-22", "CWE22"));
    CliRun run = CliRun.in(site, "validate", "advisories/2025/DEMO-2025-0002.md");
    assertThat(run.out())
        .contains("DEMO-2025-0002.md:2:5: error[I009]")
        .doesNotContainPattern("(?m)^advisories/2025/DEMO-2025-0001\\.md:")
        .doesNotContainPattern("(?m)^advisories/2025/DEMO-2025-0003\\.md:")
        .endsWith("checked 1 file: 1 error, 0 warnings\n");
    assertThat(CliRun.in(site, "validate", "advisories/nope.md").exitCode()).isEqualTo(2);
  }

  @Test
  void selectionAlwaysReportsTheConfigurationAndStaysInsideTheAdvisories(@TempDir Path outside)
      throws Exception {
    siteWith(TestSites.validAdvisory("DEMO-2025-0001"));
    Files.writeString(site.resolve("site-config.yaml"), TestSites.CONFIG + "bogus_key: 1\n");
    Files.createDirectories(site.resolve("advisories/empty"));
    CliRun one = CliRun.in(site, "validate", "advisories/2025/DEMO-2025-0001.md");
    assertThat(one.out()).contains("site-config.yaml:5:1: error[S003]");
    assertThat(one.exitCode()).isEqualTo(1);
    CliRun empty = CliRun.in(site, "validate", "advisories/empty");
    assertThat(empty.out())
        .doesNotContain("DEMO-2025-0001.md")
        .endsWith("checked 0 files: 1 error, 0 warnings\n");
    Files.writeString(outside.resolve("secret.md"), "password");
    CliRun escape = CliRun.in(site, "validate", outside.resolve("secret.md").toString());
    assertThat(escape.exitCode()).isEqualTo(2);
    assertThat(escape.err()).contains("is not inside").doesNotContain("password");
  }

  @Test
  void outputIsTheSameEveryRun() throws Exception {
    siteWith(TestSites.validAdvisory("DEMO-2025-0001").replace("CWE-22", "CWE22"));
    for (int i = 2; i <= 40; i++) {
      String id = String.format("DEMO-2025-%04d", i);
      TestSites.write(
          site,
          "advisories/2025/" + id + ".md",
          TestSites.validAdvisory(id)
              .replace("CVE-2025-31337", "CVE-2025-4" + String.format("%04d", i))
              .replace("0.7.2", i % 3 == 0 ? "0.4" : "0.7.2"));
    }
    String first = CliRun.in(site, "validate").out();
    for (int i = 0; i < 5; i++) assertThat(CliRun.in(site, "validate").out()).isEqualTo(first);
  }
}
