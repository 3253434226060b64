package dev.disclose.pipeline;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** The file modes of published output. */
final class PublishedModes {
  private PublishedModes() {}

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
}
