package dev.disclose.site;

import java.time.Instant;
import java.util.Optional;

/**
 * One page to write: where, with which template and view, its canonical URL, and whether and
 * how the sitemap lists it. Rendering and writing happen elsewhere; this is data.
 */
public record PageSpec(String path, String template, String title, Object view, String canonicalUrl,
    boolean inSitemap, Optional<Instant> lastModified) {

  /** The file the page is written to: {@code path/index.html} for pretty URLs. */
  public String file() {
    return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
  }
}
