package dev.disclose.authoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a file so that readers see the old content or the new one, never half of it. */
public final class AtomicFiles {
  /** How the bytes of a file are written. */
  @FunctionalInterface
  interface Contents {
    void write(Path file, byte[] bytes) throws IOException;
  }

  /** The one place bytes reach the disk: a test makes it fail as a full disk does. */
  static Contents contents = Files::write;

  private AtomicFiles() {}

  public static void write(Path target, String text) throws IOException {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /** As above, for bytes. */
  public static void write(Path target, byte[] bytes) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), ".disclose-", ".tmp");
    try {
      writeNew(temp, target, bytes);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Writes {@code bytes} into {@code file} as an ordinary file (0644), removed again if the write
   * fails; a failure names the file.
   */
  static void writeNew(Path file, byte[] bytes) throws IOException {
    writeNew(file, file, bytes);
  }

  private static void writeNew(Path file, Path named, byte[] bytes) throws IOException {
    try {
      contents.write(file, bytes);
      // createTempFile makes the file private (0600); an advisory is an ordinary file (0644).
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the default permissions apply
      }
    } catch (IOException e) {
      Files.deleteIfExists(file);
      // A write that fails midway says why but not where (a full disk, say): the file it was for.
      if (e instanceof FileSystemException) throw e;
      throw (IOException)
          new FileSystemException(named.toString(), null, e.getMessage()).initCause(e);
    }
  }
}
