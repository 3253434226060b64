package dev.disclose.plan;

import java.time.Instant;
import java.util.Optional;

/**
 * One page to write: where, with which template and view, its canonical URL, and whether and how
 * the sitemap lists it. Rendering and writing happen elsewhere; this is data.
 */
public record PageSpec(
    String path,
    String template,
    String title,
    Record view,
    String canonicalUrl,
    boolean inSitemap,
    Optional<Instant> lastModified,
    String feedPath,
    String feedTitle) {

  /** A page without feeds of its own (the site-wide feeds are linked from every page). */
  public PageSpec(
      String path,
      String template,
      String title,
      Record view,
      String canonicalUrl,
      boolean inSitemap,
      Optional<Instant> lastModified) {
    this(path, template, title, view, canonicalUrl, inSitemap, lastModified, "", "");
  }

  /**
   * This page with feeds of its own in {@code feedPath} (a folder: feed.xml, atom.xml, feed.json).
   */
  public PageSpec withFeed(String path, String title) {
    return new PageSpec(
        this.path, template, this.title, view, canonicalUrl, inSitemap, lastModified, path, title);
  }

  /** The file the page is written to: {@code path/index.html} for pretty URLs. */
  public String file() {
    return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
  }
}
