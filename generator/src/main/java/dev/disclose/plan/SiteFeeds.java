package dev.disclose.plan;

import dev.disclose.advisory.Advisory;
import dev.disclose.catalog.Catalog;
import dev.disclose.config.SiteConfig;
import dev.disclose.ecosystem.Ecosystems;
import dev.disclose.load.LastCommitTimes;
import dev.disclose.memo.Memo;
import dev.disclose.memo.Memo.Slot;
import dev.disclose.plan.Views.AdvisoryView;
import dev.disclose.urls.SitePaths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The site's feeds: the site-wide one and each ecosystem's, which hold their newest advisories, and
 * each package's, which holds all of its own; and the page that offers them to subscribe to.
 */
final class SiteFeeds {
  static final Slot<ItemInput, Optional<Feed.Item>> FEED_ITEM = new Slot<>("feed item");

  /**
   * What an advisory's feed item is made of: its view, its last commit's time, and the site's
   * title.
   */
  record ItemInput(
      Advisory advisory, AdvisoryView view, Optional<Instant> lastCommit, SiteConfig config) {}

  private final Memo memo;
  private final SiteConfig config;
  private final LastCommitTimes commits;
  private final Function<Advisory, AdvisoryView> viewOf;
  private final String base;

  /** An advisory is an item of the site's feed, its ecosystems' and its packages': made once. */
  private final Map<String, Optional<Feed.Item>> items = new HashMap<>();

  private final List<Feed> feeds;

  /** Makes every feed; {@code viewOf}: each advisory's view, which its items are made of. */
  SiteFeeds(
      Memo memo,
      SiteConfig config,
      Catalog catalog,
      LastCommitTimes commits,
      Function<Advisory, AdvisoryView> viewOf) {
    this.memo = memo;
    this.config = config;
    this.commits = commits;
    this.viewOf = viewOf;
    this.base = config.baseUrl();
    this.feeds = feeds(catalog);
  }

  /** The site-wide feed first, then every ecosystem's, then every package's. */
  List<Feed> feeds() {
    return feeds;
  }

  /** The page listing every feed; none when the site publishes no feed format. */
  Optional<PageSpec> page() {
    if (Feed.published(config).isEmpty()) return Optional.empty();
    int newest = config.feedItems();
    return Optional.of(
        new PageSpec(
            SitePaths.FEEDS,
            "feeds",
            "Subscribe",
            new Views.FeedsView(
                feeds.stream()
                    .map(
                        f ->
                            new Views.FeedView(
                                f.path().isEmpty()
                                    ? "All advisories"
                                    : f.title().substring(config.title().length() + 2),
                                f.path(),
                                f.path().isEmpty()
                                    ? "the newest " + newest + " advisories"
                                    : f.path().startsWith(SitePaths.ECOSYSTEMS)
                                        ? "its newest " + newest + " advisories"
                                        : "every advisory of this package",
                                f.kinds(config)))
                    .toList(),
                Feed.kinds(SitePaths.PACKAGES, Feed.published(config))),
            base + SitePaths.FEEDS,
            true,
            Optional.empty()));
  }

  private List<Feed> feeds(Catalog catalog) {
    int newest = config.feedItems();
    List<Feed> out = new ArrayList<>();
    out.add(
        feed(
            Feed.Level.SITE,
            "",
            "",
            config.title(),
            config.description().orElse("Security advisories of " + config.title() + "."),
            items(catalog.advisories().stream()).limit(newest).toList()));
    catalog
        .byEcosystem()
        .forEach(
            (eco, list) -> {
              String name = Ecosystems.displayName(eco);
              out.add(
                  feed(
                      Feed.Level.ECOSYSTEM,
                      name,
                      SitePaths.ecosystem(eco),
                      config.title() + ": " + name,
                      "Advisories for " + name + " packages.",
                      items(list.stream()).limit(newest).toList()));
            });
    // A package's feed holds all of its advisories: subscribers follow exactly what they depend on.
    catalog
        .byPackage()
        .forEach(
            (key, list) -> {
              String path = SitePaths.packagePage(key.ecosystem(), key.name());
              out.add(
                  feed(
                      Feed.Level.PACKAGE,
                      Ecosystems.displayName(key.ecosystem()),
                      path,
                      config.title() + ": " + ListPages.label(key),
                      "Advisories for the " + key.ecosystem() + " package " + key.name() + ".",
                      list.stream()
                          .flatMap(
                              a ->
                                  item(a).stream()
                                      .map(i -> FeedItems.forPackage(i, viewOf.apply(a), path)))
                          .toList()));
            });
    return out;
  }

  /** The items of {@code advisories}, in their order; those without a date have none. */
  private Stream<Feed.Item> items(Stream<Advisory> advisories) {
    return advisories.flatMap(a -> item(a).stream());
  }

  private Optional<Feed.Item> item(Advisory a) {
    return items.computeIfAbsent(
        a.id(),
        id -> {
          AdvisoryView v = viewOf.apply(a);
          return memo.get(
              FEED_ITEM,
              a.id(),
              new ItemInput(a, v, lastCommit(a), config),
              in -> FeedItems.of(a, v, lastCommit(a), base));
        });
  }

  private Optional<Instant> lastCommit(Advisory a) {
    return commits.of(a.source().relativePath());
  }

  private Feed feed(
      Feed.Level level,
      String ecosystem,
      String path,
      String title,
      String description,
      List<Feed.Item> items) {
    String language = config.languages().isEmpty() ? "en" : config.languages().get(0);
    return new Feed(
        path,
        title,
        description,
        base + path,
        base + path,
        language,
        config.title(),
        items,
        level,
        ecosystem);
  }
}
