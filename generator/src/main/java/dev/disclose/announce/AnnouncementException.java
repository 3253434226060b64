package dev.disclose.announce;

/** An announcement that cannot be made or sent; the message says why and what to do. */
public final class AnnouncementException extends Exception {
  public AnnouncementException(String message) {
    super(message);
  }

  public AnnouncementException(String message, Throwable cause) {
    super(message, cause);
  }
}
