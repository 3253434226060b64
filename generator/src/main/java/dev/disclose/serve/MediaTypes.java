package dev.disclose.serve;

import dev.disclose.plan.Feed;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Content-Type} the preview server sends for a file, as a static host configured for the
 * site would: the feeds by their file names (a JSON Feed is JSON, an RSS feed XML, by extension),
 * every other file by its extension.
 */
final class MediaTypes {
  private MediaTypes() {}

  static final String UNKNOWN = "application/octet-stream";

  /**
   * Each extension's type; text types name their charset, as every file the site writes is UTF-8.
   */
  static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("mjs", "text/javascript; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("webmanifest", "application/manifest+json"),
          Map.entry("xml", "application/xml; charset=utf-8"),
          Map.entry("atom", "application/atom+xml; charset=utf-8"),
          Map.entry("rss", "application/rss+xml; charset=utf-8"),
          Map.entry("opml", "text/x-opml; charset=utf-8"),
          Map.entry("txt", "text/plain; charset=utf-8"),
          Map.entry("md", "text/markdown; charset=utf-8"),
          Map.entry("zip", "application/zip"),
          Map.entry("gz", "application/gzip"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("ico", "image/vnd.microsoft.icon"),
          Map.entry("png", "image/png"),
          Map.entry("webp", "image/webp"),
          Map.entry("woff2", "font/woff2"));

  /** The feeds' files, whose extensions say less than their formats do. */
  static final Map<String, String> BY_NAME = byName();

  private static Map<String, String> byName() {
    Map<String, String> names = new HashMap<>();
    for (Feed.Kind kind : Feed.KINDS)
      names.put(
          kind.file(),
          kind.mediaType().endsWith("xml")
              ? kind.mediaType() + "; charset=utf-8"
              : kind.mediaType());
    return Map.copyOf(names);
  }

  /** The type of the file named {@code name} (its last path segment). */
  static String of(String name) {
    String known = BY_NAME.get(name);
    if (known != null) return known;
    int dot = name.lastIndexOf('.');
    if (dot < 0) return UNKNOWN;
    return BY_EXTENSION.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), UNKNOWN);
  }
}
