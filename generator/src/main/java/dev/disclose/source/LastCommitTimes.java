package dev.disclose.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * When each advisory file last changed in git: the default for {@code modified}. One {@code git
 * log} over the whole folder, newest first, so the first time a path is seen is its latest
 * commit — one process for ten thousand files, not one per file. Outside a git repository, or
 * without git, the map is empty and {@code modified} falls back to {@code published}.
 */
public final class LastCommitTimes {
  private final Map<String, Instant> byPath;

  private LastCommitTimes(Map<String, Instant> byPath) {
    this.byPath = byPath;
  }

  public static LastCommitTimes none() {
    return new LastCommitTimes(Map.of());
  }

  /** Reads the history of {@code root/advisories}. */
  public static LastCommitTimes read(Path root) {
    ProcessBuilder pb = new ProcessBuilder("git", "-c", "core.quotepath=off", "log",
        "--format=%x1e%cI", "--name-only", "--no-renames", "--relative", "--", AdvisoryFiles.ADVISORIES_DIR)
        .directory(root.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
    Map<String, Instant> times = new HashMap<>();
    try {
      Process process = pb.start();
      try (BufferedReader reader = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        Instant current = null;
        String line;
        while ((line = reader.readLine()) != null) {
          if (line.startsWith("\u001e")) {
            current = OffsetDateTime.parse(line.substring(1).strip()).toInstant();
          } else if (!line.isBlank() && current != null) {
            times.putIfAbsent(line.strip(), current);
          }
        }
      }
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        return none();
      }
    } catch (IOException e) {
      return none(); // no git here
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return none();
    }
    return new LastCommitTimes(Map.copyOf(times));
  }

  /** The last commit touching {@code relativePath} (from the site root, forward slashes). */
  public Optional<Instant> of(String relativePath) {
    return Optional.ofNullable(byPath.get(relativePath));
  }
}
