package dev.disclose.text;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** What counts as a usable link in an advisory: absolute, with a host, over http(s). */
public final class Urls {
  private Urls() {}

  public static boolean isHttpUrl(String text) {
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
    if (isHttpUrl(text)) return true;
    if (!text.toLowerCase(Locale.ROOT).startsWith("mailto:")) return false;
    String address = text.substring("mailto:".length());
    return address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  }
}
