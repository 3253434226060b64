package dev.disclose.load;

import java.nio.file.Path;
import java.util.Set;

/**
 * What a file watcher saw change since the previous load: {@code paths}, absolute and normalized,
 * if {@code known}; else anything may have. A load reads again what changed and takes every other
 * file as the previous load left it (for a one-off build there is no previous load: {@link
 * #UNKNOWN}).
 */
public record Changes(boolean known, Set<Path> paths) {
  public Changes {
    paths = Set.copyOf(paths);
  }

  /** Anything may have changed: every file is looked at. */
  public static final Changes UNKNOWN = new Changes(false, Set.of());

  /** Whether the watcher vouches that {@code file} did not change. */
  public boolean unchanged(Path file) {
    return known && !paths.contains(file);
  }
}
