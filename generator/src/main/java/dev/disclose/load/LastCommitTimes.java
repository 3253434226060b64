package dev.disclose.load;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When each advisory file changed in git: its last commit is the default for {@code modified}, and
 * every commit is a revision of its CSAF document. One {@code git log} over the whole folder,
 * newest first, so the first time a path is seen is its latest commit — one process for ten
 * thousand files, not one per file. Outside a git repository, or without git, the map is empty and
 * {@code modified} falls back to {@code published}.
 */
public final class LastCommitTimes {
  /** Each path's commit times, newest first. */
  private final Map<String, List<Instant>> byPath;

  private LastCommitTimes(Map<String, List<Instant>> byPath) {
    this.byPath = byPath;
  }

  public static LastCommitTimes none() {
    return new LastCommitTimes(Map.of());
  }

  /** Reads the history of {@code root/advisories}. */
  public static LastCommitTimes read(Path root) {
    Optional<String> log;
    try {
      log =
          Git.run(
              root,
              "-c",
              "core.quotepath=off",
              "log",
              "--format=%x1e%cI",
              "--name-only",
              "--no-renames",
              "--relative",
              "--",
              SiteRoot.ADVISORIES_DIR);
    } catch (IOException e) {
      return none(); // no git here
    }
    if (log.isEmpty()) return none();
    Map<String, List<Instant>> times = new HashMap<>();
    Instant current = null;
    for (String line : log.get().split("\n")) {
      if (line.startsWith("\u001e")) {
        current = OffsetDateTime.parse(line.substring(1).strip()).toInstant();
      } else if (!line.isBlank() && current != null) {
        List<Instant> path = times.computeIfAbsent(line.strip(), p -> new ArrayList<>(1));
        if (path.isEmpty() || !path.get(path.size() - 1).equals(current)) path.add(current);
      }
    }
    times.replaceAll((path, list) -> Collections.unmodifiableList(list));
    return new LastCommitTimes(Collections.unmodifiableMap(times)); // not Map.copyOf: see Catalog
  }

  /** The last commit touching {@code relativePath} (from the site root, forward slashes). */
  public Optional<Instant> of(String relativePath) {
    List<Instant> commits = byPath.get(relativePath);
    return commits == null ? Optional.empty() : Optional.of(commits.get(0));
  }

  /** Every commit touching {@code relativePath}, newest first; empty outside git. */
  public List<Instant> all(String relativePath) {
    return byPath.getOrDefault(relativePath, List.of());
  }

  /** Equal when every path has the same commit times. */
  @Override
  public boolean equals(Object o) {
    return o instanceof LastCommitTimes other && byPath.equals(other.byPath);
  }

  @Override
  public int hashCode() {
    return byPath.hashCode();
  }
}
