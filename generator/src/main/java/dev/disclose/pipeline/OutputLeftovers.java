package dev.disclose.pipeline;

import java.io.IOException;
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
 * output put back when a build was killed between the swap's two renames, and the folders whose
 * build is gone removed, since a staging folder is as large as the site. A live build's folders are
 * never touched (see {@link OutputClaim}).
 */
final class OutputLeftovers {
  private OutputLeftovers() {}

  /** Puts the output {@code target} back if it is missing, and removes dead builds' folders. */
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
      if (OutputClaim.isLive(target, entry.getKey())) othersLive = true;
      else dead.put(entry.getKey(), entry.getValue());
    }
    // A live build may be between its own two renames: putting the output in place is its job.
    if (!othersLive && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      Optional<Path> restored = restore(target, dead);
      restored.ifPresent(from -> dead.values().forEach(paths -> paths.remove(from)));
    }
    for (List<Path> paths : dead.values()) {
      // The lock last: until then, whatever is left still names its dead build.
      paths.sort(Comparator.comparing(p -> p.getFileName().toString().contains(".lock-")));
      for (Path p : paths) remove(p);
    }
  }

  /**
   * Moves the newest complete output there is into the missing {@code target}: a dead build's
   * folder every file of which was written, else the output before last. Which one it moved.
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
        if (!built || !complete(p)) continue;
        // The marker is written when the build starts: the later one is the newer build.
        FileTime time = Files.getLastModifiedTime(p.resolve(AtomicPublisher.MARKER));
        if (newestTime == null || time.compareTo(newestTime) > 0) {
          newest = p;
          newestTime = time;
        }
      }
    }
    Path kept = KeptOutput.folder(target).resolve(KeptOutput.SITE);
    if (newest == null && complete(kept)) newest = kept;
    if (newest == null) return Optional.empty();
    Files.move(newest, target, StandardCopyOption.ATOMIC_MOVE);
    return Optional.of(newest);
  }

  /** Whether {@code dir} is a whole output: a folder holding the marker, not a link. */
  private static boolean complete(Path dir) {
    return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
        && Files.isRegularFile(dir.resolve(AtomicPublisher.MARKER), LinkOption.NOFOLLOW_LINKS);
  }

  private static void remove(Path p) {
    try {
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) AtomicPublisher.deleteTree(p);
      else Files.deleteIfExists(p);
    } catch (IOException e) {
      // Best effort: what stays is removed by a later build.
    }
  }
}
