package dev.disclose.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What a command may see of the world: its output streams, the working directory, environment
 * variables and the clock. Passed in, so that tests run the real CLI without touching the JVM's.
 */
public record Environment(
    PrintWriter out,
    PrintWriter err,
    Path workingDirectory,
    Map<String, String> variables,
    Clock clock) {

  public static Environment system() {
    return new Environment(
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
        Path.of("").toAbsolutePath(),
        System.getenv(),
        Clock.systemUTC());
  }

  public boolean isGitHubActions() {
    return "true".equals(variables.get("GITHUB_ACTIONS"));
  }
}
