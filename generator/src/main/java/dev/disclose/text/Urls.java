package dev.disclose.text;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** What counts as a usable link in an advisory: absolute, with a host, over http(s). */
public final class Urls {
  private Urls() {}

  /** The longest link any check looks at: far past real ones, and short enough to scan at once. */
  public static final int MAX_LENGTH = 2048;

  public static boolean isHttpUrl(String text) {
    if (text.length() > MAX_LENGTH) return false;
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return uri.getHost() != null && (scheme.equals("https") || scheme.equals("http"));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** A contact: an http(s) URL or a {@code mailto:} address. */
  public static boolean isContactUrl(String text) {
    if (text.length() > MAX_LENGTH) return false;
    if (isHttpUrl(text)) return true;
    if (!text.regionMatches(true, 0, "mailto:", 0, "mailto:".length())) return false;
    return isAddress(text.substring("mailto:".length()));
  }

  /**
   * {@code local@domain.tld}: one {@code @} after a non-empty local part, no whitespace, a dot
   * inside the domain. Hand-written, since a backtracking pattern for it takes quadratic time.
   */
  static boolean isAddress(String address) {
    int at = -1;
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
        return false;
      }
      if (c == '@') {
        if (at >= 0) return false;
        at = i;
      }
    }
    if (at < 1) return false;
    for (int i = at + 2; i < address.length() - 1; i++) {
      if (address.charAt(i) == '.') return true;
    }
    return false;
  }
}
