package dev.disclose.pages;

import dev.disclose.plan.PageSpec;
import dev.disclose.plan.Views;

/**
 * A page and what it renders with, the site as every page shows it and the theme's digest: all its
 * file is made of.
 */
public record RenderedPage(PageSpec page, Views.SiteView site, String theme) {}
