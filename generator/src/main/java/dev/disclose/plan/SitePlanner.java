package dev.disclose.plan;

import dev.disclose.advisory.Advisory;
import dev.disclose.catalog.Catalog;
import dev.disclose.check.CheckedSite;
import dev.disclose.config.SiteConfig;
import dev.disclose.load.BuildSources;
import dev.disclose.load.LastCommitTimes;
import dev.disclose.load.SourceDigest;
import dev.disclose.markdown.MarkdownRenderer;
import dev.disclose.markdown.SafeHtml;
import dev.disclose.memo.Memo;
import dev.disclose.memo.Memo.Slot;
import dev.disclose.plan.response.ResponsePage;
import dev.disclose.plan.response.ResponseStatistics;
import dev.disclose.releases.Release;
import dev.disclose.urls.SitePaths;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The plan stage: checked sources → every page of the site (its URL, template and view), the feeds,
 * the search documents and the sitemap, computed in one place. A pure function of the public
 * catalog, the configuration, the release notes and git's commit times, so two builds of the same
 * input plan the same pages.
 */
public final class SitePlanner {
  static final Slot<List<SimilarAdvisories.Input>, Map<String, List<String>>> SIMILAR =
      new Slot<>("similar advisories", true);
  static final Slot<AdvisoryViews.Context, AdvisoryViews.Context> VIEW_CONTEXT =
      new Slot<>("what views show of the site");

  /** The policy's text sits under the page's h1: its own headings start at h2. */
  static final int POLICY_TOP_LEVEL = 2;

  /**
   * Saved across processes: rendering and sanitizing every advisory's details is the largest part
   * of planning a site of which one advisory changed.
   */
  static final Slot<String, SafeHtml> MARKDOWN =
      new Slot<>(
          "Markdown as HTML",
          new Memo.Saved<>(
              markdown -> SourceDigest.digest().digest(markdown.getBytes(StandardCharsets.UTF_8)),
              SafeHtml::html,
              SafeHtml::new));

  private final Memo memo;

  public SitePlanner(Memo memo) {
    this.memo = memo;
  }

  /**
   * The formats' input for a publication of the catalog alone: no page, feed or search document.
   */
  public Publication publication(CheckedSite checked, PlanRequest request) {
    return new Publication(
        catalog(checked, request),
        config(checked, request),
        checked.sources().build().map(BuildSources::commits).orElse(LastCommitTimes.none()),
        checked.now(),
        request.preview(),
        List.of(),
        List.of(),
        List.of());
  }

  /**
   * Every page, feed and search document of the site that {@code publication} publishes (made by
   * {@link #publication}), from sources loaded for a build.
   */
  public SitePlan plan(CheckedSite checked, Publication publication) {
    BuildSources build =
        checked
            .sources()
            .build()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "planning a site needs sources loaded for a build"));
    SiteConfig config = publication.config();
    Catalog catalog = publication.catalog();
    LastCommitTimes commits = publication.commits();
    Optional<SafeHtml> policy =
        checked
            .sources()
            .policy()
            .map(
                markdown ->
                    memo.get(
                        MARKDOWN,
                        "policy",
                        markdown,
                        md ->
                            MarkdownRenderer.render(md, "the security policy", POLICY_TOP_LEVEL)));
    AdvisoryViews views =
        new AdvisoryViews(
            viewContext(
                config,
                catalog,
                checked.releases(),
                publication.preview() ? Optional.of(publication.now()) : Optional.empty()));
    AdvisoryPages advisories =
        new AdvisoryPages(memo, catalog, commits, views, similar(memo, catalog.advisories()));
    ListPages lists = new ListPages(config, catalog, advisories::row);
    SiteFeeds feeds = new SiteFeeds(memo, config, catalog, commits, advisories::view);

    // In the order the sitemap lists them.
    List<PageSpec> pages = new ArrayList<>();
    pages.add(lists.home());
    if (config.publishes(SearchDoc.FORMAT)) {
      pages.add(
          page(
              config,
              SitePaths.SEARCH,
              "search",
              "Search",
              new Views.IndexView("Search", "", List.of())));
    }
    pages.addAll(lists.allAdvisories());
    for (Advisory a : catalog.advisories()) pages.addAll(advisories.pages(a));
    pages.addAll(lists.packagePages());
    pages.addAll(lists.ecosystemPages());
    pages.addAll(lists.yearPages());
    pages.addAll(lists.severityPages());
    feeds.page().ifPresent(pages::add);
    pages.addAll(new ReleasePages(memo, config, catalog, views, advisories::row).pages());
    pages.add(
        page(
            config,
            SitePaths.RESPONSE,
            "response",
            "Response",
            ResponsePage.of(
                ResponseStatistics.of(catalog.advisories(), config.responseTargets()))));
    policy.ifPresent(
        html ->
            pages.add(
                page(
                    config,
                    SitePaths.POLICY,
                    "prose",
                    "Security policy",
                    new Views.ProseView("Security policy", html))));
    pages.add(
        new PageSpec(
            SitePaths.NOT_FOUND,
            "404",
            "Page not found",
            new Views.IndexView("Page not found", "", List.of()),
            config.baseUrl() + SitePaths.NOT_FOUND,
            false,
            Optional.empty()));

    List<SitemapEntry> sitemap =
        pages.stream()
            .filter(PageSpec::inSitemap)
            .map(p -> new SitemapEntry(p.canonicalUrl(), p.lastModified()))
            .toList();
    Publication planned =
        new Publication(
            catalog,
            config,
            commits,
            publication.now(),
            publication.preview(),
            feeds.feeds(),
            advisories.searchDocs(),
            sitemap);
    return new SitePlan(planned, pages, siteView(config, publication.preview()), build.theme());
  }

  private static SiteConfig config(CheckedSite checked, PlanRequest request) {
    return request.baseUrl().map(checked.config()::withBaseUrl).orElse(checked.config());
  }

  /** The public advisories, or for a preview every advisory, drafts and embargoed ones included. */
  private static Catalog catalog(CheckedSite checked, PlanRequest request) {
    return request.preview() ? Catalog.everything(checked.advisories()) : checked.publicCatalog();
  }

  /**
   * What every advisory's view shows of the rest of the site; {@code previewAt}: the preview's
   * time, in a preview.
   */
  private AdvisoryViews.Context viewContext(
      SiteConfig config, Catalog catalog, List<Release> releases, Optional<Instant> previewAt) {
    Map<String, String> titles = new HashMap<>();
    for (Advisory a : catalog.advisories()) titles.put(a.id(), a.title());
    // One instance while equal: every advisory's view input holds it, compared by reference first.
    return memo.get(
        VIEW_CONTEXT,
        "",
        new AdvisoryViews.Context(config, List.copyOf(releases), titles, previewAt),
        c -> c);
  }

  /** The site as every page shows it. */
  public static Views.SiteView siteView(SiteConfig config, boolean preview) {
    return new Views.SiteView(
        config.title(),
        config.description().orElse(""),
        config.baseUrl(),
        config.securityContact(),
        config.policy().isPresent(),
        config.repository().orElse(""),
        hasReleaseNotes(config),
        preview,
        Feed.KINDS.stream().filter(kind -> config.publishes(kind.format())).toList(),
        Set.copyOf(config.formats()));
  }

  /** Whether site-config.yaml declares release notes the site holds (a folder or a changelog). */
  static boolean hasReleaseNotes(SiteConfig config) {
    return config.packages().stream()
        .flatMap(p -> p.releaseNotes().stream())
        .anyMatch(r -> !(r instanceof SiteConfig.ReleaseNotesSource.UrlTemplate));
  }

  /**
   * Each advisory's similar advisories, a function of IDs, packages, weaknesses, titles and
   * details.
   */
  public static Map<String, List<String>> similar(Memo memo, List<Advisory> advisories) {
    return memo.get(
        SIMILAR,
        "",
        SimilarAdvisories.inputs(advisories),
        inputs -> {
          // Made elsewhere (a memo's background), it is given up when that thread is interrupted.
          Thread caller = Thread.currentThread();
          return SimilarAdvisories.of(inputs, caller::isInterrupted);
        });
  }

  /** A page the sitemap lists, with no modified time of its own. */
  private static PageSpec page(
      SiteConfig config, String path, String template, String title, Record view) {
    return new PageSpec(
        path, template, title, view, config.baseUrl() + path, true, Optional.empty());
  }
}
