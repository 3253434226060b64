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

  /** Whether the history was cut short ({@code git clone --depth}): its oldest commits lie. */
  private final boolean shallow;

  private LastCommitTimes(Map<String, List<Instant>> byPath, boolean shallow) {
    this.byPath = byPath;
    this.shallow = shallow;
  }

  public static LastCommitTimes none() {
    return new LastCommitTimes(Map.of(), false);
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
    return new LastCommitTimes(
        Collections.unmodifiableMap(times), isShallow(root)); // not Map.copyOf: see Catalog
  }

  /**
   * Whether the repository at {@code root} is a shallow clone: there, a file's oldest commit in
   * sight is the clone's one commit, not the commit that last changed it.
   */
  public static boolean isShallow(Path root) {
    try {
      return Git.run(root, "rev-parse", "--is-shallow-repository")
          .map(out -> out.strip().equals("true"))
          .orElse(false);
    } catch (IOException e) {
      return false; // no git here
    }
  }

  /** Whether the history these times come from is a shallow clone's, cut short. */
  public boolean shallow() {
    return shallow;
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

  /** Equal when every path has the same commit times from an equally deep history. */
  @Override
  public boolean equals(Object o) {
    return o instanceof LastCommitTimes other
        && byPath.equals(other.byPath)
        && shallow == other.shallow;
  }

  @Override
  public int hashCode() {
    return byPath.hashCode() * 31 + Boolean.hashCode(shallow);
  }
}
