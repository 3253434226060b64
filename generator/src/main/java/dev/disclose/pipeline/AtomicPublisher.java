package dev.disclose.pipeline;

import dev.disclose.load.SiteException;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Publishes a build atomically: everything is written into a fresh folder beside the output, which
 * replaces the output only when the build succeeded. A failed build leaves the previous output
 * untouched, and no stale file survives a successful one. The output folder carries a marker file;
 * a non-empty folder without it is never deleted, so a mistyped {@code --out} cannot wipe someone's
 * work.
 */
public final class AtomicPublisher {
  static final String MARKER = ".disclose-output";
  static final String PREVIEW = "PREVIEW";

  private AtomicPublisher() {}

  /** Checks that {@code out} may be replaced and creates the staging folder beside it. */
  public static Path stage(Path out, Path siteRoot) throws SiteException {
    return stage(out, siteRoot, false);
  }

  /**
   * As {@link #stage(Path, Path)}; {@code preview} marks the folder as a preview (drafts and
   * embargoed advisories included). A preview never replaces a public build's folder, and a public
   * build never replaces a preview's, so the two cannot be mixed up on the way to a server.
   */
  public static Path stage(Path out, Path siteRoot, boolean preview) throws SiteException {
    Path target = out.toAbsolutePath().normalize();
    Path root = siteRoot.toAbsolutePath().normalize();
    if (root.startsWith(target)) {
      throw new SiteException(
          "refusing to write into " + target + ": it holds the site itself; choose another --out");
    }
    if (target.startsWith(root.resolve("advisories"))) {
      // Generated Markdown there (RustSec files, say) would be read back as advisories.
      throw new SiteException(
          "refusing to write into " + target + ": it is inside advisories/; choose another --out");
    }
    try {
      if (Files.exists(target)) {
        if (!Files.isDirectory(target)) {
          throw new SiteException(target + " exists and is not a folder; choose another --out");
        }
        try (Stream<Path> entries = Files.list(target)) {
          if (entries.findAny().isPresent() && !Files.exists(target.resolve(MARKER))) {
            throw new SiteException(
                target
                    + " is not empty and was not written by disclose build; "
                    + "remove it or choose another --out");
          }
        }
        if (Files.exists(target.resolve(MARKER))) {
          boolean wasPreview = Files.readString(target.resolve(MARKER)).contains(PREVIEW);
          if (preview && !wasPreview) {
            throw new SiteException(
                "refusing to write a preview (drafts and embargoed advisories included) into "
                    + target
                    + ", which holds a public build; choose another --out (default _preview/)");
          }
          if (!preview && wasPreview) {
            throw new SiteException(
                "refusing to write a public build into "
                    + target
                    + ", which holds a preview; remove it or choose another --out");
          }
        }
      }
      Files.createDirectories(target.getParent());
      Path staging =
          Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".building-");
      // createTempDirectory makes the folder private (0700); a website is world-readable.
      try {
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system
      }
      Files.writeString(
          staging.resolve(MARKER),
          (preview
                  ? PREVIEW + ": drafts and embargoed advisories included, not for publication.\n"
                  : "")
              + "Written by disclose (build or export). This folder is replaced on every run.\n");
      return staging;
    } catch (IOException e) {
      throw new SiteException("cannot prepare " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * A staging folder that a build writes into: a fresh one, or ({@code reused}) the output before
   * last, kept beside the output by {@link #publishKeeping}, with the size of each file it holds
   * and its empty folders (paths relative to the folder, the marker left out). A build reusing it
   * writes only the files whose bytes differ and removes what it did not write: deleting a large
   * output and creating the next one file by file cost more than the build (10,000 advisories on
   * ext4: the previous output's removal took 6 to 12 s, and the file system then allocated the next
   * build's inodes slowly).
   */
  public record Staging(
      Path folder, boolean reused, Map<Path, Long> files, List<Path> emptyFolders) {}

  /**
   * As {@link #stage(Path, Path, boolean)}, reusing the output before last when it was kept beside
   * {@code out}: a folder of this user's, writable by no one else, holding nothing but folders and
   * regular files, written by a public build. A preview keeps no copy: its drafts and embargoed
   * advisories are gone with its folder.
   */
  public static Staging stageReusing(Path out, Path siteRoot, boolean preview)
      throws SiteException {
    return stageReusing(out, siteRoot, preview, CompletableFuture.completedFuture(null));
  }

  /**
   * What the kept copy holds, listed on a thread of its own while the build validates and plans:
   * with the file system's caches cold, the walk reads every inode from disk (4.5 s at 10,000
   * advisories), which then overlaps with the build's work instead of adding to it. Read only;
   * {@link #stageReusing(Path, Path, boolean, java.util.concurrent.Future)} uses it if the folder
   * it claims is the one listed.
   */
  public static Future<Listing> listKeptAhead(Path out, boolean preview) {
    CompletableFuture<Listing> listing = new CompletableFuture<>();
    if (preview) {
      listing.complete(null);
      return listing;
    }
    Path keptSite = kept(out.toAbsolutePath().normalize()).resolve(KEPT_SITE);
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

  /**
   * A folder's files with their sizes, its empty folders, whether it held only those, and its
   * identity.
   */
  public record Listing(Object folderKey, Map<Path, Long> files, List<Path> empty, boolean plain) {}

  private static Listing list(Path dir) throws IOException {
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
  private static Object identity(Path dir) throws IOException {
    BasicFileAttributes folder =
        Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    BasicFileAttributes marker =
        Files.readAttributes(
            dir.resolve(MARKER), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (folder.fileKey() == null || marker.fileKey() == null) return null;
    return List.of(folder.fileKey(), marker.fileKey(), marker.lastModifiedTime());
  }

  /**
   * As {@link #stageReusing(Path, Path, boolean)}, with the kept copy listed {@code ahead} if it is
   * the one claimed.
   */
  public static Staging stageReusing(
      Path out, Path siteRoot, boolean preview, Future<Listing> ahead) throws SiteException {
    // The checks of a fresh staging folder first: a refused output claims nothing.
    Path fresh = stage(out, siteRoot, preview);
    Staging notReused = new Staging(fresh, false, Map.of(), List.of());
    if (preview) return notReused;
    Path target = out.toAbsolutePath().normalize();
    Path claimed = null;
    Listing listing;
    try {
      Path kept = kept(target);
      if (!closedToOthers(kept, owner(fresh))
          || !Files.isDirectory(kept.resolve(KEPT_SITE), LinkOption.NOFOLLOW_LINKS))
        return notReused;
      // Awaited before the rename below, so that the walk never runs into it.
      listing = listedAhead(ahead);
      claimed = unusedSibling(target, ".building-");
      // Renamed first, so that two builds at once never share it: the second finds none.
      Files.move(kept.resolve(KEPT_SITE), claimed, StandardCopyOption.ATOMIC_MOVE);
      // The one listed ahead if the rename kept its identity (the same inode), else listed now.
      if (!ours(claimed)) throw new IOException("not a public build's output");
      Object key = identity(claimed);
      if (listing == null || key == null || !key.equals(listing.folderKey()))
        listing = list(claimed);
      if (!listing.plain()) throw new IOException("not a plain folder of this user's");
      // A file system that ignores case (macOS's, Windows') could take a page renamed only in
      // case for a stale file of the kept copy: not reused there.
      if (Files.exists(
          claimed.resolve(MARKER.toUpperCase(Locale.ROOT)), LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException("the file system ignores case");
      }
      listing.files().remove(Path.of(MARKER));
      Files.copy(
          fresh.resolve(MARKER), claimed.resolve(MARKER), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // Not reusable after all (gone meanwhile, a link inside): the fresh folder, the claimed one
      // removed.
      if (claimed != null) discard(claimed);
      return notReused;
    }
    discard(fresh);
    return new Staging(claimed, true, listing.files(), listing.empty());
  }

  private static Listing listedAhead(Future<Listing> ahead) {
    try {
      return ahead.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      return null;
    }
  }

  /**
   * Where the output before last waits for the next build: in {@link #KEPT_SITE} of a hidden folder
   * beside the output, whose own .gitignore (never moved) keeps it out of git status.
   */
  static Path kept(Path target) {
    return target.resolveSibling("." + target.getFileName() + ".previous");
  }

  static final String KEPT_SITE = "site";
  static final String IGNORE_ALL = ".gitignore";

  /** Who owns {@code file}; null on a file system without owners. */
  private static UserPrincipal owner(Path file) throws IOException {
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
  private static boolean closedToOthers(Path dir, UserPrincipal owner) throws IOException {
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
  private static boolean ours(Path dir) throws IOException {
    Path marker = dir.resolve(MARKER);
    if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) return false;
    return !Files.readString(marker).contains(PREVIEW);
  }

  /**
   * Lists {@code dir}'s files into {@code files} and its empty folders into {@code empty}; false if
   * it holds a link or anything else than a folder or file, or a folder of another user's or one
   * others may write into (under a umask of 002, say: such an output is replaced as before, not
   * reused).
   */
  private static boolean listFiles(Path dir, Map<Path, Long> files, List<Path> empty)
      throws IOException {
    boolean[] plain = {true};
    // Looked up once, not for each of tens of thousands of folders.
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

  /**
   * As {@link #publish}, but the previous output is kept beside the new one (see {@link #kept}) for
   * the next build to reuse, instead of being deleted.
   */
  public static void publishKeeping(Path staging, Path out) throws SiteException {
    Path target = out.toAbsolutePath().normalize();
    Path kept = kept(target);
    Path keptSite = kept.resolve(KEPT_SITE);
    try {
      if (Files.exists(kept, LinkOption.NOFOLLOW_LINKS) && !closedToOthers(kept, owner(staging))) {
        publish(staging, out); // not ours to use
        return;
      }
      if (Files.exists(keptSite, LinkOption.NOFOLLOW_LINKS)) {
        // Left by a build that did not reuse it: replaced, but only if a build wrote it.
        if (!Files.isDirectory(keptSite, LinkOption.NOFOLLOW_LINKS) || !ours(keptSite)) {
          publish(staging, out);
          return;
        }
        deleteTree(keptSite);
      }
      Files.createDirectories(kept);
      Files.writeString(
          kept.resolve(IGNORE_ALL),
          "# the output before last, reused by the next disclose build\n*\n");
      swap(staging, target, keptSite);
    } catch (IOException e) {
      throw new SiteException("cannot publish into " + target + ": " + e.getMessage(), e);
    }
  }

  /** Swaps {@code staging} in as {@code out}; the previous output is removed afterwards. */
  public static void publish(Path staging, Path out) throws SiteException {
    Path target = out.toAbsolutePath().normalize();
    try {
      Path old = unusedSibling(target, ".old-");
      if (swap(staging, target, old)) deleteTree(old);
    } catch (IOException e) {
      throw new SiteException("cannot publish into " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * Moves {@code target} (if there is one) to {@code previous}, then {@code staging} to {@code
   * target}; if that fails, the previous output back. Whether there was one.
   */
  private static boolean swap(Path staging, Path target, Path previous) throws IOException {
    boolean had = Files.exists(target);
    if (had) Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (had) Files.move(previous, target, StandardCopyOption.ATOMIC_MOVE);
      throw e;
    }
    return had;
  }

  /** A name beside {@code target} that nothing has: hidden, {@code label} and a random part. */
  private static Path unusedSibling(Path target, String label) throws IOException {
    Path name = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + label);
    Files.delete(name);
    return name;
  }

  /** Removes a staging folder after a failed build. */
  public static void discard(Path staging) {
    try {
      deleteTree(staging);
    } catch (IOException e) {
      // Best effort: a leftover hidden staging folder is harmless and the next build ignores it.
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /**
   * Removes {@code folder} and its parents up to {@code root} (never {@code root} itself, nor
   * anything outside it) while they are empty folders: what a removed file leaves behind, in the
   * preview server's folder or a reused one.
   */
  public static void removeEmptyFolders(Path folder, Path root) throws IOException {
    for (Path p = folder;
        p != null
            && !p.equals(root)
            && p.startsWith(root)
            && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
        p = p.getParent()) {
      try {
        Files.delete(p);
      } catch (DirectoryNotEmptyException e) {
        return;
      }
    }
  }
}
