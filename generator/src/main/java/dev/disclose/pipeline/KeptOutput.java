package dev.disclose.pipeline;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The output before last, kept beside the output for the next public build to write into (see
 * {@link AtomicPublisher#publishKeeping}): where it waits, whether it is safe to reuse (this
 * user's, writable by no one else, a public build's, nothing but folders and regular files), and
 * what it holds.
 */
final class KeptOutput {
  static final String SITE = "site";
  static final String IGNORE_ALL = ".gitignore";

  private KeptOutput() {}

  /**
   * Where the output before last waits for the next build: in {@link #SITE} of a hidden folder
   * beside the output, whose own .gitignore (never moved) keeps it out of git status.
   */
  static Path folder(Path target) {
    return target.resolveSibling("." + target.getFileName() + ".previous");
  }

  /**
   * A folder's files with their sizes, its empty folders, whether it held only those, and its
   * identity.
   */
  record Listing(Object folderKey, Map<Path, Long> files, List<Path> empty, boolean plain) {}

  /**
   * What the kept copy holds, listed on a thread of its own while the build validates and plans:
   * with the file system's caches cold, the walk reads every inode from disk, and this way it
   * overlaps with the build's work instead of adding to it. Read only; {@link
   * AtomicPublisher#stageReusing(Path, Path, boolean, Future)} uses it if the folder it claims is
   * the one listed.
   */
  static Future<Listing> listAhead(Path out, boolean preview) {
    CompletableFuture<Listing> listing = new CompletableFuture<>();
    if (preview) {
      listing.complete(null);
      return listing;
    }
    Path keptSite = folder(out.toAbsolutePath().normalize()).resolve(SITE);
    Thread t =
        new Thread(
            () -> {
              try {
                listing.complete(
                    Files.isDirectory(keptSite, LinkOption.NOFOLLOW_LINKS) ? list(keptSite) : null);
              } catch (IOException | RuntimeException e) {
                listing.complete(null);
              }
            },
            "disclose-kept-listing");
    t.setDaemon(true);
    t.start();
    return listing;
  }

  /** The listing made ahead, or null if there is none. */
  static Listing listedAhead(Future<Listing> ahead) {
    try {
      return ahead.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      return null;
    }
  }

  static Listing list(Path dir) throws IOException {
    Map<Path, Long> files = new ConcurrentHashMap<>();
    List<Path> empty = new ArrayList<>();
    Object key = identity(dir);
    boolean plain = listFiles(dir, files, empty);
    return new Listing(key, files, List.copyOf(empty), plain);
  }

  /**
   * What tells one kept folder from another: its inode, and its marker's inode and time (every
   * build that claims the folder writes a new marker). Null where the file system has no inodes.
   */
  static Object identity(Path dir) throws IOException {
    BasicFileAttributes folder =
        Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    BasicFileAttributes marker =
        Files.readAttributes(
            dir.resolve(AtomicPublisher.MARKER),
            BasicFileAttributes.class,
            LinkOption.NOFOLLOW_LINKS);
    if (folder.fileKey() == null || marker.fileKey() == null) return null;
    return List.of(folder.fileKey(), marker.fileKey(), marker.lastModifiedTime());
  }

  /** Who owns {@code file}; null on a file system without owners. */
  static UserPrincipal owner(Path file) throws IOException {
    try {
      return Files.getOwner(file, LinkOption.NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException e) {
      return null;
    }
  }

  /**
   * Whether {@code dir} is a folder owned by {@code owner} (this user: the owner of a folder just
   * made) and writable by no one else: no other user can have planted links in it.
   */
  static boolean closedToOthers(Path dir, UserPrincipal owner) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return false;
    try {
      PosixFileAttributes a =
          Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return a.owner().equals(owner)
          && !a.permissions().contains(PosixFilePermission.GROUP_WRITE)
          && !a.permissions().contains(PosixFilePermission.OTHERS_WRITE);
    } catch (UnsupportedOperationException e) {
      return true; // not a POSIX file system: its owner's folder
    }
  }

  /** Whether {@code dir} is a public build's output, by its marker. */
  static boolean ours(Path dir) throws IOException {
    Path marker = dir.resolve(AtomicPublisher.MARKER);
    if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) return false;
    return !Files.readString(marker).contains(AtomicPublisher.PREVIEW);
  }

  /**
   * Lists {@code dir}'s files into {@code files} and its empty folders into {@code empty}; false if
   * it holds a link or anything else than a folder or file, or a folder of another user's or one
   * others may write into (under a umask of 002, say: such an output is replaced, not reused).
   */
  private static boolean listFiles(Path dir, Map<Path, Long> files, List<Path> empty)
      throws IOException {
    boolean[] plain = {true};
    // Looked up once, not for each folder.
    UserPrincipal owner = owner(dir);
    ArrayDeque<int[]> entries = new ArrayDeque<>();
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs)
              throws IOException {
            // Every folder the user's own and writable by no one else: no link planted mid-path.
            if (!closedToOthers(d, owner)) {
              plain[0] = false;
              return FileVisitResult.TERMINATE;
            }
            if (!entries.isEmpty()) entries.peek()[0]++;
            entries.push(new int[1]);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (!attrs.isRegularFile()) {
              plain[0] = false;
              return FileVisitResult.TERMINATE;
            }
            entries.peek()[0]++;
            files.put(dir.relativize(file), attrs.size());
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) throw e;
            if (entries.pop()[0] == 0) empty.add(dir.relativize(d));
            return FileVisitResult.CONTINUE;
          }
        });
    return plain[0];
  }
}
