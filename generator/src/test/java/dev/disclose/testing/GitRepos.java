package dev.disclose.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Real git repositories for tests: made, committed to at given instants, cloned. */
public final class GitRepos {
  private GitRepos() {}

  /** Skips the test where git is not installed. */
  public static void requireGit() {
    boolean found;
    try {
      Process p = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      found = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      found = false;
    }
    assumeTrue(found, "git is not installed");
  }

  /** Runs git in {@code dir}, which must succeed; its standard output. */
  public static String git(Path dir, String... args) {
    return git(dir, Map.of(), args);
  }

  /** Runs git in {@code dir} with {@code env} added, which must succeed; its standard output. */
  public static String git(Path dir, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    try {
      ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
      pb.environment().putAll(env);
      pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
      Process p = pb.redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as("git %s: %s", String.join(" ", args), out).isZero();
      return out;
    } catch (IOException e) {
      throw new AssertionError("cannot run git", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A new repository in {@code dir}, on branch main. */
  public static void init(Path dir) {
    git(dir, "init", "-q", "-b", "main");
  }

  /** Commits everything in {@code dir}, authored and committed at {@code when}. */
  public static void commit(Path dir, String when, String message) {
    Map<String, String> env = Map.of("GIT_AUTHOR_DATE", when, "GIT_COMMITTER_DATE", when);
    git(dir, env, "add", "-A");
    git(
        dir,
        env,
        "-c",
        "user.name=T",
        "-c",
        "user.email=t@example.org",
        "-c",
        "commit.gpgsign=false",
        "commit",
        "-q",
        "-m",
        message);
  }
}
