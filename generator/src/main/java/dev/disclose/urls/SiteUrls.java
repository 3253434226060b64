package dev.disclose.urls;

import java.util.Objects;

/**
 * Where the site lives: its base URL, always ending in {@code /}, and the absolute URL of each of
 * its {@link SitePaths}. What the formats know of the site: an advisory's page, its OSV record.
 */
public record SiteUrls(String base) {
  public SiteUrls {
    Objects.requireNonNull(base, "base");
    if (!base.endsWith("/")) throw new IllegalArgumentException("a base URL ends in /: " + base);
  }

  /** {@code baseUrl} ending in {@code /}: the one rule for every base URL the site is given. */
  public static String normalized(String baseUrl) {
    return baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
  }

  /**
   * The absolute URL of {@code path} (relative to the site root, as {@link SitePaths} makes them).
   */
  public String url(String path) {
    return base + path;
  }

  /** The page of the advisory {@code id}. */
  public String advisory(String id) {
    return base + SitePaths.advisory(id);
  }
}
