package dev.disclose.version;

/**
 * A version string that does not follow its ecosystem's syntax. {@link #getMessage()} is a short,
 * user-facing sentence that quotes the version and says what is wrong with it.
 */
public final class InvalidVersionException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidVersionException(String message) {
    super(message);
  }
}
