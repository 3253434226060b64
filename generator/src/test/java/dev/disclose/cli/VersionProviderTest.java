package dev.disclose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class VersionProviderTest {
  @Test
  void namesTheVersionAndTheCommit() {
    assertThat(VersionProvider.describe("0.2.0", "abc1234\n"))
        .isEqualTo("disclose 0.2.0 (commit abc1234)");
  }

  @Test
  void saysWhenTheWorkTreeDifferedFromTheCommit() {
    assertThat(VersionProvider.describe("0.1.0-SNAPSHOT", "abc1234-modified\n"))
        .isEqualTo("disclose 0.1.0-SNAPSHOT (commit abc1234, modified)");
  }

  @Test
  void aBuildWithoutGitNamesNoCommit() {
    assertThat(VersionProvider.describe("0.2.0", "")).isEqualTo("disclose 0.2.0");
    assertThat(VersionProvider.describe("${project.version}", null)).isEqualTo("disclose dev");
  }

  /** The build's resources: Maven's version and the checkout's commit. */
  @Test
  void theBuiltClassesPrintTheProjectVersionAndTheCheckoutsCommit() {
    assumeTrue(Files.exists(Path.of("../.git")), "a git checkout");
    assertThat(new VersionProvider().getVersion())
        .singleElement()
        .asString()
        .matches("disclose \\d+\\.\\d+\\.\\d+\\S* \\(commit [0-9a-f]{7,}(, modified)?\\)");
  }
}
