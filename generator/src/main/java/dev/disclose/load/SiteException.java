package dev.disclose.load;

/**
 * The site cannot be worked on at all (no site-config.yaml, unreadable folder): a usage or I/O
 * problem, exit code 2, as opposed to findings in the advisories.
 */
public final class SiteException extends Exception {
  public SiteException(String message) {
    super(message);
  }

  public SiteException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * An I/O failure while {@code doing} something, as what it is: the file and the cause, and what
   * to do when the disk is full or not writable ({@link StorageFailure}).
   */
  public static SiteException io(String doing, java.io.IOException failure) {
    return new SiteException(doing + ": " + StorageFailure.describe(failure), failure);
  }
}
