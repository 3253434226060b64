package dev.disclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code validate} accepts, {@code build} builds: characters near XML's limits and names near
 * the file system's each validate clean and build, and each one past them is a finding with its
 * file and line, never a crash of the build.
 */
class BuildableInputTest {
  private static final String FIRST = "advisories/2025/DEMO-2025-0001.md";
  private static final String SECOND = "advisories/2025/DEMO-2025-0002.md";

  @TempDir Path temp;

  /** The first advisory with {@code from} replaced by {@code to}, and the second unchanged. */
  private static Map<String, String> first(String from, String to) {
    return Map.of(FIRST, edit(TestSites.validAdvisory("DEMO-2025-0001"), from, to));
  }

  /** Two advisories, each naming a Go package. */
  private static Map<String, String> goPackages(String one, String two) {
    return Map.of(
        FIRST, goPackage(TestSites.validAdvisory("DEMO-2025-0001"), one),
        SECOND,
            goPackage(TestSites.validAdvisory("DEMO-2025-0002"), two)
                .replace("CVE-2025-31337", "CVE-2025-31338"));
  }

  private static String goPackage(String advisory, String name) {
    return edit(
        edit(advisory, "ecosystem: PyPI", "ecosystem: Go"),
        "package: corvid-serve",
        "package: " + name);
  }

  /** The first advisory, and a changelog of its package with a release of each version. */
  private static Map<String, String> releases(String... versions) {
    StringBuilder changelog = new StringBuilder("# Changelog\n");
    for (String v : versions) {
      changelog
          .append("\n## [")
          .append(v)
          .append("] - 2025-02-01\n\n### Security\n- Path traversal (DEMO-2025-0001).\n");
    }
    return Map.of(
        FIRST,
        TestSites.validAdvisory("DEMO-2025-0001"),
        "site-config.yaml",
        TestSites.CONFIG
            + "packages:\n  - ecosystem: PyPI\n    name: corvid-serve\n"
            + "    release_notes:\n      changelog: releases/CHANGELOG.md\n",
        "releases/CHANGELOG.md",
        changelog.toString());
  }

  private static String edit(String text, String from, String to) {
    assertThat(text).contains(from);
    return text.replace(from, to);
  }

  private static final String TITLE = "title: Path traversal in the model download endpoint";
  private static final String DETAILS = "without normalizing it.";

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of("tab and emoji", first(TITLE, "title: \"Path\\ttraversal \\U0001F600\"")),
        Arguments.of("U+FFFD", first(DETAILS, DETAILS + " \uFFFD")),
        Arguments.of("bidi control in the details", first(DETAILS, DETAILS + " \u202Eb\u202C")),
        Arguments.of("alias index.htm", first("[CVE-2025-31337]", "[CVE-2025-31337, index.htm]")),
        // The longest name an ecosystem's rules allow (256 characters) is one folder name too long.
        Arguments.of(
            "255-byte name", first("package: corvid-serve", "package: " + "x".repeat(255))),
        Arguments.of("package beside another", goPackages("x.org/y", "x.org/y/atom")),
        Arguments.of("package under another", goPackages("x.org/y", "x.org/y/z")),
        Arguments.of("names near device names", goPackages("x.org/com10", "x.org/console.x")),
        Arguments.of(
            "alias near a device name", first("[CVE-2025-31337]", "[CVE-2025-31337, NULX.1]")),
        Arguments.of("versions near one page", releases("0.7.2", "0.7.1", "0.7.1.post1")));
  }

  static Stream<Arguments> rejected() {
    return Stream.of(
        Arguments.of("control escape", first(TITLE, "title: \"Path\\x01traversal\""), "3", "C005"),
        Arguments.of(
            "lone surrogate", first(TITLE, "title: \"Path \\uD800 traversal\""), "3", "C005"),
        Arguments.of("U+FFFF escape", first(TITLE, "title: \"Path \\uFFFF\""), "3", "C005"),
        Arguments.of("NUL in the details", first(DETAILS, DETAILS + "\0"), "19", "C005"),
        Arguments.of("bidi in the title", first(TITLE, "title: \"Path \\u202E\""), "3", "C006"),
        Arguments.of(
            "alias index.html",
            first("[CVE-2025-31337]", "[CVE-2025-31337, index.html]"),
            "5",
            "P007"),
        Arguments.of(
            "name over 255 bytes",
            first("package: corvid-serve", "package: " + "x".repeat(256)),
            "11",
            "P006"),
        Arguments.of(
            "package under a feed file", goPackages("x.org/y", "x.org/y/atom.xml"), "11", "P007"),
        Arguments.of("case only", goPackages("x.org/y", "x.org/Y"), "11", "P007"),
        Arguments.of("dot-dot part", goPackages("x.org/../y", "x.org/y"), "11", "P007"),
        Arguments.of("device name", goPackages("x.org/y", "x.org/con"), "11", "P010"),
        Arguments.of(
            "device name with an extension", goPackages("x.org/Lpt1.d", "x.org/y"), "11", "P010"),
        Arguments.of("alias NUL", first("[CVE-2025-31337]", "[CVE-2025-31337, NUL]"), "5", "P010"),
        Arguments.of(
            "version ending in a dot",
            releases("0.7.2", "0.7.1."),
            "releases/CHANGELOG.md:8",
            "P010"),
        Arguments.of(
            "versions one page apart from case",
            releases("0.7.2", "v0.7.1", "V0.7.1"),
            "releases/CHANGELOG.md:8",
            "F013"),
        Arguments.of(
            "versions one page",
            releases("0.7.2", "0.7.1 beta", "0.7.1-beta"),
            "releases/CHANGELOG.md:8",
            "F013"));
  }

  private Path site(Map<String, String> files) throws IOException {
    Path site = temp.resolve("site");
    TestSites.withConfig(site);
    for (var e : files.entrySet()) TestSites.write(site, e.getKey(), e.getValue());
    return site;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void whatValidateAcceptsBuilds(String name, Map<String, String> files) throws IOException {
    Path site = site(files);
    CliRun validate = CliRun.in(site, "validate");
    assertThat(validate.out()).as("validate").doesNotContain(": error[");
    assertThat(validate.exitCode()).as("validate: %s", validate.out()).isZero();
    CliRun build = CliRun.in(site, "build");
    assertThat(build.exitCode()).as("build: %s%s", build.out(), build.err()).isZero();
    assertThat(Files.isDirectory(site.resolve("_site").resolve("packages"))).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void whatBuildCannotWriteIsAFinding(
      String name, Map<String, String> files, String line, String code) throws IOException {
    Path site = site(files);
    CliRun validate = CliRun.in(site, "validate");
    assertThat(validate.exitCode()).as("validate: %s", validate.out()).isEqualTo(1);
    // `line` is a line of one of the advisories, or a file and its line.
    String where =
        line.contains(":") ? Pattern.quote(line) : "advisories/2025/DEMO-2025-000[12]\\.md:" + line;
    assertThat(validate.out()).containsPattern("(?m)^" + where + ":\\d+: error\\[" + code + "\\]");
    CliRun build = CliRun.in(site, "build");
    assertThat(build.exitCode()).as("build: %s%s", build.out(), build.err()).isEqualTo(1);
    assertThat(build.err()).doesNotContain("Exception", "internal error");
  }
}
