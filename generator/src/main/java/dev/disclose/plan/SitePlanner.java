package dev.disclose.plan;

import dev.disclose.urls.SitePaths;
import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.RangeType;
import dev.disclose.advisory.Severity;
import dev.disclose.advisory.SeverityLevel;
import dev.disclose.advisory.Timestamp;
import dev.disclose.catalog.Catalog;
import dev.disclose.config.SiteConfig;
import dev.disclose.cwe.CweCatalog;
import dev.disclose.feed.Feed;
import dev.disclose.releases.Release;
import dev.disclose.releases.ReleaseFixes;
import dev.disclose.search.SearchIndexWriter;
import dev.disclose.search.SimilarAdvisories;
import dev.disclose.markdown.MarkdownRenderer;
import dev.disclose.markdown.SafeHtml;
import dev.disclose.severity.CvssBreakdown;
import dev.disclose.severity.CvssScore;
import dev.disclose.severity.Rating;
import dev.disclose.plan.Views.AdvisoryView;
import dev.disclose.plan.Views.EntryView;
import dev.disclose.plan.Views.LinkView;
import dev.disclose.plan.response.ResponsePage;
import dev.disclose.plan.response.ResponseReport;
import dev.disclose.load.LastCommitTimes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Catalog → the pages of the site, their URLs and views, computed in one place. A pure function
 * of its inputs (the catalog, the configuration, git's commit times), so two builds of the same
 * input plan the same pages.
 */
public final class SitePlanner {
  /** How many advisories the home page lists before pointing to the full list. */
  static final int HOME_LATEST = 20;

  /**
   * What the planner needs besides the catalog. {@code markdown} renders an advisory's details
   * (the preview server passes one that remembers the previous build's results); {@code views}
   * may remember advisories' views between builds.
   */
  public record Inputs(SiteConfig config, Optional<SafeHtml> policy, LastCommitTimes commits, CweCatalog cwes,
      Function<String, SafeHtml> markdown, List<Release> releases, Optional<Instant> previewAt,
      Function<List<Advisory>, Map<String, List<String>>> similar, ViewMemory views) {
    public Inputs(SiteConfig config, Optional<SafeHtml> policy, LastCommitTimes commits, CweCatalog cwes,
        Function<String, SafeHtml> markdown, List<Release> releases, Optional<Instant> previewAt,
        Function<List<Advisory>, Map<String, List<String>>> similar) {
      this(config, policy, commits, cwes, markdown, releases, previewAt, similar, ViewMemory.NONE);
    }

    public Inputs(SiteConfig config, Optional<SafeHtml> policy, LastCommitTimes commits, CweCatalog cwes) {
      this(config, policy, commits, cwes, MarkdownRenderer::render, List.of(), Optional.empty());
    }

    public Inputs(SiteConfig config, Optional<SafeHtml> policy, LastCommitTimes commits, CweCatalog cwes,
        Function<String, SafeHtml> markdown, List<Release> releases, Optional<Instant> previewAt) {
      this(config, policy, commits, cwes, markdown, releases, previewAt, SimilarAdvisories::of);
    }

    public Inputs {
      releases = List.copyOf(releases);
    }
  }

  /**
   * Advisories' views kept between builds (the preview server's memory). An advisory's view is a
   * function of the advisory, its file's last commit time, its similar advisories, and the
   * site: the configuration, the release notes, every advisory's ID and title (links and
   * similar advisories name them), and the preview time. The planner passes the site part as one
   * {@link #site} object per build, the rest per advisory.
   */
  public interface ViewMemory {
    ViewMemory NONE = new ViewMemory() {};

    /** {@code site}, or the previous build's if equal: then compared by reference. */
    default Object site(Object site) {
      return site;
    }

    /**
     * The view of {@code advisory} in {@code key} (which holds the site object): the previous
     * build's if made of the same advisory instance in an equal key, else {@code make}'s.
     */
    default AdvisoryView view(Advisory advisory, Object key, java.util.function.Supplier<AdvisoryView> make) {
      return make.get();
    }

    /**
     * What is made of {@code advisory} and {@code inputs} alone ({@code kind}: its feed item, its
     * search document): the previous build's if made of the same advisory instance and equal
     * inputs (views are kept as instances: compared by reference), else {@code make}'s. The same
     * instance, so feeds and the search index holding it are compared by reference.
     */
    default <T> T derived(Advisory advisory, String kind, Object inputs, java.util.function.Supplier<T> make) {
      return make.get();
    }
  }

  /** What an advisory's view depends on besides the advisory and the site. */
  private record ViewKey(Object site, Optional<Instant> lastCommit, List<String> similar) {}

  /** What every advisory's view depends on besides the advisory itself. */
  private record ViewSite(SiteConfig config, List<Release> releases, Map<String, String> titles, Optional<Instant> previewAt) {}

  /** Whether site-config.yaml declares release notes the site holds (a folder or a changelog). */
  static boolean hasReleaseNotes(SiteConfig config) {
    return config.packages().stream().flatMap(p -> p.releaseNotes().stream())
        .anyMatch(r -> !(r instanceof SiteConfig.ReleaseNotesSource.UrlTemplate));
  }

  /** A package's release, for lookups. */
  private record ReleaseKey(String ecosystem, String name, String version) {}

  private final Inputs in;
  private final String base;
  /** Filled while planning the pages: the site-wide feed, then each ecosystem's, then each package's. */
  private final List<Feed> feeds = new ArrayList<>();
  private final Map<ReleaseKey, Release> releases = new LinkedHashMap<>();
  private final List<SearchIndexWriter.Doc> searchDocs = new ArrayList<>();
  private final dev.disclose.releases.ExternalReleaseNotes externalNotes;

  private SitePlanner(Inputs in) {
    this.in = in;
    this.externalNotes = dev.disclose.releases.ExternalReleaseNotes.of(in.config());
    for (Release r : in.releases()) releases.putIfAbsent(new ReleaseKey(r.ecosystem(), r.packageName(), r.version()), r);
    this.base = in.config().baseUrl();
  }

  /** The site's pages, its feeds, and what its search index holds (one doc per advisory, newest first). */
  public record Plan(List<PageSpec> pages, List<Feed> feeds, List<SearchIndexWriter.Doc> searchDocs) {}

  public static Plan planSite(Catalog catalog, Inputs inputs) {
    SitePlanner planner = new SitePlanner(inputs);
    List<PageSpec> pages = planner.pages(catalog);
    return new Plan(pages, List.copyOf(planner.feeds), List.copyOf(planner.searchDocs));
  }

  public static List<PageSpec> plan(Catalog catalog, Inputs inputs) {
    return planSite(catalog, inputs).pages();
  }

  public static Views.SiteView siteView(SiteConfig config) {
    return siteView(config, false);
  }

  public static Views.SiteView siteView(SiteConfig config, boolean preview) {
    return new Views.SiteView(config.title(), config.description().orElse(""), config.baseUrl(),
        config.securityContact(), config.policy().isPresent(), config.repository().orElse(""), hasReleaseNotes(config), preview);
  }

  private List<PageSpec> pages(Catalog catalog) {
    // By instance: looked up once per list an advisory is in (60,000 times on 10,000 advisories).
    Map<Advisory, AdvisoryView> views = new java.util.IdentityHashMap<>();
    // Rendering Markdown dominates; the views are independent, so build them in parallel.
    Map<String, List<String>> similar = in.similar().apply(catalog.advisories());
    Map<String, String> titles = new java.util.HashMap<>();
    for (Advisory a : catalog.advisories()) titles.put(a.id(), a.title());
    Object site = in.views().site(new ViewSite(in.config(), in.releases(), titles, in.previewAt()));
    List<AdvisoryView> built = catalog.advisories().parallelStream()
        .map(a -> {
          List<String> similarIds = similar.getOrDefault(a.id(), List.of());
          ViewKey key = new ViewKey(site, in.commits().of(a.source().relativePath()), similarIds);
          return in.views().view(a, key, () -> view(a, catalog, similarIds));
        }).toList();
    for (int i = 0; i < built.size(); i++) views.put(catalog.advisories().get(i), built.get(i));
    List<PageSpec> pages = new ArrayList<>();
    Function<Advisory, AdvisoryView> viewOf = views::get;
    // Lists hold rows, which an edit of an advisory's text leaves equal (see RowView).
    Map<Advisory, Views.RowView> rows = new java.util.IdentityHashMap<>();
    Function<Advisory, Views.RowView> rowOf = rows::get;
    for (Advisory a : catalog.advisories()) {
      AdvisoryView v = viewOf.apply(a);
      rows.put(a, in.views().derived(a, "row", v, () -> Views.RowView.of(v)));
      searchDocs.add(in.views().derived(a, "search", v, () -> searchDoc(a, v)));
    }

    // Each advisory's rating, once: the home page's counts and the severity pages share it.
    Map<String, List<Advisory>> severities = bySeverity(catalog);
    pages.add(home(catalog, severities, rowOf));
    pages.add(page(SitePaths.SEARCH, "search", "Search", new Views.IndexView("Search", "", List.of()), true, Optional.empty()));
    // An advisory is an item of the site's feed, its ecosystems' and its packages': build it once.
    Map<String, Feed.Item> items = new java.util.HashMap<>();
    Function<Advisory, Feed.Item> itemOf = a -> items.computeIfAbsent(a.id(), id -> {
      AdvisoryView v = viewOf.apply(a);
      // An item shows the advisory, its view, its last commit's time and the site's title.
      List<Object> inputs = java.util.Arrays.asList(v, in.commits().of(a.source().relativePath()), in.config());
      return in.views().derived(a, "item", inputs, () -> item(a, v));
    });
    int newest = in.config().feedItems();
    feeds.add(feed("", in.config().title(), in.config().description().orElse("Security advisories of " + in.config().title() + "."),
        catalog.advisories().stream().limit(newest).map(itemOf).toList()));
    pages.add(page(SitePaths.ADVISORIES, "list", "All advisories", new Views.ListView("All advisories",
        catalog.size() + " advisories, newest first.", map(catalog.advisories(), rowOf), List.of()), true, Optional.empty()));

    for (Advisory a : catalog.advisories()) {
      AdvisoryView v = viewOf.apply(a);
      Optional<Instant> lastmod = a.effectiveModified(in.commits().of(a.source().relativePath())).map(Timestamp::instant);
      // Its page and its aliases' redirects: the same instances while what they show is unchanged.
      List<Boolean> taken = a.aliases().stream().map(alias -> catalog.byId(alias).isPresent()).toList();
      pages.addAll(in.views().derived(a, "pages", java.util.Arrays.asList(v, lastmod, taken, base), () -> {
        List<PageSpec> own = new ArrayList<>();
        own.add(page(v.path(), "advisory", a.id() + ": " + a.title(), v, true, lastmod));
        for (int i = 0; i < a.aliases().size(); i++) {
          String alias = a.aliases().get(i);
          if (!SitePaths.isSafeSegment(alias) || taken.get(i)) continue;
          String path = SitePaths.advisory(alias);
          own.add(new PageSpec(path, "redirect", alias + " → " + a.id(),
              new Views.RedirectView(alias, a.id(), v.path(), v.url()), v.url(), false, Optional.empty()));
        }
        return List.copyOf(own);
      }));
    }

    List<EntryView> packages = new ArrayList<>();
    catalog.byPackage().forEach((key, list) -> {
      String path = SitePaths.packagePage(key.ecosystem(), key.name());
      packages.add(new EntryView(key.name(), path, list.size(), key.ecosystem()));
      String label = key.name() + " (" + key.ecosystem() + ")";
      // A package's feeds hold all of its advisories: subscribers follow exactly what they depend on.
      feeds.add(feed(path, in.config().title() + ": " + label, "Advisories for the " + key.ecosystem() + " package "
          + key.name() + ".", list.stream().map(itemOf).toList()));
      pages.add(page(path, "list", label, new Views.ListView(
          key.name(), "Advisories for the " + key.ecosystem() + " package " + key.name() + ".",
          map(list, rowOf), List.of(new EntryView(key.ecosystem(), SitePaths.ecosystem(key.ecosystem()), 0, ""))),
          true, Optional.empty()).withFeed(path, label));
    });
    pages.add(page(SitePaths.PACKAGES, "index", "Packages",
        new Views.IndexView("Packages", "Every package with an advisory.", packages), true, Optional.empty()));

    List<EntryView> ecosystems = entries(catalog.byEcosystem(), SitePaths::ecosystem);
    catalog.byEcosystem().forEach((eco, list) -> {
      List<EntryView> ecoPackages = packages.stream().filter(p -> p.note().equals(eco)).toList();
      String ecoPath = SitePaths.ecosystem(eco);
      feeds.add(feed(ecoPath, in.config().title() + ": " + eco, "Advisories for " + eco + " packages.",
          list.stream().limit(newest).map(itemOf).toList()));
      pages.add(page(ecoPath, "list", eco + " advisories", new Views.ListView(
          eco, list.size() + " advisories for " + eco + " packages.", map(list, rowOf), ecoPackages),
          true, Optional.empty()).withFeed(ecoPath, eco));
    });
    pages.add(page(SitePaths.ECOSYSTEMS, "index", "Ecosystems",
        new Views.IndexView("Ecosystems", "Advisories by package ecosystem.", ecosystems), true, Optional.empty()));

    Map<Integer, List<Advisory>> years = catalog.byYear();
    List<EntryView> yearEntries = new ArrayList<>();
    years.forEach((year, list) -> {
      yearEntries.add(new EntryView(String.valueOf(year), SitePaths.year(year), list.size(), ""));
      pages.add(page(SitePaths.year(year), "list", "Advisories of " + year, new Views.ListView(
          "Advisories of " + year, list.size() + " advisories published in " + year + ".",
          map(list, rowOf), List.of()), true, Optional.empty()));
    });
    pages.add(page(SitePaths.YEARS, "index", "Archive by year",
        new Views.IndexView("Archive by year", "Advisories by year of publication.", yearEntries), true, Optional.empty()));

    for (Map.Entry<String, List<Advisory>> e : severities.entrySet()) {
      String label = capitalize(e.getKey());
      String path = e.getKey().equals("unrated") ? SitePaths.unrated()
          : SitePaths.severity(SeverityLevel.valueOf(e.getKey().toUpperCase(Locale.ROOT)));
      pages.add(page(path, "list", label + " severity advisories", new Views.ListView(
          label + " severity", e.getValue().size() + " advisories rated " + e.getKey() + ".",
          map(e.getValue(), rowOf), List.of()), true, Optional.empty()));
    }

    List<Feed> ordered = new ArrayList<>(feeds.subList(0, 1));
    feeds.stream().filter(f -> f.path().startsWith(SitePaths.ECOSYSTEMS)).forEach(ordered::add);
    feeds.stream().filter(f -> f.path().startsWith(SitePaths.PACKAGES)).forEach(ordered::add);
    feeds.clear();
    feeds.addAll(ordered);
    pages.add(page(SitePaths.FEEDS, "feeds", "Subscribe", new Views.FeedsView(ordered.stream()
        .map(f -> new Views.FeedView(f.path().isEmpty() ? "All advisories" : f.title().substring(in.config().title().length() + 2),
            f.path(), f.path().isEmpty() ? "the newest " + newest + " advisories"
                : f.path().startsWith(SitePaths.ECOSYSTEMS) ? "its newest " + newest + " advisories" : "every advisory of this package"))
        .toList()), true, Optional.empty()));

    releasePages(catalog, rowOf, pages);

    pages.add(page(SitePaths.RESPONSE, "response", "Response",
        ResponsePage.of(ResponseReport.of(catalog.advisories(), in.config().responseTargets())), true, Optional.empty()));

    in.policy().ifPresent(html -> pages.add(page(SitePaths.POLICY, "prose", "Security policy",
        new Views.ProseView("Security policy", html), true, Optional.empty())));
    pages.add(new PageSpec(SitePaths.NOT_FOUND, "404", "Page not found", new Views.IndexView(
        "Page not found", "", List.of()), base + SitePaths.NOT_FOUND, false, Optional.empty()));
    return pages;
  }

  private PageSpec home(Catalog catalog, Map<String, List<Advisory>> bySeverity, Function<Advisory, Views.RowView> rowOf) {
    List<Views.RowView> latest = catalog.advisories().stream().limit(HOME_LATEST).map(rowOf).toList();
    List<EntryView> severities = new ArrayList<>();
    bySeverity.forEach((level, list) -> severities.add(new EntryView(capitalize(level),
        level.equals("unrated") ? SitePaths.unrated()
            : SitePaths.severity(SeverityLevel.valueOf(level.toUpperCase(Locale.ROOT))), list.size(), "")));
    List<EntryView> years = new ArrayList<>();
    catalog.byYear().forEach((y, list) -> years.add(new EntryView(String.valueOf(y), SitePaths.year(y), list.size(), "")));
    return page(SitePaths.HOME, "home", in.config().title(), new Views.HomeView(latest, catalog.size(),
        entries(catalog.byEcosystem(), SitePaths::ecosystem), severities, years), true, Optional.empty());
  }

  /** What search finds an advisory by: its IDs, its title, and its text, package names, CWE names and keywords. */
  private SearchIndexWriter.Doc searchDoc(Advisory a, AdvisoryView v) {
    List<String> ids = new ArrayList<>();
    ids.add(a.id());
    ids.addAll(a.aliases());
    StringBuilder body = new StringBuilder(a.details());
    for (Views.AffectedView p : v.affected()) body.append('\n').append(p.name()).append(' ').append(p.ecosystem());
    for (Views.CweView c : v.cwes()) body.append('\n').append(c.id()).append(' ').append(c.name());
    body.append('\n').append(String.join(" ", a.keywords()));
    List<String> ecosystems = a.affected().stream().map(p -> p.ecosystem()).distinct().toList();
    int year = a.effectivePublished().map(t -> t.date().getYear()).orElse(1970);
    return new SearchIndexWriter.Doc(v.id(), v.title(), v.path(), v.severity().label(), v.severity().score(),
        v.packagesSummary(), v.published(), v.withdrawn(), List.copyOf(ids),
        v.affected().stream().map(p -> new SearchIndexWriter.PackageRef(p.name(), p.ecosystem())).toList(),
        ecosystems, v.severity().level(), year, body.toString());
  }

  /**
   * A page per release the site holds notes for, with the advisories it fixes, and an index of
   * them. A release fixes an advisory when one of the advisory's version ranges of that package
   * is fixed in it.
   */
  private void releasePages(Catalog catalog, Function<Advisory, Views.RowView> rowOf, List<PageSpec> pages) {
    if (!hasReleaseNotes(in.config())) return;
    List<EntryView> entries = new ArrayList<>();
    ReleaseFixes fixed = ReleaseFixes.of(catalog.advisories());
    // Their Markdown in parallel: thousands of release notes rendered one by one kept a core idle.
    List<Release> ordered = List.copyOf(releases.values());
    List<SafeHtml> notes = ordered.parallelStream().map(r -> in.markdown().apply(r.notes())).toList();
    for (int i = 0; i < ordered.size(); i++) {
      Release r = ordered.get(i);
      List<Views.RowView> fixes = fixed.of(r).stream().map(rowOf).toList();
      String path = SitePaths.release(r.ecosystem(), r.packageName(), r.version());
      String label = r.packageName() + " " + r.version();
      entries.add(new EntryView(label, path, fixes.size(), r.date().map(Object::toString).orElse("")));
      pages.add(page(path, "release", label + " release notes", new Views.ReleaseView(r.packageName(), r.ecosystem(),
          SitePaths.packagePage(r.ecosystem(), r.packageName()), r.version(), r.date().map(Object::toString).orElse(""),
          notes.get(i), fixes, r.source()), true, Optional.empty()));
    }
    pages.add(page(SitePaths.RELEASES, "releases", "Releases", new Views.IndexView("Releases",
        "Release notes of the packages this project publishes, with the security fixes each release ships.", entries),
        true, Optional.empty()));
  }

  /** Where a fixed version's release notes are: its page on this site, the project's URL, or nowhere. */
  private LinkView fixedLink(String ecosystem, String name, String version) {
    if (releases.containsKey(new ReleaseKey(ecosystem, name, version))) {
      return new LinkView(version, SitePaths.release(ecosystem, name, version), true);
    }
    return externalNotes.url(ecosystem, name, version)
        .filter(dev.disclose.text.Urls::isHttpUrl)
        .map(u -> new LinkView(version, u, false)).orElse(LinkView.plain(version));
  }

  private Feed feed(String path, String title, String description, List<Feed.Item> items) {
    String language = in.config().languages().isEmpty() ? "en" : in.config().languages().get(0);
    return new Feed(path, title, description, base + path, base + path, language, in.config().title(), items);
  }

  /** One advisory as a feed item: its page's facts, as text for the summary and HTML for the content. */
  private Feed.Item item(Advisory a, AdvisoryView v) {
    java.time.Instant published = a.effectivePublished().map(Timestamp::instant).orElse(java.time.Instant.EPOCH);
    java.time.Instant updated = a.effectiveModified(in.commits().of(a.source().relativePath()))
        .map(Timestamp::instant).orElse(published);
    boolean withdrawn = a.withdrawn().isPresent();
    String title = a.id() + ": " + a.title() + (withdrawn ? " (withdrawn)" : "");

    List<String> summary = new ArrayList<>();
    StringBuilder html = new StringBuilder();
    if (withdrawn) {
      String line = "Withdrawn on " + v.withdrawnDate() + ": " + v.withdrawnReason();
      summary.add(line + ".");
      html.append("<p><strong>").append(esc("Withdrawn on " + v.withdrawnDate())).append(":</strong> ")
          .append(esc(v.withdrawnReason())).append("</p>\n");
    }
    Views.SeverityView sev = v.severity();
    if (sev.isRated()) {
      String rating = sev.label() + (sev.score().isEmpty() ? "" : " " + sev.score()) + (sev.version().isEmpty() ? "" : " (" + sev.version() + ")");
      summary.add("Severity: " + rating + ".");
      html.append("<p><strong>Severity:</strong> ").append(esc(rating)).append("</p>\n");
    }
    if (!v.informational().isEmpty()) summary.add(v.informational() + ".");
    if (!v.affected().isEmpty()) {
      html.append("<ul>\n");
      for (Views.AffectedView p : v.affected()) {
        String line = p.name() + " (" + p.ecosystem() + ")" + (p.ranges().isEmpty() ? "" : ": " + String.join("; ", p.ranges()))
            + (p.fixed().isEmpty() ? "" : "; fixed in " + String.join(", ", p.fixed()));
        summary.add(line + ".");
        html.append("<li>").append(esc(line)).append("</li>\n");
      }
      html.append("</ul>\n");
    }
    html.append(v.details().html());

    List<String> categories = new ArrayList<>();
    a.affected().stream().map(p -> p.ecosystem()).distinct().forEach(categories::add);
    a.affected().stream().map(p -> p.packageName()).distinct().forEach(categories::add);
    if (sev.isRated()) categories.add(sev.label());
    categories.addAll(a.cwes());
    if (!v.informational().isEmpty()) categories.add(v.informational());
    if (withdrawn) categories.add("Withdrawn");

    Feed.Machine machine = new Feed.Machine(a.id(), a.aliases(), sev.level(), sev.score(), sev.vector(),
        v.affected().stream().map(p -> new Feed.Package(p.ecosystem(), p.name(), p.purl(), p.ranges(), p.fixed())).toList(),
        base + v.osvPath(), withdrawn ? v.withdrawnDate() : "");
    return new Feed.Item(v.url(), title, v.url(), published, updated, String.join(" ", summary),
        new SafeHtml(html.toString()), categories.stream().distinct().toList(),
        a.credits().stream().map(c -> c.name()).toList(), machine);
  }

  private static String esc(String s) {
    return dev.disclose.text.Html.escape(s);
  }

  /** Severity pages, most severe first; "unrated" last. */
  private static Map<String, List<Advisory>> bySeverity(Catalog catalog) {
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

  private PageSpec page(String path, String template, String title, Object view, boolean sitemap,
      Optional<Instant> lastModified) {
    return new PageSpec(path, template, title, view, base + path, sitemap, lastModified);
  }

  private static List<EntryView> entries(Map<String, List<Advisory>> map, Function<String, String> path) {
    return map.entrySet().stream().map(e -> new EntryView(e.getKey(), path.apply(e.getKey()), e.getValue().size(), "")).toList();
  }

  private static List<Views.RowView> map(List<Advisory> list, Function<Advisory, Views.RowView> rowOf) {
    return list.stream().map(rowOf).toList();
  }

  // ---- one advisory ----

  private AdvisoryView view(Advisory a, Catalog catalog, List<String> similar) {
    String path = SitePaths.advisory(a.id());
    Optional<Timestamp> modified = a.effectiveModified(in.commits().of(a.source().relativePath()));
    String editUrl = in.config().repository()
        .map(r -> (r.endsWith("/") ? r : r + "/") + "edit/" + in.config().branch() + "/" + a.source().relativePath())
        .orElse("");
    List<Views.AffectedView> affected = a.affected().stream().map(p -> new Views.AffectedView(
        p.ecosystem(), p.packageName(), SitePaths.packagePage(p.ecosystem(), p.packageName()),
        p.purl().or(() -> dev.disclose.ecosystem.Ecosystems.purlFor(p.ecosystem(), p.packageName())).orElse(""),
        p.ranges().stream().map(RangeText::describe).toList(),
        p.ranges().stream().filter(r -> r.type() != RangeType.GIT).flatMap(r -> r.fixed().stream()).distinct().toList(),
        p.ranges().stream().filter(r -> r.type() != RangeType.GIT).flatMap(r -> r.fixed().stream()).distinct()
            .map(v -> fixedLink(p.ecosystem(), p.packageName(), v)).toList(),
        p.versions(), List.copyOf(p.functions().keySet()), p.os(), p.arch())).toList();
    String packages = a.affected().stream().map(p -> p.packageName() + " (" + p.ecosystem() + ")")
        .distinct().collect(Collectors.joining(", "));
    return new AdvisoryView(a.id(), a.title(), path, base + path,
        a.withdrawn().isPresent() ? "Withdrawn" : "Published",
        a.withdrawn().isPresent(),
        a.withdrawn().map(w -> w.date().date().toString()).orElse(""),
        a.withdrawn().map(w -> w.reason()).orElse(""),
        a.informational().map(i -> capitalize(i.spelling())).orElse(""),
        a.effectivePublished().map(t -> t.date().toString()).orElse(""),
        modified.filter(m -> !m.equals(a.effectivePublished().orElse(null))).map(t -> t.date().toString()).orElse(""),
        severity(a.severity()),
        a.aliases().stream().map(id -> link(id, catalog)).toList(),
        a.related().stream().map(id -> link(id, catalog)).toList(),
        a.upstream().stream().map(id -> link(id, catalog)).toList(),
        affected, packages,
        a.cwes().stream().map(this::cwe).toList(),
        a.keywords(),
        a.references().stream().map(r -> new Views.ReferenceView(capitalize(r.type().name().toLowerCase(Locale.ROOT)), r.url())).toList(),
        a.credits().stream().map(c -> new Views.CreditView(c.name(),
            c.type().map(t -> capitalize(t.name().toLowerCase(Locale.ROOT).replace('_', ' '))).orElse(""),
            c.contact())).toList(),
        timeline(a),
        in.markdown().apply(a.details()),
        SitePaths.osvJson(dev.disclose.osv.OsvExporter.osvId(a.id(), dev.disclose.osv.OsvExporter.Settings.of(in.config()))),
        editUrl, a.source().relativePath(),
        similar.stream().map(id -> catalog.byId(id).map(s -> new Views.SimilarView(s.id(), s.title(), SitePaths.advisory(s.id()))))
            .flatMap(Optional::stream).toList(),
        banner(a));
  }

  /** In a preview, what an advisory that is not public is: the banner its page carries. */
  private String banner(Advisory a) {
    if (in.previewAt().isEmpty() || dev.disclose.catalog.EmbargoPolicy.isPublic(a, in.previewAt().get())) return "";
    if (a.status() == dev.disclose.advisory.Status.DRAFT) return "DRAFT — NOT PUBLIC";
    return "EMBARGOED — NOT PUBLIC" + a.embargo().map(e -> " until " + e.instant()).orElse("");
  }

  private Views.SeverityView severity(Severity s) {
    List<Views.VectorView> vectors = new ArrayList<>();
    Views.SeverityView primary = null;
    for (String v : List.of(s.cvssV4(), s.cvssV3(), s.cvssV2()).stream().flatMap(Optional::stream).toList()) {
      CvssScore score;
      try {
        score = CvssScore.of(v);
      } catch (IllegalArgumentException e) {
        continue; // validation refused the build already; nothing sensible to show
      }
      if (primary == null) {
        primary = new Views.SeverityView(score.level().spelling(), score.level().label(),
            score.formattedScore(), "CVSS " + score.versionLabel(), v, CvssBreakdown.of(v), List.of());
      } else {
        vectors.add(new Views.VectorView("CVSS " + score.versionLabel(), v, score.formattedScore(),
            score.level().label()));
      }
    }
    if (primary != null) {
      return new Views.SeverityView(primary.level(), primary.label(), primary.score(), primary.version(),
          primary.vector(), primary.metrics(), vectors);
    }
    return s.level().map(l -> new Views.SeverityView(l.spelling(), l.label(), "", "", "", List.of(), List.of()))
        .orElse(new Views.SeverityView("", "", "", "", "", List.of(), List.of()));
  }

  // Compiled once: String.matches compiles its pattern on every call, for every alias of every advisory.
  private static final java.util.regex.Pattern CVE_ID = java.util.regex.Pattern.compile("CVE-\\d{4}-\\d{4,}");
  private static final java.util.regex.Pattern OSV_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]+");

  private LinkView link(String id, Catalog catalog) {
    if (catalog.byId(id).isPresent()) return new LinkView(id, SitePaths.advisory(id), true);
    if (CVE_ID.matcher(id).matches()) return new LinkView(id, "https://www.cve.org/CVERecord?id=" + id, false);
    if (id.startsWith("GHSA-")) return new LinkView(id, "https://github.com/advisories/" + id, false);
    if (OSV_ID.matcher(id).matches()) return new LinkView(id, "https://osv.dev/vulnerability/" + id, false);
    return LinkView.plain(id);
  }

  private Views.CweView cwe(String id) {
    java.util.OptionalInt number = CweCatalog.number(id);
    String name = "";
    String href = "";
    if (number.isPresent()) {
      name = in.cwes().name(number.getAsInt()).orElse("");
      // The digits as written (CWE-079 links to 079.html, as it did).
      href = "https://cwe.mitre.org/data/definitions/" + id.substring(4) + ".html";
    }
    return new Views.CweView(id, name, href);
  }

  private static List<Views.StepView> timeline(Advisory a) {
    List<Views.StepView> steps = new ArrayList<>();
    Optional<Timestamp> reported = a.timeline().reported();
    add(steps, "Reported", reported, reported);
    add(steps, "Acknowledged", a.timeline().acknowledged(), reported);
    add(steps, "Fixed", a.timeline().fixed(), reported);
    add(steps, "Disclosed", a.timeline().disclosed(), reported);
    return steps;
  }

  private static void add(List<Views.StepView> steps, String label, Optional<Timestamp> when, Optional<Timestamp> reported) {
    when.ifPresent(t -> {
      String days = reported.filter(r -> r != t).map(r -> {
        long d = ChronoUnit.DAYS.between(r.date(), t.date());
        return d == 1 ? "1 day after the report" : d + " days after the report";
      }).orElse("");
      steps.add(new Views.StepView(label, t.date().toString(), days));
    });
  }

  static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

}
