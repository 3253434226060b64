package dev.disclose.sealing;

/** A key or sealed file that cannot be used, with a message that says what to do. */
public final class SealingException extends Exception {
  public SealingException(String message) {
    super(message);
  }

  public SealingException(String message, Throwable cause) {
    super(message, cause);
  }
}
