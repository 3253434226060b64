package dev.disclose.plan;

import java.time.Instant;
import java.util.Optional;

/**
 * One page to write: where, with which template and view, its canonical URL, whether and how the
 * sitemap lists it, its feeds, and for a page of a list, which page it is. Rendering and writing
 * happen elsewhere; this is data.
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
    String feedTitle,
    Optional<Pager> pager) {

  /** A page without feeds of its own (the site-wide feeds are linked from every page). */
  public PageSpec(
      String path,
      String template,
      String title,
      Record view,
      String canonicalUrl,
      boolean inSitemap,
      Optional<Instant> lastModified) {
    this(
        path,
        template,
        title,
        view,
        canonicalUrl,
        inSitemap,
        lastModified,
        "",
        "",
        Optional.empty());
  }

  /**
   * This page with feeds of its own in {@code feedPath} (a folder: feed.xml, atom.xml, feed.json).
   */
  public PageSpec withFeed(String path, String title) {
    return new PageSpec(
        this.path,
        template,
        this.title,
        view,
        canonicalUrl,
        inSitemap,
        lastModified,
        path,
        title,
        pager);
  }

  /** This page as one of the pages of a list, {@code pager} saying which. */
  public PageSpec withPager(Pager pager) {
    return new PageSpec(
        path,
        template,
        title,
        view,
        canonicalUrl,
        inSitemap,
        lastModified,
        feedPath,
        feedTitle,
        Optional.of(pager));
  }

  /** The file the page is written to: {@code path/index.html} for pretty URLs. */
  public String file() {
    return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
  }
}
