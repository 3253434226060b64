package dev.disclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.CliRun;
import dev.disclose.testing.FuzzCorpus;
import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code validate} accepts, {@code build} builds, for every input of the fuzz corpus: each
 * seed is the one advisory of a site; where {@code validate} finds no error, {@code build} exits 0
 * and writes the site, and where it finds errors, neither command crashes. {@code
 * -Dfuzz.corpus=DIR} adds the files under DIR, such as the corpus a fuzzing run left in
 * .cifuzz-corpus/.
 */
class FuzzCorpusBuildTest {
  @TempDir Path temp;

  private static List<Path> inputs() throws IOException {
    String extra = System.getProperty("fuzz.corpus");
    if (extra == null) return FuzzCorpus.seeds();
    try (Stream<Path> walk = Files.walk(Path.of(extra))) {
      return Stream.concat(FuzzCorpus.seeds().stream(), walk.filter(Files::isRegularFile).sorted())
          .toList();
    }
  }

  @Test
  void theCorpusHoldsSeedsOfBothFuzzTests() {
    assertThat(FuzzCorpus.seeds())
        .extracting(p -> FuzzCorpus.SEEDS.relativize(p).getName(1).toString())
        .contains("AdvisoryFuzzTestInputs", "WriterFuzzTestInputs");
  }

  /** Without inputs that validate accepts, the test below would check nothing but crashes. */
  @Test
  void mostSeedsAreInputsThatValidateAccepts() throws IOException {
    long accepted = 0;
    for (Path seed : FuzzCorpus.seeds()) {
      byte[] bytes = Files.readAllBytes(seed);
      Path site = Files.createTempDirectory(temp, "seed");
      TestSites.withConfig(site);
      Files.write(site.resolve(FuzzCorpus.advisoryPath(bytes)), bytes);
      if (CliRun.in(site, "validate").exitCode() == Main.OK) accepted++;
    }
    assertThat(accepted).as("seeds validate accepts").isGreaterThan(FuzzCorpus.seeds().size() / 2);
  }

  @TestFactory
  Stream<DynamicTest> everyInputThatValidateAcceptsBuilds() throws IOException {
    return inputs().stream()
        .map(
            input ->
                DynamicTest.dynamicTest(
                    input.getParent().getFileName() + "/" + input.getFileName(),
                    () -> validateThenBuild(input)));
  }

  private void validateThenBuild(Path input) throws IOException {
    byte[] bytes = Files.readAllBytes(input);
    Path site = Files.createTempDirectory(temp, "site");
    TestSites.withConfig(site);
    Path file = site.resolve(FuzzCorpus.advisoryPath(bytes));
    Files.write(file, bytes);
    CliRun validate = CliRun.in(site, "validate");
    CliRun build = CliRun.in(site, "build");
    assertThat(validate.err() + build.err()).doesNotContain("internal error", "Exception");
    assertThat(validate.exitCode()).as("validate: %s", validate.out()).isIn(Main.OK, Main.FINDINGS);
    if (validate.exitCode() == Main.FINDINGS) {
      assertThat(build.exitCode()).as("build after validate's errors").isEqualTo(Main.FINDINGS);
    }
    Assumptions.assumeTrue(
        validate.exitCode() == Main.OK, () -> "validate rejects it: " + validate.out());
    assertThat(build.exitCode()).as("build: %s%s", build.out(), build.err()).isZero();
    assertThat(site.resolve("_site/index.html")).isRegularFile();
  }
}
