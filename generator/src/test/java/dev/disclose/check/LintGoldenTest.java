package dev.disclose.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.CliRun;
import dev.disclose.testing.Golden;
import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * One fixture per validation rule: {@code golden/lint/<CODE>/<case>/} is a small site (a valid
 * advisory with one defect) and {@code expected.txt} is exactly what {@code disclose validate}
 * prints for it. A case may hold {@code setup.txt} for what git cannot carry well: {@code link PATH
 * TARGET} makes a symbolic link, {@code pad PATH BYTES} appends filler until the file has that many
 * bytes, {@code write PATH TEXT} writes a file (also outside the site, with ../), {@code copy FROM
 * TO} copies a file of the site (names that only differ in case or normalization from another
 * cannot be committed: a checkout on macOS or Windows could not hold them).
 */
class LintGoldenTest {
  static final Path LINT = Path.of("src/test/resources/golden/lint");

  @TempDir Path temp;

  @TestFactory
  Stream<DynamicTest> everyFixturePrintsItsExpectedDiagnostics() throws IOException {
    return cases()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    LINT.relativize(dir).toString(),
                    () -> {
                      Path site = temp.resolve(LINT.relativize(dir).toString()).resolve("site");
                      TestSites.copyTree(dir, site);
                      Files.deleteIfExists(site.resolve("expected.txt"));
                      Files.deleteIfExists(site.resolve("setup.txt"));
                      applySetup(dir.resolve("setup.txt"), site);
                      TestSites.withConfig(site);
                      CliRun run = CliRun.in(site, "validate");
                      // Nothing on stderr but the note about OSV's x_ prefix (see CliTest), which
                      // is not a finding.
                      assertThat(
                              run.err()
                                  .lines()
                                  .filter(
                                      l -> !l.startsWith("note: OSV records are exported as x_")))
                          .isEmpty();
                      guardCount(dir.resolve("expected.txt"), run.out());
                      Golden.assertMatches(dir.resolve("expected.txt"), run.out());
                      boolean errors = run.out().contains(": error[");
                      assertThat(run.exitCode()).as("exit code").isEqualTo(errors ? 1 : 0);
                    }));
  }

  /**
   * A golden update may reword findings but not add or lose any: that is a behaviour change to look
   * at case by case ({@code -Dgolden.force=true} accepts it).
   */
  private static void guardCount(Path expected, String actual) throws IOException {
    if (!Golden.updating() || Boolean.getBoolean("golden.force") || !Files.exists(expected)) return;
    long before = findings(Files.readString(expected, StandardCharsets.UTF_8));
    long after = findings(actual);
    assertThat(after)
        .as(
            "number of findings in %s changed from %d to %d; rerun with -Dgolden.force=true "
                + "if that is intended",
            expected, before, after)
        .isEqualTo(before);
  }

  private static long findings(String output) {
    return output.lines().filter(l -> l.matches("^\\S.*:\\d+:\\d+: (error|warning)\\[.*")).count();
  }

  static Stream<Path> cases() throws IOException {
    try (Stream<Path> rules = Files.list(LINT)) {
      List<Path> dirs = rules.filter(Files::isDirectory).sorted().toList();
      return dirs.stream()
          .flatMap(
              rule -> {
                try (Stream<Path> cs = Files.list(rule)) {
                  return cs.filter(Files::isDirectory).sorted().toList().stream();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }

  static void applySetup(Path setup, Path site) throws IOException {
    if (!Files.exists(setup)) return;
    for (String line : Files.readAllLines(setup, StandardCharsets.UTF_8)) {
      String[] parts = line.strip().split("\\s+");
      if (parts.length == 3 && parts[0].equals("link")) {
        Path link = site.resolve(parts[1]);
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, Path.of(parts[2]));
      } else if (parts.length == 3 && parts[0].equals("pad")) {
        Path file = site.resolve(parts[1]);
        long size = Long.parseLong(parts[2]);
        StringBuilder filler = new StringBuilder();
        long missing = size - Files.size(file);
        String sentence = "Filler text that makes this advisory far too long. \n";
        while (filler.length() < missing) filler.append(sentence);
        filler.setLength((int) Math.max(0, missing));
        Files.writeString(file, filler, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      } else if (parts.length == 3 && parts[0].equals("copy")) {
        Path target = site.resolve(parts[2]);
        Files.createDirectories(target.getParent());
        Files.copy(site.resolve(parts[1]), target);
      } else if (parts.length >= 3 && parts[0].equals("write")) {
        // A file outside the site (the path may climb out of it), e.g. a secret a link points to.
        Path file = site.resolve(parts[1]).normalize();
        Files.createDirectories(file.getParent());
        Files.writeString(
            file,
            line.strip().substring(line.strip().indexOf(parts[2])) + "\n",
            StandardCharsets.UTF_8);
      } else if (!line.isBlank()) {
        throw new IllegalArgumentException("setup.txt: cannot read `" + line + "`");
      }
    }
  }
}
