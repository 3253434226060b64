package dev.disclose.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs git in a folder: its standard output, or empty when git fails or takes over a minute. */
public final class Git {
  private Git() {}

  /**
   * @throws IOException when git cannot be started (not installed)
   */
  public static Optional<String> run(Path dir, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return Optional.empty();
    }
    return process.exitValue() == 0
        ? Optional.of(new String(out, StandardCharsets.UTF_8))
        : Optional.empty();
  }
}
