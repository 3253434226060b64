package dev.disclose.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.CliRun;
import dev.disclose.testing.Golden;
import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * One fixture per case of foreign data a site tolerates: {@code golden/foreign/<case>/records/}
 * holds the records as their database published them (OSV JSON or YAML, or RustSec Markdown), and
 * {@code expected.txt} is the whole story on an empty site: what {@code disclose import} prints,
 * the advisory files it writes, what {@code disclose validate} prints (warnings only: exit 0), and
 * the OSV records {@code disclose build} exports for them. Importing the records again changes
 * nothing.
 */
class ForeignRecordFixturesTest {
  static final Path CASES = Path.of("src/test/resources/golden/foreign");
  static final String NOW = "2026-11-22T12:00:00Z";

  @TempDir Path temp;

  @TestFactory
  Stream<DynamicTest> everyToleratedCaseImportsValidatesWithWarningsAndExports()
      throws IOException {
    try (Stream<Path> dirs = Files.list(CASES)) {
      return dirs.filter(Files::isDirectory).sorted().toList().stream()
          .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }
  }

  private void check(Path dir) throws IOException {
    Path site = TestSites.withConfig(temp.resolve(dir.getFileName().toString()));
    Path records = dir.resolve("records");
    boolean rustsec;
    try (Stream<Path> files = Files.list(records)) {
      rustsec = files.anyMatch(f -> f.toString().endsWith(".md"));
    }
    StringBuilder story = new StringBuilder();
    CliRun imported =
        CliRun.in(site, "import", rustsec ? "rustsec" : "osv", records.toAbsolutePath().toString());
    assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();
    story
        .append("$ disclose import ")
        .append(rustsec ? "rustsec" : "osv")
        .append(" records\n")
        .append(
            imported
                .out()
                .replace(records.toAbsolutePath() + "/", "records/")
                .replaceAll(", in \\d+\\.\\d s", ", in N s"));
    // Importing the same records again changes nothing and repeats no note.
    CliRun again =
        CliRun.in(site, "import", rustsec ? "rustsec" : "osv", records.toAbsolutePath().toString());
    assertThat(again.exitCode()).as(again.out()).isZero();
    assertThat(again.out().replaceAll(", in \\d+\\.\\d s", ""))
        .isEqualTo(
            imported
                    .out()
                    .lines()
                    .filter(l -> l.matches("\\d+ records: .*"))
                    .findFirst()
                    .orElseThrow()
                    .replaceAll("(\\d+) written, 0 unchanged", "0 written, $1 unchanged")
                    .replaceAll(", in \\d+\\.\\d s", "")
                + "\n");
    for (Path file : files(site.resolve("advisories"), ".md")) {
      story.append("\n$ cat ").append(site.relativize(file)).append('\n');
      story.append(read(file));
    }
    CliRun validate = CliRun.in(site, "validate", "--now", NOW);
    story.append("\n$ disclose validate\n").append(validate.out());
    assertThat(validate.exitCode()).as(validate.out()).isZero();
    assertThat(validate.out()).doesNotContain(": error[");
    CliRun build = CliRun.in(site, "build", "--now", NOW);
    assertThat(build.exitCode()).as(build.out() + build.err()).isZero();
    List<Path> osv = files(site.resolve("_site/osv"), ".json");
    assertThat(osv).isNotEmpty();
    for (Path file : osv) {
      story.append("\n$ cat ").append(site.resolve("_site").relativize(file)).append('\n');
      story.append(read(file)).append('\n');
    }
    Golden.assertMatches(dir.resolve("expected.txt"), story.toString());
  }

  /** The files under {@code root} named {@code *suffix}, but the site-wide ones, in path order. */
  private static List<Path> files(Path root, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .filter(p -> !p.getFileName().toString().equals("all.json"))
          .filter(p -> p.getParent().equals(root) || suffix.equals(".md"))
          .sorted()
          .toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
