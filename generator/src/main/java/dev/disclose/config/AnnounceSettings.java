package dev.disclose.config;

import java.util.Map;
import java.util.Optional;

/**
 * Where announcements go ({@code announce} in site-config.yaml): the sender, the mailing lists by
 * name, each with its address and optionally its own template, and the SMTP server {@code disclose
 * announce --send} delivers through. {@link #NONE} when the site announces nothing.
 */
public record AnnounceSettings(
    Optional<String> from, Map<String, MailingList> lists, Optional<Smtp> smtp) {
  public static final AnnounceSettings NONE =
      new AnnounceSettings(Optional.empty(), Map.of(), Optional.empty());

  public AnnounceSettings {
    lists = Map.copyOf(lists);
  }

  /** One list: its address, and the template its posts are written with, relative to the site. */
  public record MailingList(String name, String to, Optional<String> template) {}

  /**
   * The SMTP server: {@code security} is {@code starttls} (required before logging in), {@code ssl}
   * (TLS from the start) or {@code none}; the password is read from the environment variable {@code
   * passwordEnv}, never from the file.
   */
  public record Smtp(
      String host, int port, Security security, Optional<String> user, String passwordEnv) {
    /** How the connection to the server is protected. */
    public enum Security {
      STARTTLS,
      SSL,
      NONE
    }
  }
}
