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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * Publishes a build atomically: everything is written into a fresh folder beside the output, which
 * replaces the output only when the build succeeded. A failed build leaves the previous output
 * untouched, and no stale file survives a successful one. The output folder carries a marker file;
 * a non-empty folder without it is never deleted, so a mistyped {@code --out} cannot wipe someone's
 * work. A build killed midway leaves folders beside the output that the next build deals with
 * ({@link OutputLeftovers}).
 */
public final class AtomicPublisher {
  static final String MARKER = ".disclose-output";
  static final String PREVIEW = "PREVIEW";

  private AtomicPublisher() {}

  /** Checks that {@code out} may be replaced and creates the staging folder beside it. */
  public static Staging stage(Path out, Path siteRoot) throws SiteException {
    return stage(out, siteRoot, false);
  }

  /**
   * As {@link #stage(Path, Path)}; {@code preview} marks the folder as a preview (drafts and
   * embargoed advisories included). A preview never replaces a public build's folder, and a public
   * build never replaces a preview's, so the two cannot be mixed up on the way to a server.
   */
  public static Staging stage(Path out, Path siteRoot, boolean preview) throws SiteException {
    Path target = out.toAbsolutePath().normalize();
    Optional<String> refused = OutputTarget.refusal(target, siteRoot);
    if (refused.isPresent()) throw new SiteException(refused.get());
    OutputClaim claim;
    try {
      // A refused output has nothing beside it touched.
      OutputTarget.check(out, siteRoot, preview);
      claim = OutputClaim.take(target);
    } catch (IOException e) {
      throw SiteException.io("cannot prepare " + target, e);
    }
    try {
      OutputLeftovers.tidy(target, claim);
      // Checked again: the output put back may be the other kind's.
      Path staging = stage(out, siteRoot, preview, claim);
      return new Staging(staging, false, Map.of(), List.of(), claim);
    } catch (IOException e) {
      claim.close();
      throw SiteException.io("cannot prepare " + target, e);
    } catch (SiteException | RuntimeException e) {
      claim.close();
      throw e;
    }
  }

  /**
   * At the start of a build ({@code preview} or not) into {@code out}: puts the output back if a
   * killed build left it missing, and removes the folders killed builds left beside it. Nothing
   * where {@code out} is refused as the build's output: the build refuses it later, saying why.
   */
  public static void recover(Path out, Path siteRoot, boolean preview) throws SiteException {
    Path target = out.toAbsolutePath().normalize();
    if (OutputTarget.refusal(target, siteRoot).isPresent()
        || !Files.isDirectory(target.getParent())) return;
    try {
      OutputTarget.check(out, siteRoot, preview);
    } catch (SiteException | IOException e) {
      return;
    }
    try (OutputClaim claim = OutputClaim.take(target)) {
      OutputLeftovers.tidy(target, claim);
    } catch (IOException e) {
      throw SiteException.io("cannot tidy beside " + target, e);
    }
  }

  private static Path stage(Path out, Path siteRoot, boolean preview, OutputClaim claim)
      throws SiteException, IOException {
    OutputTarget.check(out, siteRoot, preview);
    Path staging = claim.folder(OutputClaim.BUILDING);
    Files.createDirectory(staging);
    // A website is world-readable, whatever the umask.
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
      Path folder,
      boolean reused,
      Map<Path, Long> files,
      List<Path> emptyFolders,
      OutputClaim claim)
      implements AutoCloseable {
    /** Releases the build's claim on its folders, once published or discarded. */
    @Override
    public void close() {
      claim.close();
    }
  }

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
    Staging notReused = stage(out, siteRoot, preview);
    Path fresh = notReused.folder();
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
      claimed = notReused.claim().folder(OutputClaim.REUSING);
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
      // Replaced by a rename, so that the claimed folder never lacks a marker: without one, it
      // would be no build's to remove if this build were killed.
      Path newMarker = claimed.resolve(MARKER + ".new");
      Files.copy(fresh.resolve(MARKER), newMarker, StandardCopyOption.REPLACE_EXISTING);
      Files.move(
          newMarker,
          claimed.resolve(MARKER),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // Not reusable after all (gone meanwhile, a link inside): the fresh folder, the claimed one
      // removed.
      if (claimed != null) discard(claimed);
      return notReused;
    }
    discard(fresh);
    return new Staging(claimed, true, listing.files(), listing.empty(), notReused.claim());
  }

  /**
   * As {@link #publish}, but the previous output is kept beside the new one (see {@link
   * KeptOutput#folder}) for the next build to reuse, instead of being deleted.
   */
  public static void publishKeeping(Staging staging, Path out) throws SiteException {
    Path target = out.toAbsolutePath().normalize();
    Path kept = KeptOutput.folder(target);
    Path keptSite = kept.resolve(KeptOutput.SITE);
    try {
      Path built = built(staging);
      if (Files.exists(kept, LinkOption.NOFOLLOW_LINKS)
          && !KeptOutput.closedToOthers(kept, KeptOutput.owner(built))) {
        replace(built, target, staging.claim()); // not ours to use
        staging.close();
        return;
      }
      if (Files.exists(keptSite, LinkOption.NOFOLLOW_LINKS)) {
        // Left by a build that did not reuse it: replaced, but only if a build wrote it.
        if (!Files.isDirectory(keptSite, LinkOption.NOFOLLOW_LINKS) || !KeptOutput.ours(keptSite)) {
          replace(built, target, staging.claim());
          staging.close();
          return;
        }
        deleteTree(keptSite);
      }
      Files.createDirectories(kept);
      Files.writeString(
          kept.resolve(KeptOutput.IGNORE_ALL),
          "# the output before last, reused by the next disclose build\n*\n");
      swap(built, target, keptSite);
      staging.close();
    } catch (IOException e) {
      throw SiteException.io("cannot publish into " + target, e);
    }
  }

  /**
   * Swaps {@code staging} in as {@code out}; the previous output is removed afterwards. Once
   * published, the build's claim is released; on failure, {@link #discard(Staging)} releases it.
   */
  public static void publish(Staging staging, Path out) throws SiteException {
    Path target = out.toAbsolutePath().normalize();
    try {
      replace(built(staging), target, staging.claim());
      staging.close();
    } catch (IOException e) {
      throw SiteException.io("cannot publish into " + target, e);
    }
  }

  /**
   * Opens the staging folder to all and renames it complete ({@link OutputClaim#BUILT}): a build
   * killed from now on has written every file, so its folder is whole enough to become the output.
   */
  private static Path built(Staging staging) throws IOException {
    PublishedModes.openToAll(staging.folder());
    Path built = staging.claim().folder(OutputClaim.BUILT);
    Files.move(staging.folder(), built, StandardCopyOption.ATOMIC_MOVE);
    return built;
  }

  /** Swaps {@code built} in as {@code target}, as it is; the previous output is removed. */
  private static void replace(Path built, Path target, OutputClaim claim) throws IOException {
    Path old = claim.folder(OutputClaim.OLD);
    if (swap(built, target, old)) deleteTree(old);
  }

  /**
   * Moves {@code target} (if there is one) to {@code previous}, then {@code staging} to {@code
   * target}; if that fails, the previous output back. Whether there was one. A build killed between
   * the two renames leaves no output: the next one puts it back ({@link OutputLeftovers}).
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

  /**
   * Removes a failed build's folders, the staging folder under any of its names, and releases its
   * claim.
   */
  public static void discard(Staging staging) {
    discard(staging.folder());
    discard(staging.claim().folder(OutputClaim.BUILT));
    staging.close();
  }

  /** Removes a staging folder after a failed build. */
  public static void discard(Path staging) {
    try {
      deleteTree(staging);
    } catch (IOException e) {
      // Best effort: the next build removes a leftover staging folder.
    }
  }

  /**
   * Removes {@code dir} and all it holds, links removed and never followed; its marker goes last,
   * so that a folder whose removal was cut short still shows a build wrote it.
   */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
    Path marker = dir.resolve(MARKER);
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (!file.equals(marker)) Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) throw e;
            if (d.equals(dir)) Files.deleteIfExists(marker);
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
