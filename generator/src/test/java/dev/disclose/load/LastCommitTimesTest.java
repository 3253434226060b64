package dev.disclose.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LastCommitTimesTest {
  @TempDir Path repo;

  @Test
  void eachFileGetsTheTimeOfTheLastCommitThatTouchedIt() throws Exception {
    assumeTrue(git(repo, Map.of(), "--version") == 0, "git is not installed");
    git(repo, Map.of(), "init", "-q");
    TestSites.write(repo, "advisories/a/X-1.md", "one");
    TestSites.write(repo, "advisories/b/X-2.md", "two");
    commit("2025-01-01T10:00:00Z");
    TestSites.write(repo, "advisories/a/X-1.md", "one, amended");
    commit("2025-02-01T12:30:00Z");

    LastCommitTimes times = LastCommitTimes.read(repo);
    assertThat(times.of("advisories/a/X-1.md")).contains(Instant.parse("2025-02-01T12:30:00Z"));
    assertThat(times.of("advisories/b/X-2.md")).contains(Instant.parse("2025-01-01T10:00:00Z"));
    assertThat(times.of("advisories/c/X-3.md")).isEmpty();
    assertThat(times.all("advisories/a/X-1.md"))
        .containsExactly(
            Instant.parse("2025-02-01T12:30:00Z"), Instant.parse("2025-01-01T10:00:00Z"));
    assertThat(times.all("advisories/c/X-3.md")).isEmpty();
  }

  @Test
  void outsideAGitRepositoryThereAreNoTimes() {
    assertThat(LastCommitTimes.read(repo).of("advisories/a/X-1.md")).isEmpty();
  }

  private void commit(String when) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("GIT_AUTHOR_DATE", when);
    env.put("GIT_COMMITTER_DATE", when);
    assertThat(git(repo, env, "add", "-A")).isZero();
    assertThat(
            git(
                repo,
                env,
                "-c",
                "user.name=T",
                "-c",
                "user.email=t@example.org",
                "commit",
                "-q",
                "-m",
                "x"))
        .isZero();
  }

  private static int git(Path dir, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().putAll(env);
    try {
      return pb.start().waitFor();
    } catch (IOException e) {
      return -1;
    }
  }
}
