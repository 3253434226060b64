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
}
