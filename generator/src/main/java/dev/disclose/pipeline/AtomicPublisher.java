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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
      OutputSeparation.check(out, siteRoot, preview);
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
   * writes only the files whose bytes differ and removes what it did not write: on a large site,
   * deleting the previous output and creating the next one file by file costs more than the build,
   * and the file system then allocates the new files' inodes slowly.
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
   * What the kept copy holds, listed on a thread of its own while the build validates and plans
   * ({@link KeptOutput#listAhead}); {@link #stageReusing(Path, Path, boolean, Future)} uses it if
   * the folder it claims is the one listed.
   */
  static Future<KeptOutput.Listing> listKeptAhead(Path out, boolean preview) {
    return KeptOutput.listAhead(out, preview);
  }

  /**
   * As {@link #stageReusing(Path, Path, boolean)}, with the kept copy listed {@code ahead} if it is
   * the one claimed.
   */
  static Staging stageReusing(
      Path out, Path siteRoot, boolean preview, Future<KeptOutput.Listing> ahead)
      throws SiteException {
    // The checks of a fresh staging folder first: a refused output claims nothing.
    Path fresh = stage(out, siteRoot, preview);
    Staging notReused = new Staging(fresh, false, Map.of(), List.of());
    if (preview) return notReused;
    Path target = out.toAbsolutePath().normalize();
    Path claimed = null;
    KeptOutput.Listing listing;
    try {
      Path kept = KeptOutput.folder(target);
      if (!KeptOutput.closedToOthers(kept, KeptOutput.owner(fresh))
          || !Files.isDirectory(kept.resolve(KeptOutput.SITE), LinkOption.NOFOLLOW_LINKS))
        return notReused;
      // Awaited before the rename below, so that the walk never runs into it.
      listing = KeptOutput.listedAhead(ahead);
      claimed = unusedSibling(target, ".building-");
      // Renamed first, so that two builds at once never share it: the second finds none.
      Files.move(kept.resolve(KeptOutput.SITE), claimed, StandardCopyOption.ATOMIC_MOVE);
      // The one listed ahead if the rename kept its identity (the same inode), else listed now.
      if (!KeptOutput.ours(claimed)) throw new IOException("not a public build's output");
      Object key = KeptOutput.identity(claimed);
      if (listing == null || key == null || !key.equals(listing.folderKey()))
        listing = KeptOutput.list(claimed);
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

  /**
   * As {@link #publish}, but the previous output is kept beside the new one (see {@link
   * KeptOutput#folder}) for the next build to reuse, instead of being deleted.
   */
  public static void publishKeeping(Path staging, Path out) throws SiteException {
    Path target = out.toAbsolutePath().normalize();
    Path kept = KeptOutput.folder(target);
    Path keptSite = kept.resolve(KeptOutput.SITE);
    try {
      openToAll(staging);
      if (Files.exists(kept, LinkOption.NOFOLLOW_LINKS)
          && !KeptOutput.closedToOthers(kept, KeptOutput.owner(staging))) {
        replace(staging, out); // not ours to use
        return;
      }
      if (Files.exists(keptSite, LinkOption.NOFOLLOW_LINKS)) {
        // Left by a build that did not reuse it: replaced, but only if a build wrote it.
        if (!Files.isDirectory(keptSite, LinkOption.NOFOLLOW_LINKS) || !KeptOutput.ours(keptSite)) {
          replace(staging, out);
          return;
        }
        deleteTree(keptSite);
      }
      Files.createDirectories(kept);
      Files.writeString(
          kept.resolve(KeptOutput.IGNORE_ALL),
          "# the output before last, reused by the next disclose build\n*\n");
      swap(staging, target, keptSite);
    } catch (IOException e) {
      throw new SiteException("cannot publish into " + target + ": " + e.getMessage(), e);
    }
  }

  /** Swaps {@code staging} in as {@code out}; the previous output is removed afterwards. */
  public static void publish(Path staging, Path out) throws SiteException {
    try {
      openToAll(staging);
    } catch (IOException e) {
      throw new SiteException(
          "cannot publish into " + out.toAbsolutePath().normalize() + ": " + e.getMessage(), e);
    }
    replace(staging, out);
  }

  /**
   * Makes every file of {@code folder} 0644 and every folder 0755 whatever the umask: a site is
   * published, so what the web server or the Pages upload reads must be world-readable, and only
   * the owner may write.
   */
  static void openToAll(Path folder) throws IOException {
    Files.walkFileTree(
        folder,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs)
              throws IOException {
            set(d, attrs, FOLDER);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
            if (attrs.isRegularFile()) set(f, attrs, FILE);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");
  private static final Set<PosixFilePermission> FOLDER =
      PosixFilePermissions.fromString("rwxr-xr-x");

  private static void set(Path p, BasicFileAttributes attrs, Set<PosixFilePermission> wanted)
      throws IOException {
    // The walk's attributes hold the permissions on a POSIX file system: changed only if needed.
    if (attrs instanceof PosixFileAttributes posix && posix.permissions().equals(wanted)) return;
    try {
      Files.setPosixFilePermissions(p, wanted);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: it has no such bits
    }
  }

  /** Swaps {@code staging} in as {@code out}, as it is; the previous output is removed. */
  private static void replace(Path staging, Path out) throws SiteException {
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
