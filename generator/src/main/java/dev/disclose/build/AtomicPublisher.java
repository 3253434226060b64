package dev.disclose.build;

import dev.disclose.source.SiteException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * Publishes a build atomically: everything is written into a fresh folder beside the output,
 * which replaces the output only when the build succeeded. A failed build leaves the previous
 * output untouched, and no stale file survives a successful one. The output folder carries a
 * marker file; a non-empty folder without it is never deleted, so a mistyped {@code --out}
 * cannot wipe someone's work.
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
   * embargoed advisories included). A preview never replaces a public build's folder, and a
   * public build never replaces a preview's, so the two cannot be mixed up on the way to a server.
   */
  public static Path stage(Path out, Path siteRoot, boolean preview) throws SiteException {
    Path target = out.toAbsolutePath().normalize();
    Path root = siteRoot.toAbsolutePath().normalize();
    if (root.startsWith(target)) {
      throw new SiteException("refusing to write into " + target + ": it holds the site itself; choose another --out");
    }
    if (target.startsWith(root.resolve("advisories"))) {
      // Generated Markdown there (RustSec files, say) would be read back as advisories.
      throw new SiteException("refusing to write into " + target + ": it is inside advisories/; choose another --out");
    }
    try {
      if (Files.exists(target)) {
        if (!Files.isDirectory(target)) {
          throw new SiteException(target + " exists and is not a folder; choose another --out");
        }
        try (Stream<Path> entries = Files.list(target)) {
          if (entries.findAny().isPresent() && !Files.exists(target.resolve(MARKER))) {
            throw new SiteException(target + " is not empty and was not written by disclose build; "
                + "remove it or choose another --out");
          }
        }
        if (Files.exists(target.resolve(MARKER))) {
          boolean wasPreview = Files.readString(target.resolve(MARKER)).contains(PREVIEW);
          if (preview && !wasPreview) {
            throw new SiteException("refusing to write a preview (drafts and embargoed advisories included) into "
                + target + ", which holds a public build; choose another --out (default _preview/)");
          }
          if (!preview && wasPreview) {
            throw new SiteException("refusing to write a public build into " + target
                + ", which holds a preview; remove it or choose another --out");
          }
        }
      }
      Files.createDirectories(target.getParent());
      Path staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".building-");
      // createTempDirectory makes the folder private (0700); a website is world-readable.
      try {
        Files.setPosixFilePermissions(staging, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system
      }
      Files.writeString(staging.resolve(MARKER), (preview ? PREVIEW + ": drafts and embargoed advisories included, not for publication.\n" : "")
          + "Written by disclose (build or export). This folder is replaced on every run.\n");
      return staging;
    } catch (IOException e) {
      throw new SiteException("cannot prepare " + target + ": " + e.getMessage(), e);
    }
  }

  /** Swaps {@code staging} in as {@code out}; the previous output is removed afterwards. */
  public static void publish(Path staging, Path out) throws SiteException {
    Path target = out.toAbsolutePath().normalize();
    try {
      Path old = null;
      if (Files.exists(target)) {
        old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
        Files.delete(old);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      if (old != null) deleteTree(old);
    } catch (IOException e) {
      throw new SiteException("cannot publish into " + target + ": " + e.getMessage(), e);
    }
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
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
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
}
