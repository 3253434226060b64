package dev.disclose.plan;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.SeverityLevel;
import dev.disclose.advisory.Timestamp;
import dev.disclose.catalog.Catalog;
import dev.disclose.check.CheckedSite;
import dev.disclose.config.SiteConfig;
import dev.disclose.ecosystem.Ecosystems;
import dev.disclose.load.BuildSources;
import dev.disclose.load.LastCommitTimes;
import dev.disclose.markdown.MarkdownRenderer;
import dev.disclose.markdown.SafeHtml;
import dev.disclose.memo.Memo;
import dev.disclose.memo.Memo.Slot;
import dev.disclose.plan.Views.AdvisoryView;
import dev.disclose.plan.Views.EntryView;
import dev.disclose.plan.Views.RowView;
import dev.disclose.plan.response.ResponsePage;
import dev.disclose.plan.response.ResponseStatistics;
import dev.disclose.releases.Release;
import dev.disclose.severity.Rating;
import dev.disclose.urls.SitePaths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The plan stage: checked sources → every page of the site (its URL, template and view), the feeds,
 * the search documents and the sitemap, computed in one place. A pure function of the public
 * catalog, the configuration, the release notes and git's commit times, so two builds of the same
 * input plan the same pages.
 */
public final class SitePlanner {
  /** How many advisories the home page lists before pointing to the full list. */
  static final int HOME_LATEST = 20;

  static final Slot<List<SimilarAdvisories.Input>, Map<String, List<String>>> SIMILAR =
      new Slot<>("similar advisories", true);
  static final Slot<AdvisoryViews.Context, AdvisoryViews.Context> VIEW_CONTEXT =
      new Slot<>("what views show of the site");
  static final Slot<String, SafeHtml> MARKDOWN = new Slot<>("Markdown as HTML");
  static final Slot<ViewInput, AdvisoryView> VIEW = new Slot<>("advisory view");
  static final Slot<AdvisoryView, RowView> ROW = new Slot<>("advisory row");
  static final Slot<MadeOfView, SearchDoc> SEARCH_DOC = new Slot<>("search document");
  static final Slot<ItemInput, Feed.Item> FEED_ITEM = new Slot<>("feed item");
  static final Slot<PagesInput, List<PageSpec>> ADVISORY_PAGES =
      new Slot<>("advisory page and redirects");

  /** What an advisory's view is made of. */
  record ViewInput(
      Advisory advisory,
      AdvisoryViews.Context context,
      Optional<Instant> lastCommit,
      List<String> similar,
      SafeHtml details) {}

  /** What is made of an advisory and its view alone. */
  record MadeOfView(Advisory advisory, AdvisoryView view) {}

  /**
   * What an advisory's feed item is made of: its view, its last commit's time, and the site's
   * title.
   */
  record ItemInput(
      Advisory advisory, AdvisoryView view, Optional<Instant> lastCommit, SiteConfig config) {}

  /** What an advisory's page and its aliases' redirects are made of. */
  record PagesInput(
      Advisory advisory,
      AdvisoryView view,
      Optional<Instant> lastModified,
      List<Boolean> aliasTaken,
      String base) {}

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
    Optional<SafeHtml> policy =
        build
            .policy()
            .map(markdown -> memo.get(MARKDOWN, "policy", markdown, MarkdownRenderer::render));
    Planning planning =
        new Planning(
            config,
            publication.catalog(),
            publication.commits(),
            checked.releases(),
            publication.preview() ? Optional.of(publication.now()) : Optional.empty(),
            policy);
    List<PageSpec> pages = planning.pages();
    List<SitemapEntry> sitemap =
        pages.stream()
            .filter(PageSpec::inSitemap)
            .map(p -> new SitemapEntry(p.canonicalUrl(), p.lastModified()))
            .toList();
    Publication planned =
        new Publication(
            publication.catalog(),
            config,
            publication.commits(),
            publication.now(),
            publication.preview(),
            planning.feeds,
            planning.searchDocs,
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
   * One plan in the making: the pages in the order they are planned, and the feeds and search
   * documents found on the way.
   */
  private final class Planning {
    private final SiteConfig config;
    private final Catalog catalog;
    private final LastCommitTimes commits;
    private final Optional<SafeHtml> policy;
    private final String base;
    private final AdvisoryViews views;

    /**
     * Filled while planning the pages: the site-wide feed, then each ecosystem's, then each
     * package's.
     */
    private final List<Feed> feeds = new ArrayList<>();

    private final List<SearchDoc> searchDocs = new ArrayList<>();

    Planning(
        SiteConfig config,
        Catalog catalog,
        LastCommitTimes commits,
        List<Release> releases,
        Optional<Instant> previewAt,
        Optional<SafeHtml> policy) {
      this.config = config;
      this.catalog = catalog;
      this.commits = commits;
      this.policy = policy;
      this.base = config.baseUrl();
      Map<String, String> titles = new HashMap<>();
      for (Advisory a : catalog.advisories()) titles.put(a.id(), a.title());
      // One instance while equal: every advisory's view input holds it, compared by reference
      // first.
      AdvisoryViews.Context context =
          memo.get(
              VIEW_CONTEXT,
              "",
              new AdvisoryViews.Context(config, List.copyOf(releases), titles, previewAt),
              c -> c);
      this.views = new AdvisoryViews(context);
    }

    private Optional<Instant> lastCommit(Advisory a) {
      return commits.of(a.source().relativePath());
    }

    List<PageSpec> pages() {
      // By instance: looked up once per list an advisory is in.
      Map<Advisory, AdvisoryView> viewOf = new IdentityHashMap<>();
      Map<Advisory, RowView> rowOf = new IdentityHashMap<>();
      List<AdvisoryView> built = advisoryViews();
      for (int i = 0; i < built.size(); i++) viewOf.put(catalog.advisories().get(i), built.get(i));
      for (Advisory a : catalog.advisories()) {
        AdvisoryView v = viewOf.get(a);
        // Lists hold rows, which an edit of an advisory's text leaves equal (see RowView).
        rowOf.put(a, memo.get(ROW, a.id(), v, RowView::of));
        searchDocs.add(
            memo.get(
                SEARCH_DOC, a.id(), new MadeOfView(a, v), in -> AdvisoryViews.searchDoc(a, v)));
      }
      Function<Advisory, RowView> row = rowOf::get;
      List<PageSpec> pages = new ArrayList<>();

      // Each advisory's rating, once: the home page's counts and the severity pages share it.
      Map<String, List<Advisory>> severities = bySeverity();
      pages.add(home(severities, row));
      if (config.publishes(SearchDoc.FORMAT)) {
        pages.add(
            page(
                SitePaths.SEARCH,
                "search",
                "Search",
                new Views.IndexView("Search", "", List.of()),
                true,
                Optional.empty()));
      }
      // An advisory is an item of the site's feed, its ecosystems' and its packages': made once.
      Map<String, Feed.Item> items = new HashMap<>();
      Function<Advisory, Feed.Item> itemOf =
          a ->
              items.computeIfAbsent(
                  a.id(),
                  id -> {
                    AdvisoryView v = viewOf.get(a);
                    return memo.get(
                        FEED_ITEM,
                        a.id(),
                        new ItemInput(a, v, lastCommit(a), config),
                        in -> views.item(a, v, lastCommit(a)));
                  });
      int newest = config.feedItems();
      feeds.add(
          feed(
              "",
              config.title(),
              config.description().orElse("Security advisories of " + config.title() + "."),
              catalog.advisories().stream().limit(newest).map(itemOf).toList()));
      pages.add(
          page(
              SitePaths.ADVISORIES,
              "list",
              "All advisories",
              new Views.ListView(
                  "All advisories",
                  catalog.size() + " advisories, newest first.",
                  rows(catalog.advisories(), row),
                  List.of()),
              true,
              Optional.empty()));

      for (Advisory a : catalog.advisories()) pages.addAll(advisoryPages(a, viewOf.get(a)));

      List<EntryView> packages = new ArrayList<>();
      catalog
          .byPackage()
          .forEach(
              (key, list) -> {
                String path = SitePaths.packagePage(key.ecosystem(), key.name());
                packages.add(new EntryView(key.name(), path, list.size(), key.ecosystem()));
                String label = key.name() + " (" + key.ecosystem() + ")";
                // A package's feeds hold all of its advisories: subscribers follow exactly what
                // they depend on.
                feeds.add(
                    feed(
                        path,
                        config.title() + ": " + label,
                        "Advisories for the " + key.ecosystem() + " package " + key.name() + ".",
                        list.stream().map(itemOf).toList()));
                pages.add(
                    page(
                            path,
                            "list",
                            label,
                            new Views.ListView(
                                key.name(),
                                "Advisories for the "
                                    + key.ecosystem()
                                    + " package "
                                    + key.name()
                                    + ".",
                                rows(list, row),
                                List.of(
                                    new EntryView(
                                        key.ecosystem(),
                                        SitePaths.ecosystem(key.ecosystem()),
                                        0,
                                        ""))),
                            true,
                            Optional.empty())
                        .withFeed(path, label));
              });
      pages.add(
          page(
              SitePaths.PACKAGES,
              "index",
              "Packages",
              new Views.IndexView("Packages", "Every package with an advisory.", packages),
              true,
              Optional.empty()));

      List<EntryView> ecosystems = entries(catalog.byEcosystem(), SitePaths::ecosystem);
      catalog
          .byEcosystem()
          .forEach(
              (eco, list) -> {
                List<EntryView> ecoPackages =
                    packages.stream().filter(p -> p.note().equals(eco)).toList();
                String ecoPath = SitePaths.ecosystem(eco);
                String name = Ecosystems.displayName(eco);
                feeds.add(
                    feed(
                        ecoPath,
                        config.title() + ": " + name,
                        "Advisories for " + name + " packages.",
                        list.stream().limit(newest).map(itemOf).toList()));
                pages.add(
                    page(
                            ecoPath,
                            "list",
                            name + " advisories",
                            new Views.ListView(
                                name,
                                list.size() + " advisories for " + name + " packages.",
                                rows(list, row),
                                ecoPackages),
                            true,
                            Optional.empty())
                        .withFeed(ecoPath, name));
              });
      pages.add(
          page(
              SitePaths.ECOSYSTEMS,
              "index",
              "Ecosystems",
              new Views.IndexView("Ecosystems", "Advisories by package ecosystem.", ecosystems),
              true,
              Optional.empty()));

      List<EntryView> yearEntries = new ArrayList<>();
      catalog
          .byYear()
          .forEach(
              (year, list) -> {
                yearEntries.add(
                    new EntryView(String.valueOf(year), SitePaths.year(year), list.size(), ""));
                pages.add(
                    page(
                        SitePaths.year(year),
                        "list",
                        "Advisories of " + year,
                        new Views.ListView(
                            "Advisories of " + year,
                            list.size() + " advisories published in " + year + ".",
                            rows(list, row),
                            List.of()),
                        true,
                        Optional.empty()));
              });
      pages.add(
          page(
              SitePaths.YEARS,
              "index",
              "Archive by year",
              new Views.IndexView(
                  "Archive by year", "Advisories by year of publication.", yearEntries),
              true,
              Optional.empty()));

      for (Map.Entry<String, List<Advisory>> e : severities.entrySet()) {
        String label = AdvisoryViews.capitalize(e.getKey());
        pages.add(
            page(
                severityPath(e.getKey()),
                "list",
                label + " severity advisories",
                new Views.ListView(
                    label + " severity",
                    e.getValue().size() + " advisories rated " + e.getKey() + ".",
                    rows(e.getValue(), row),
                    List.of()),
                true,
                Optional.empty()));
      }

      orderFeeds();
      if (Feed.KINDS.stream().anyMatch(kind -> config.publishes(kind.format()))) {
        pages.add(
            page(
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
                                            : "every advisory of this package"))
                        .toList()),
                true,
                Optional.empty()));
      }

      pages.addAll(new ReleasePages(memo, config, catalog, views, row).pages());

      pages.add(
          page(
              SitePaths.RESPONSE,
              "response",
              "Response",
              ResponsePage.of(
                  ResponseStatistics.of(catalog.advisories(), config.responseTargets())),
              true,
              Optional.empty()));

      policy.ifPresent(
          html ->
              pages.add(
                  page(
                      SitePaths.POLICY,
                      "prose",
                      "Security policy",
                      new Views.ProseView("Security policy", html),
                      true,
                      Optional.empty())));
      pages.add(
          new PageSpec(
              SitePaths.NOT_FOUND,
              "404",
              "Page not found",
              new Views.IndexView("Page not found", "", List.of()),
              base + SitePaths.NOT_FOUND,
              false,
              Optional.empty()));
      return pages;
    }

    /**
     * Every advisory's view, in catalog order; made in parallel, since rendering Markdown dominates
     * and the views are independent.
     */
    private List<AdvisoryView> advisoryViews() {
      Map<String, List<String>> similar = similarAdvisories();
      return catalog.advisories().parallelStream()
          .map(
              a -> {
                List<String> similarIds = similar.getOrDefault(a.id(), List.of());
                // Rendered before the view is looked up: kept in use while the view is unchanged.
                SafeHtml details =
                    memo.get(MARKDOWN, a.id(), a.details(), MarkdownRenderer::render);
                return memo.get(
                    VIEW,
                    a.id(),
                    new ViewInput(a, views.context(), lastCommit(a), similarIds, details),
                    in -> views.view(a, in.lastCommit(), in.details(), in.similar()));
              })
          .toList();
    }

    private Map<String, List<String>> similarAdvisories() {
      return similar(memo, catalog.advisories());
    }

    /**
     * An advisory's page and its aliases' redirects: the same instances while what they show is
     * unchanged.
     */
    private List<PageSpec> advisoryPages(Advisory a, AdvisoryView v) {
      Optional<Instant> lastmod = a.effectiveModified(lastCommit(a)).map(Timestamp::instant);
      List<Boolean> taken =
          a.aliases().stream().map(alias -> catalog.byId(alias).isPresent()).toList();
      return memo.get(
          ADVISORY_PAGES,
          a.id(),
          new PagesInput(a, v, lastmod, taken, base),
          in -> {
            List<PageSpec> own = new ArrayList<>();
            own.add(page(v.path(), "advisory", a.id() + ": " + a.title(), v, true, lastmod));
            for (int i = 0; i < a.aliases().size(); i++) {
              String alias = a.aliases().get(i);
              if (!SitePaths.isSafeSegment(alias) || taken.get(i)) continue;
              String path = SitePaths.advisory(alias);
              own.add(
                  new PageSpec(
                      path,
                      "redirect",
                      alias + " → " + a.id(),
                      new Views.RedirectView(alias, a.id(), v.path(), v.url()),
                      v.url(),
                      false,
                      Optional.empty()));
            }
            return List.copyOf(own);
          });
    }

    private PageSpec home(Map<String, List<Advisory>> bySeverity, Function<Advisory, RowView> row) {
      List<RowView> latest = catalog.advisories().stream().limit(HOME_LATEST).map(row).toList();
      List<EntryView> severities = new ArrayList<>();
      bySeverity.forEach(
          (level, list) ->
              severities.add(
                  new EntryView(
                      AdvisoryViews.capitalize(level), severityPath(level), list.size(), "")));
      List<EntryView> years = new ArrayList<>();
      catalog
          .byYear()
          .forEach(
              (y, list) ->
                  years.add(new EntryView(String.valueOf(y), SitePaths.year(y), list.size(), "")));
      return page(
          SitePaths.HOME,
          "home",
          config.title(),
          new Views.HomeView(
              latest,
              catalog.size(),
              entries(catalog.byEcosystem(), SitePaths::ecosystem),
              severities,
              years),
          true,
          Optional.empty());
    }

    /** The site-wide feed first, then every ecosystem's, then every package's. */
    private void orderFeeds() {
      List<Feed> ordered = new ArrayList<>(feeds.subList(0, 1));
      feeds.stream().filter(f -> f.path().startsWith(SitePaths.ECOSYSTEMS)).forEach(ordered::add);
      feeds.stream().filter(f -> f.path().startsWith(SitePaths.PACKAGES)).forEach(ordered::add);
      feeds.clear();
      feeds.addAll(ordered);
    }

    private Feed feed(String path, String title, String description, List<Feed.Item> items) {
      String language = config.languages().isEmpty() ? "en" : config.languages().get(0);
      return new Feed(
          path, title, description, base + path, base + path, language, config.title(), items);
    }

    /** Severity pages, most severe first; "unrated" last. */
    private Map<String, List<Advisory>> bySeverity() {
      Map<SeverityLevel, List<Advisory>> levels = new EnumMap<>(SeverityLevel.class);
      List<Advisory> unrated = new ArrayList<>();
      for (Advisory a : catalog.advisories()) {
        Optional<SeverityLevel> level = Rating.of(a.severity());
        if (level.isPresent()) levels.computeIfAbsent(level.get(), l -> new ArrayList<>()).add(a);
        else unrated.add(a);
      }
      Map<String, List<Advisory>> out = new LinkedHashMap<>();
      for (int i = SeverityLevel.values().length - 1; i >= 0; i--) {
        SeverityLevel l = SeverityLevel.values()[i];
        if (levels.containsKey(l)) out.put(l.spelling(), levels.get(l));
      }
      if (!unrated.isEmpty()) out.put("unrated", unrated);
      return out;
    }

    private PageSpec page(
        String path,
        String template,
        String title,
        Object view,
        boolean sitemap,
        Optional<Instant> lastModified) {
      return new PageSpec(path, template, title, view, base + path, sitemap, lastModified);
    }
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

  private static String severityPath(String level) {
    return level.equals("unrated")
        ? SitePaths.unrated()
        : SitePaths.severity(SeverityLevel.valueOf(level.toUpperCase(Locale.ROOT)));
  }

  private static List<EntryView> entries(
      Map<String, List<Advisory>> map, Function<String, String> path) {
    return map.entrySet().stream()
        .map(e -> new EntryView(e.getKey(), path.apply(e.getKey()), e.getValue().size(), ""))
        .toList();
  }

  private static List<RowView> rows(List<Advisory> list, Function<Advisory, RowView> row) {
    return list.stream().map(row).toList();
  }
}
