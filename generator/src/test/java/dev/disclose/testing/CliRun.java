package dev.disclose.testing;

import dev.disclose.cli.Environment;
import dev.disclose.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs the real CLI in-process, in a given folder, and captures what it prints. */
public record CliRun(int exitCode, String out, String err) {
  public static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  public static CliRun in(Path workingDirectory, String... args) {
    return in(workingDirectory, Map.of(), args);
  }

  public static CliRun in(Path workingDirectory, Map<String, String> variables, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Environment env =
        new Environment(
            new PrintWriter(out),
            new PrintWriter(err),
            workingDirectory.toAbsolutePath(),
            variables,
            Clock.fixed(NOW, ZoneOffset.UTC));
    int code = Main.run(env, args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
