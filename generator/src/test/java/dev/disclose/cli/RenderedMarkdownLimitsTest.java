package dev.disclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build renders Markdown from release notes and the policy page as well as from advisories:
 * past the renderer's limits, each is a C004 finding of {@code validate} at its file, line and
 * column, and {@code build} refuses it the same way instead of failing while it renders.
 */
class RenderedMarkdownLimitsTest {
  private static final String NESTED = ">".repeat(40) + " nested";

  @TempDir Path temp;

  private static String config(String extra) {
    return TestSites.CONFIG + extra;
  }

  private static String releaseNotes(String source) {
    return """
        packages:
          - ecosystem: PyPI
            name: corvid-serve
            release_notes:
              %s
        """
        .formatted(source);
  }

  static Stream<Arguments> sites() {
    return Stream.of(
        Arguments.of(
            "changelog",
            Map.of(
                "site-config.yaml",
                config(releaseNotes("changelog: releases/CHANGELOG.md")),
                "releases/CHANGELOG.md",
                """
                # Changelog

                ## [0.7.3] - 2025-04-01

                ### Fixed
                - Faster downloads.

                ## [0.7.2] - 2025-03-04

                ### Security
                - Model downloads normalize the requested path (DEMO-2025-0001).

                %s

                [0.7.2]: https://example.org/0.7.2
                """
                    .formatted(NESTED)),
            "releases/CHANGELOG.md:13:17"),
        Arguments.of(
            "folder, first line of the notes",
            Map.of(
                "site-config.yaml",
                config(releaseNotes("folder: releases/corvid-serve")),
                "releases/corvid-serve/0.7.2.md",
                """
                ---
                version: 0.7.2
                date: 2025-03-04
                ---

                  %s
                Model downloads normalize the requested path (DEMO-2025-0001).
                """
                    .formatted(NESTED)),
            "releases/corvid-serve/0.7.2.md:6:19"),
        Arguments.of(
            "policy page",
            Map.of(
                "site-config.yaml",
                config("policy: docs/policy.md\n"),
                "docs/policy.md",
                """
                # Security policy

                Report vulnerabilities to security@example.org.

                %s
                """
                    .formatted(NESTED)),
            "docs/policy.md:5:17"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sites")
  void markdownPastTheLimitsIsAFindingAndRefusedByTheBuild(
      String name, Map<String, String> files, String where) throws IOException {
    Path site = temp.resolve("site");
    for (var e : files.entrySet()) TestSites.write(site, e.getKey(), e.getValue());
    TestSites.write(
        site, "advisories/2025/DEMO-2025-0001.md", TestSites.validAdvisory("DEMO-2025-0001"));
    CliRun validate = CliRun.in(site, "validate");
    assertThat(validate.out())
        .containsPattern("(?m)^" + where + ": error\\[C004\\]: more than 16 block quotes");
    assertThat(validate.exitCode()).as("validate: %s", validate.out()).isEqualTo(1);
    CliRun build = CliRun.in(site, "build");
    assertThat(build.out()).contains(where + ": error[C004]");
    assertThat(build.exitCode()).as("build: %s%s", build.out(), build.err()).isEqualTo(1);
    assertThat(build.err()).doesNotContain("Exception", "internal error", "the build failed");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sites")
  void theSameTextWithinTheLimitsBuilds(String name, Map<String, String> files, String where)
      throws IOException {
    Path site = temp.resolve("site");
    for (var e : files.entrySet())
      TestSites.write(site, e.getKey(), e.getValue().replace(NESTED, "> quoted"));
    TestSites.write(
        site, "advisories/2025/DEMO-2025-0001.md", TestSites.validAdvisory("DEMO-2025-0001"));
    CliRun validate = CliRun.in(site, "validate");
    assertThat(validate.out()).as("validate").doesNotContain(": error[");
    CliRun build = CliRun.in(site, "build");
    assertThat(build.exitCode()).as("build: %s%s", build.out(), build.err()).isZero();
  }

  @Test
  void aPolicyPageThatIsNotUtf8IsAFindingOfValidateAtTheConfigsLine() throws IOException {
    Path site = temp.resolve("site");
    TestSites.write(site, "site-config.yaml", config("policy: docs/policy.md\n"));
    TestSites.write(
        site, "advisories/2025/DEMO-2025-0001.md", TestSites.validAdvisory("DEMO-2025-0001"));
    Files.createDirectories(site.resolve("docs"));
    Files.write(site.resolve("docs/policy.md"), new byte[] {'#', ' ', (byte) 0xC3, '(', '\n'});
    CliRun validate = CliRun.in(site, "validate");
    assertThat(validate.out())
        .containsPattern(
            "(?m)^site-config.yaml:5:9: error\\[F009\\]: `policy` names `docs/policy.md`: .*UTF-8");
    assertThat(validate.exitCode()).as("validate: %s", validate.out()).isEqualTo(1);
    CliRun build = CliRun.in(site, "build");
    assertThat(build.out()).contains("site-config.yaml:5:9: error[F009]");
    assertThat(build.exitCode()).isEqualTo(1);
  }
}
