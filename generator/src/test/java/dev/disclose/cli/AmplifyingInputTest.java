package dev.disclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small advisory cannot make the build write far more than it holds: thousands of affected
 * packages (each gets a page and feeds of its own), thousands of ranges in one package, and a value
 * repeated by YAML aliases are each a finding of {@code validate} at its file and line, and {@code
 * build} refuses them before it writes anything.
 */
class AmplifyingInputTest {
  private static final String FILE = "advisories/2025/DEMO-2025-0001.md";

  @TempDir Path temp;

  /** The valid advisory with its `affected` list replaced by {@code affected}. */
  private static String withAffected(String affected) {
    String valid = TestSites.validAdvisory("DEMO-2025-0001");
    int start = valid.indexOf("affected:\n");
    int end = valid.indexOf("references:\n");
    return valid.substring(0, start) + "affected:\n" + affected + valid.substring(end);
  }

  private static String packages(int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(
          """
            - ecosystem: PyPI
              package: corvid-plugin-%04d
              ranges:
                - introduced: 0.5.0
                  fixed: 0.7.2
          """
              .formatted(i));
    }
    return out.toString();
  }

  private static String ranges(int count) {
    StringBuilder out = new StringBuilder("  - ecosystem: PyPI\n    package: corvid-serve\n");
    out.append("    ranges:\n");
    for (int i = 0; i < count; i++) {
      out.append("      - {introduced: %d.0.0, fixed: %d.0.1}\n".formatted(i, i));
    }
    return out.toString();
  }

  /** The 1-based line of {@code text} that first contains {@code needle}. */
  private static int lineOf(String text, String needle) {
    int at = text.indexOf(needle);
    assertThat(at).as("%s in the advisory", needle).isNotNegative();
    return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  private Path site(String advisory) throws IOException {
    Path site = TestSites.withConfig(temp.resolve("site"));
    TestSites.write(site, FILE, advisory);
    return site;
  }

  /** Validate reports {@code code} at {@code line}; build refuses and writes no output. */
  private void assertRefused(Path site, String code, int line) {
    CliRun validate = CliRun.in(site, "validate");
    assertThat(validate.out())
        .containsPattern("(?m)^" + FILE + ":" + line + ":\\d+: error\\[" + code + "\\]");
    assertThat(validate.exitCode()).as("validate: %s", validate.out()).isEqualTo(1);
    CliRun build = CliRun.in(site, "build");
    assertThat(build.exitCode()).as("build: %s%s", build.out(), build.err()).isEqualTo(1);
    assertThat(build.out()).contains("error[" + code + "]");
    assertThat(build.err()).doesNotContain("Exception", "internal error");
    assertThat(site.resolve("_site")).doesNotExist();
  }

  private void assertClean(Path site) {
    CliRun validate = CliRun.in(site, "validate");
    assertThat(validate.out()).as("validate").doesNotContain(": error[");
    assertThat(validate.exitCode()).as("validate: %s", validate.out()).isZero();
  }

  @Test
  void thousandsOfAffectedPackagesAreAFindingAtTheFirstOnePastTheLimit() throws IOException {
    String advisory = withAffected(packages(4000));
    assertThat(advisory.length()).as("well under 1 MiB").isLessThan(500_000);
    assertRefused(site(advisory), "P008", lineOf(advisory, "package: corvid-plugin-0200") - 1);
  }

  @Test
  void theLargestNumberOfPackagesAllowedValidates() throws IOException {
    assertClean(site(withAffected(packages(200))));
  }

  @Test
  void theLargestAdvisoryAllowedBuildsASiteInProportionToIt() throws IOException {
    // As many packages as allowed, and long details: each package's feeds could carry them all.
    String details = "The endpoint joined paths without normalizing them. ".repeat(2000);
    String advisory = withAffected(packages(200)) + details + "\n";
    Path site = site(advisory);
    CliRun build = CliRun.in(site, "build");
    assertThat(build.exitCode()).as("build: %s%s", build.out(), build.err()).isZero();
    long written;
    try (Stream<Path> files = Files.walk(site.resolve("_site"))) {
      written = files.filter(Files::isRegularFile).mapToLong(AmplifyingInputTest::size).sum();
    }
    assertThat(written)
        .as("bytes written for an advisory of %d bytes", advisory.length())
        .isLessThan(60L * advisory.length());
    // A package's feed carries its own line and a link; the site's feed carries the advisory whole.
    for (String feed : List.of("atom.xml")) {
      String own = Files.readString(site.resolve("_site/packages/PyPI/corvid-plugin-0007/" + feed));
      assertThat(own)
          .contains("corvid-plugin-0007 (PyPI)", "One of 200 affected packages")
          .doesNotContain("corvid-plugin-0008", "without normalizing");
    }
    assertThat(Files.readString(site.resolve("_site/feed.json")))
        .contains("corvid-plugin-0008", "without normalizing");
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void thousandsOfRangesInOnePackageAreAFindingAtTheFirstOnePastTheLimit() throws IOException {
    String advisory = withAffected(ranges(5000));
    assertRefused(site(advisory), "R005", lineOf(advisory, "{introduced: 200.0.0,"));
  }

  @Test
  void theLargestNumberOfRangesAllowedValidates() throws IOException {
    assertClean(site(withAffected(ranges(200))));
  }

  @Test
  void aValueRepeatedByAliasesIsRefusedAtTheAliasPastTheLimit() throws IOException {
    // A value named once and repeated by far more aliases than any advisory writes: a file under
    // the size limit whose keywords expand past the limit on values.
    StringBuilder keywords = new StringBuilder("keywords:\n  - &word " + "w".repeat(1000) + "\n");
    for (int i = 0; i < 99_000; i++) keywords.append("  - *word\n");
    String advisory =
        TestSites.validAdvisory("DEMO-2025-0001")
            .replace("cwes: [CWE-22]\n", "cwes: [CWE-22]\n" + keywords);
    Path site = site(advisory);
    assertThat(advisory.length()).as("well under 1 MiB").isLessThan(1_000_000);
    CliRun validate = CliRun.in(site, "validate");
    Matcher finding =
        Pattern.compile("(?m)^" + FILE + ":(\\d+):(\\d+): error\\[F012\\]").matcher(validate.out());
    assertThat(finding.find()).as("F012 in %s", validate.out()).isTrue();
    // At the alias whose repetition passes the limit on expanded characters, less the little the
    // advisory's other values hold.
    int line = Integer.parseInt(finding.group(1));
    int firstAlias = lineOf(advisory, "  - *word\n");
    assertThat(advisory.lines().skip(line - 1).findFirst()).hasValue("  - *word");
    assertThat(line - firstAlias).isBetween(2090, 2096);
    assertRefused(site, "F012", line);
  }

  @Test
  void aFewAliasesValidate() throws IOException {
    String advisory =
        TestSites.validAdvisory("DEMO-2025-0001")
            .replace(
                "cwes: [CWE-22]\n", "cwes: [CWE-22]\nkeywords: [&word traversal, *word, *word]\n");
    assertClean(site(advisory));
  }
}
