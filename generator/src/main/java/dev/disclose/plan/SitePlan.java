package dev.disclose.plan;

import dev.disclose.load.Theme;
import java.util.List;

/**
 * The product of the plan stage: every page of the site (where, with which template and view), how
 * pages are rendered (the site as every page shows it, the theme), and what the output formats are
 * made of.
 */
public record SitePlan(
    Publication publication, List<PageSpec> pages, Views.SiteView site, Theme theme) {
  public SitePlan {
    pages = List.copyOf(pages);
  }
}
