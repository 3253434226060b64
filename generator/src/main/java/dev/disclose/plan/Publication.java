package dev.disclose.plan;

import dev.disclose.advisory.Advisory;
import dev.disclose.catalog.Catalog;
import dev.disclose.config.SiteConfig;
import dev.disclose.load.LastCommitTimes;
import dev.disclose.urls.SiteUrls;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the output formats are made of: the advisories to publish and where the site lives, and for
 * the site's own files the feeds, search documents and sitemap entries the plan made (empty for a
 * publication of the catalog alone, as {@code disclose export} makes).
 *
 * @param now the build's notion of now (security.txt expires from it)
 * @param preview whether this is a preview, every advisory included, for reviewers only
 */
public record Publication(
    Catalog catalog,
    SiteConfig config,
    LastCommitTimes commits,
    Instant now,
    boolean preview,
    List<Feed> feeds,
    List<SearchDoc> searchDocs,
    List<SitemapEntry> sitemap) {
  public Publication {
    feeds = List.copyOf(feeds);
    searchDocs = List.copyOf(searchDocs);
    sitemap = List.copyOf(sitemap);
  }

  public SiteUrls urls() {
    return config.urls();
  }

  /** When {@code advisory}'s file last changed in git, if known. */
  public Optional<Instant> lastCommit(Advisory advisory) {
    return commits.of(advisory.source().relativePath());
  }

  /** Every commit of {@code advisory}'s file in git, newest first; empty if unknown. */
  public List<Instant> commitTimes(Advisory advisory) {
    return commits.all(advisory.source().relativePath());
  }

  /** This publication without what the plan made: what formats of the catalog alone read. */
  public Publication catalogOnly() {
    return new Publication(catalog, config, commits, now, preview, List.of(), List.of(), List.of());
  }
}
