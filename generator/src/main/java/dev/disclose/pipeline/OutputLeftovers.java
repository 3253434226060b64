package dev.disclose.pipeline;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What killed builds leave beside an output folder, dealt with when the next build starts: the
 * output put back when a build was killed between the swap's two renames, and the folders of dead
 * builds removed, since a staging folder is as large as the site. Only what is a build's for
 * certain is touched: a name whose lock file is a dead build's ({@link OutputClaim}), a folder
 * holding the marker (or nothing at all); a live build's folders, and anything else that merely
 * looks like a build's, stay.
 */
final class OutputLeftovers {
  private OutputLeftovers() {}

  /**
   * Puts the output {@code target} back if a build was killed in the middle of swapping it in, and
   * removes dead builds' folders.
   */
  static void tidy(Path target, OutputClaim own) throws IOException {
    Map<String, List<Path>> byNumber = new TreeMap<>();
    try (Stream<Path> entries = Files.list(target.getParent())) {
      for (Path p : entries.toList()) {
        OutputClaim.parse(target, p.getFileName().toString())
            .filter(name -> !name.number().equals(own.number()))
            .ifPresent(
                name -> byNumber.computeIfAbsent(name.number(), k -> new ArrayList<>()).add(p));
      }
    }
    boolean othersLive = false;
    Map<String, List<Path>> dead = new TreeMap<>();
    for (var entry : byNumber.entrySet()) {
      switch (OutputClaim.holder(target, entry.getKey())) {
        case LIVE -> othersLive = true;
        case DEAD -> dead.put(entry.getKey(), entry.getValue());
        case NONE -> {
          // not a build's: left alone
        }
      }
    }
    // A live build may be between its own two renames: putting the output in place is its job.
    if (!othersLive && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      Optional<Path> restored = restore(target, dead);
      restored.ifPresent(from -> dead.values().forEach(paths -> paths.remove(from)));
    }
    for (List<Path> paths : dead.values()) {
      // The lock last: until then, whatever is left still names its dead build.
      paths.sort(Comparator.comparing(p -> isLock(target, p)));
      for (Path p : paths) remove(p, isLock(target, p));
    }
  }

  /**
   * Moves the newest complete output of a dead build into the missing {@code target}: a folder
   * renamed {@link OutputClaim#BUILT} once every file of it was written, which only a build killed
   * between the swap's two renames leaves beside a missing output. Which one it moved.
   */
  private static Optional<Path> restore(Path target, Map<String, List<Path>> dead)
      throws IOException {
    Path newest = null;
    FileTime newestTime = null;
    for (List<Path> paths : dead.values()) {
      for (Path p : paths) {
        boolean built =
            OutputClaim.parse(target, p.getFileName().toString())
                .map(n -> n.kind().equals(OutputClaim.BUILT))
                .orElse(false);
        if (!built || !marked(p)) continue;
        // The marker is written when the build starts: the later one is the newer build.
        FileTime time = Files.getLastModifiedTime(p.resolve(AtomicPublisher.MARKER));
        if (newestTime == null || time.compareTo(newestTime) > 0) {
          newest = p;
          newestTime = time;
        }
      }
    }
    if (newest == null) return Optional.empty();
    Files.move(newest, target, StandardCopyOption.ATOMIC_MOVE);
    return Optional.of(newest);
  }

  private static boolean isLock(Path target, Path p) {
    return OutputClaim.parse(target, p.getFileName().toString())
        .map(n -> n.kind().equals(OutputClaim.LOCK))
        .orElse(false);
  }

  /** Whether {@code dir} is a folder a build wrote: it holds the marker, and neither is a link. */
  private static boolean marked(Path dir) {
    return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
        && Files.isRegularFile(dir.resolve(AtomicPublisher.MARKER), LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Removes a dead build's {@code p}: its lock file, a folder holding the marker, or an empty one
   * (a build killed before writing the marker into it); links are removed, never followed.
   */
  private static void remove(Path p, boolean lock) {
    try {
      if (lock) {
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) Files.delete(p);
      } else if (marked(p)) {
        AtomicPublisher.deleteTree(p);
      } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        Files.delete(p);
      }
    } catch (DirectoryNotEmptyException e) {
      // Something without the marker: not the build's to remove.
    } catch (IOException e) {
      // Best effort: what stays is removed by a later build.
    }
  }
}
