package dev.disclose.serve;

import dev.disclose.load.Changes;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The paths a file watcher reported changed (created, modified or deleted) since the last {@link
 * #take}, for a long-running process (the preview server) to read only those again. Unknown until
 * the first take or {@link #vouch} after {@link #unknown()}: at the start, after the watcher lost
 * events (an overflow), or after it began to watch a new folder, whose first events it missed. For
 * good after {@link #distrust()}: when the watcher's reports cannot be taken at their word (a
 * watched folder renamed, a folder it does not watch). Thread-safe: the watcher reports while a
 * rebuild takes.
 */
public final class ChangedPaths {
  private Set<Path> paths = new HashSet<>();
  private boolean known;
  private boolean distrusted;

  /** The paths reported before the latest take, whether or not that take could vouch for them. */
  private Set<Path> taken = Set.of();

  /** {@code path} (a file or folder) was created, modified or deleted. */
  public synchronized void changed(Path path) {
    paths.add(path.toAbsolutePath().normalize());
  }

  /** Changes may have gone unreported: the next report is unknown. */
  public synchronized void unknown() {
    known = false;
  }

  /** The reports can no longer be trusted: every take from now on is unknown. */
  public synchronized void distrust() {
    distrusted = true;
  }

  /**
   * A rebuild that reads every file begins: once it is done, what is reported from now on is what
   * changed, so the next take can vouch for it unless the reports are distrusted or lost meanwhile.
   * The paths reported so far stay for the next take.
   */
  public synchronized void vouch() {
    known = true;
  }

  /** The paths reported since the latest take, which the next one will report. */
  public synchronized Set<Path> pending() {
    return Set.copyOf(paths);
  }

  /** What changed since the previous take; from now on, only what is reported after this call. */
  public synchronized Changes take() {
    Changes report = known && !distrusted ? new Changes(true, paths) : Changes.UNKNOWN;
    taken = Set.copyOf(paths);
    paths = new HashSet<>();
    known = true;
    return report;
  }

  /**
   * The paths reported before the latest {@link #take}, even one that could not vouch for them: a
   * failed rebuild names them as the likely cause.
   */
  public synchronized Set<Path> lastTaken() {
    return taken;
  }
}
