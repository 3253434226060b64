package dev.disclose.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/**
 * A file's attributes when it was read, as git's index keeps them: device and inode, size,
 * modification time, and the change time and mode, which no editor or tool sets back (so an edit
 * that restores the modification time is still seen). A later read finding the same attributes
 * takes the file as unchanged without reading it.
 *
 * <p>Only a file last changed {@link #racyMillis} before it was read gets a version, so that an
 * edit in the same tick of a coarse file-system clock is still seen; without a POSIX file system no
 * file does, and the bytes are always read and compared.
 */
public record FileVersion(Map<String, Object> attributes) {
  /** Files changed this shortly before they were read get no version (tests set 0). */
  static volatile long racyMillis = 2_000;

  /** The attributes compared (git's index compares the same). */
  private static final String ATTRIBUTES =
      "unix:dev,ino,size,lastModifiedTime,ctime,mode,isRegularFile";

  public FileVersion {
    attributes = Map.copyOf(attributes);
  }

  /** {@code file}'s attributes now, or null where the file system has no POSIX ones. */
  static Map<String, Object> attributes(Path file, LinkOption... options) throws IOException {
    try {
      return Files.readAttributes(file, ATTRIBUTES, options);
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The version of a regular file with {@code attributes}, read at {@code readAtMillis}; null if
   * not to be trusted.
   */
  static FileVersion of(Map<String, Object> attributes, long readAtMillis) {
    if (attributes == null || !Boolean.TRUE.equals(attributes.get("isRegularFile"))) return null;
    long changed =
        Math.max(
            ((FileTime) attributes.get("lastModifiedTime")).toMillis(),
            ((FileTime) attributes.get("ctime")).toMillis());
    if (changed > readAtMillis - racyMillis) return null;
    return new FileVersion(attributes);
  }

  /**
   * {@code file}'s version now (not following a link), or null if it cannot tell the file
   * unchanged.
   */
  static FileVersion of(Path file) {
    try {
      long readAt = System.currentTimeMillis();
      return of(attributes(file, LinkOption.NOFOLLOW_LINKS), readAt);
    } catch (IOException | SecurityException e) {
      return null; // read as any file is, which reports the problem
    }
  }

  /** Whether a file with these attributes now is unchanged since this version. */
  boolean matches(Map<String, Object> now) {
    return now != null && attributes.equals(now);
  }
}
