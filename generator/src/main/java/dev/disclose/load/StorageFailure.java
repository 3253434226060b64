package dev.disclose.load;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Locale;
import java.util.Optional;

/**
 * The conditions of the disk the operating system reports when a file cannot be written, each named
 * with what to do about it: a full disk is not a bug in Disclose, and saying which file and why
 * lets the user act.
 */
public enum StorageFailure {
  DISK_FULL("no space left on device", "the disk is full", "free some space on it and run again"),
  QUOTA(
      "disk quota exceeded",
      "your disk quota is used up",
      "free some of your space (or ask for a larger quota) and run again"),
  READ_ONLY(
      "read-only file system",
      "the file system is mounted read-only",
      "run where the folder is writable (or --root/--out elsewhere)"),
  DENIED(
      "permission denied",
      "you have no permission to write there",
      "check the folder's owner and permissions (ls -ld), or work in a folder of yours");

  private final String osMessage;
  private final String what;
  private final String todo;

  StorageFailure(String osMessage, String what, String todo) {
    this.osMessage = osMessage;
    this.what = what;
    this.todo = todo;
  }

  /** The condition behind {@code failure} or any of its causes, if it is one of these. */
  public static Optional<StorageFailure> of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof AccessDeniedException) return Optional.of(DENIED);
      if (!(t instanceof IOException io)) continue;
      String said =
          io instanceof FileSystemException fs && fs.getReason() != null
              ? fs.getReason()
              : String.valueOf(io.getMessage());
      for (StorageFailure f : values()) {
        if (said.toLowerCase(Locale.ROOT).contains(f.osMessage)) return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * What {@code failure} was, for a message: the file and the condition, with what to do, when it
   * is one of these; else the exception's own message.
   */
  public static String describe(Throwable failure) {
    Optional<StorageFailure> found = of(failure);
    if (found.isEmpty()) return String.valueOf(failure.getMessage());
    StorageFailure f = found.get();
    String file = file(failure).map(p -> p + ": ").orElse("");
    return file + f.what + " (" + f.osName() + "); " + f.todo;
  }

  /** The operating system's words, as it prints them. */
  private String osName() {
    return Character.toUpperCase(osMessage.charAt(0)) + osMessage.substring(1);
  }

  /** The file a failure names, the first one along its causes. */
  private static Optional<String> file(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof FileSystemException fs && fs.getFile() != null)
        return Optional.of(fs.getFile());
    }
    return Optional.empty();
  }
}
