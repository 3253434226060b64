package dev.disclose.plan;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.SeverityLevel;
import dev.disclose.catalog.Catalog;
import dev.disclose.catalog.Catalog.PackageKey;
import dev.disclose.config.SiteConfig;
import dev.disclose.ecosystem.Ecosystems;
import dev.disclose.plan.Views.EntryView;
import dev.disclose.plan.Views.RowView;
import dev.disclose.severity.Rating;
import dev.disclose.urls.SitePaths;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The pages that list advisories: the home page with the newest, all of them, and each package's,
 * ecosystem's, year's and severity's, with an index of the packages, the ecosystems and the years.
 */
final class ListPages {
  /** How many advisories the home page lists before pointing to the full list. */
  static final int HOME_LATEST = 20;

  /** The archive's entry for the advisories of no known year. */
  static final String UNDATED = "Undated";

  private final SiteConfig config;
  private final Catalog catalog;
  private final Function<Advisory, RowView> row;
  private final String base;

  /** Every package with an advisory: the packages index lists them, an ecosystem's page its own. */
  private final List<EntryView> packageEntries = new ArrayList<>();

  /** Each advisory's rating, once: the home page's counts and the severity pages share it. */
  private final Map<String, List<Advisory>> severities;

  /** {@code row}: each advisory as lists show it. */
  ListPages(SiteConfig config, Catalog catalog, Function<Advisory, RowView> row) {
    this.config = config;
    this.catalog = catalog;
    this.row = row;
    this.base = config.baseUrl();
    catalog
        .byPackage()
        .forEach(
            (key, list) ->
                packageEntries.add(
                    new EntryView(
                        key.name(),
                        SitePaths.packagePage(key.ecosystem(), key.name()),
                        list.size(),
                        key.ecosystem())));
    this.severities = bySeverity();
  }

  /** A package as page titles and feeds name it: its name and its ecosystem. */
  static String label(PackageKey key) {
    return key.name() + " (" + key.ecosystem() + ")";
  }

  PageSpec home() {
    List<RowView> latest = catalog.advisories().stream().limit(HOME_LATEST).map(row).toList();
    List<EntryView> levels = new ArrayList<>();
    severities.forEach(
        (level, list) ->
            levels.add(
                new EntryView(
                    AdvisoryViews.capitalize(level), severityPath(level), list.size(), "")));
    List<EntryView> years = new ArrayList<>();
    catalog
        .byYear()
        .forEach(
            (y, list) ->
                years.add(new EntryView(String.valueOf(y), SitePaths.year(y), list.size(), "")));
    if (!catalog.undated().isEmpty())
      years.add(new EntryView(UNDATED, SitePaths.undated(), catalog.undated().size(), ""));
    return page(
        SitePaths.HOME,
        "home",
        config.title(),
        new Views.HomeView(
            latest,
            catalog.size(),
            entries(catalog.byEcosystem(), SitePaths::ecosystem),
            levels,
            years));
  }

  /** Every advisory, newest first, a page at a time. */
  List<PageSpec> allAdvisories() {
    return advisoryList(
        SitePaths.ADVISORIES,
        "All advisories",
        "All advisories",
        catalog.size() + " advisories, newest first.",
        catalog.advisories(),
        List.of(),
        "");
  }

  /** Each package's pages, with its feeds, then the index of packages. */
  List<PageSpec> packagePages() {
    List<PageSpec> pages = new ArrayList<>();
    catalog
        .byPackage()
        .forEach(
            (key, list) -> {
              String path = SitePaths.packagePage(key.ecosystem(), key.name());
              String label = label(key);
              pages.addAll(
                  advisoryList(
                      path,
                      label,
                      key.name(),
                      "Advisories for the " + key.ecosystem() + " package " + key.name() + ".",
                      list,
                      List.of(
                          new EntryView(
                              key.ecosystem(), SitePaths.ecosystem(key.ecosystem()), 0, "")),
                      label,
                      path));
            });
    pages.addAll(
        indexPages(
            SitePaths.PACKAGES, "Packages", "Every package with an advisory.", packageEntries));
    return pages;
  }

  /**
   * Each ecosystem's pages, with its feeds, its packages on the first, then the index of
   * ecosystems.
   */
  List<PageSpec> ecosystemPages() {
    List<PageSpec> pages = new ArrayList<>();
    catalog
        .byEcosystem()
        .forEach(
            (eco, list) -> {
              String name = Ecosystems.displayName(eco);
              List<EntryView> ecoPackages =
                  packageEntries.stream().filter(p -> p.note().equals(eco)).toList();
              // Its packages beside its advisories while they fit one page, else an index of
              // their own, so the ecosystem's page stays as light as any page of a list.
              boolean inline = ecoPackages.size() <= config.listPageSize();
              pages.addAll(
                  advisoryList(
                      SitePaths.ecosystem(eco),
                      name + " advisories",
                      name,
                      list.size() + " advisories for " + name + " packages.",
                      list,
                      inline
                          ? ecoPackages
                          : List.of(
                              new EntryView(
                                  "All " + name + " packages",
                                  SitePaths.ecosystemPackages(eco),
                                  ecoPackages.size(),
                                  "")),
                      name));
              if (!inline)
                pages.addAll(
                    indexPages(
                        SitePaths.ecosystemPackages(eco),
                        name + " packages",
                        "Every " + name + " package with an advisory.",
                        ecoPackages));
            });
    pages.addAll(
        indexPages(
            SitePaths.ECOSYSTEMS,
            "Ecosystems",
            "Advisories by package ecosystem.",
            entries(catalog.byEcosystem(), SitePaths::ecosystem)));
    return pages;
  }

  /**
   * Each year's page, the page of the advisories of no known year, then the archive by year. An
   * advisory whose publication date is unknown is listed in the year its ID names, after the dated
   * ones.
   */
  List<PageSpec> yearPages() {
    List<PageSpec> pages = new ArrayList<>();
    List<EntryView> yearEntries = new ArrayList<>();
    catalog
        .byYear()
        .forEach(
            (year, list) -> {
              yearEntries.add(
                  new EntryView(String.valueOf(year), SitePaths.year(year), list.size(), ""));
              long undated = list.stream().filter(a -> a.effectivePublished().isEmpty()).count();
              pages.addAll(
                  advisoryList(
                      SitePaths.year(year),
                      "Advisories of " + year,
                      "Advisories of " + year,
                      list.size()
                          + " advisories published in "
                          + year
                          + (undated == 0
                              ? "."
                              : "; "
                                  + undated
                                  + " of them on a date not known, listed by the year their"
                                  + " ID names."),
                      list,
                      List.of(),
                      ""));
            });
    List<Advisory> undated = catalog.undated();
    if (!undated.isEmpty()) {
      yearEntries.add(new EntryView(UNDATED, SitePaths.undated(), undated.size(), ""));
      pages.addAll(
          advisoryList(
              SitePaths.undated(),
              "Advisories of no known year",
              "Advisories of no known year",
              undated.size()
                  + " advisories whose publication date is not known and whose ID names no year.",
              undated,
              List.of(),
              ""));
    }
    pages.addAll(
        indexPages(
            SitePaths.YEARS, "Archive by year", "Advisories by year of publication.", yearEntries));
    return pages;
  }

  /** Each severity's pages, most severe first; "unrated" last. */
  List<PageSpec> severityPages() {
    List<PageSpec> pages = new ArrayList<>();
    for (Map.Entry<String, List<Advisory>> e : severities.entrySet()) {
      String label = AdvisoryViews.capitalize(e.getKey());
      pages.addAll(
          advisoryList(
              severityPath(e.getKey()),
              label + " severity advisories",
              label + " severity",
              e.getValue().size() + " advisories rated " + e.getKey() + ".",
              e.getValue(),
              List.of(),
              ""));
    }
    return pages;
  }

  /**
   * The pages of a list of advisories at {@code path}, {@code config.listPageSize()} to a page:
   * {@code related} on the first, and every page with the feeds {@code feedTitle} names, if any.
   */
  private List<PageSpec> advisoryList(
      String path,
      String title,
      String heading,
      String intro,
      List<Advisory> advisories,
      List<EntryView> related,
      String feedTitle) {
    return advisoryList(path, title, heading, intro, advisories, related, feedTitle, "");
  }

  /**
   * The same, of one package's advisories when {@code packagePath} is that package's page: its rows
   * then show that package's versions only.
   */
  private List<PageSpec> advisoryList(
      String path,
      String title,
      String heading,
      String intro,
      List<Advisory> advisories,
      List<EntryView> related,
      String feedTitle,
      String packagePath) {
    int size = config.listPageSize();
    int count = Pager.count(advisories.size(), size);
    List<PageSpec> pages = new ArrayList<>(count);
    for (int n = 1; n <= count; n++) {
      PageSpec p =
          paged(
              path,
              n,
              count,
              "list",
              title,
              new Views.ListView(
                  heading,
                  intro,
                  rows(Pager.slice(advisories, n, size)),
                  n == 1 ? related : List.of(),
                  packagePath));
      pages.add(feedTitle.isEmpty() ? p : p.withFeed(path, feedTitle));
    }
    return pages;
  }

  /** The pages of an index at {@code path}, {@code config.listPageSize()} entries to a page. */
  private List<PageSpec> indexPages(
      String path, String title, String intro, List<EntryView> entries) {
    int size = config.listPageSize();
    int count = Pager.count(entries.size(), size);
    List<PageSpec> pages = new ArrayList<>(count);
    for (int n = 1; n <= count; n++) {
      pages.add(
          paged(
              path,
              n,
              count,
              "index",
              title,
              new Views.IndexView(title, intro, Pager.slice(entries, n, size))));
    }
    return pages;
  }

  /**
   * Page {@code n} of {@code count} of a list: its own path and canonical URL, and when there are
   * several, its number in its title and its place among them.
   */
  private PageSpec paged(
      String path, int n, int count, String template, String title, Record view) {
    if (count == 1) return page(path, template, title, view);
    return page(Pager.path(path, n), template, title + ", page " + n + " of " + count, view)
        .withPager(Pager.of(path, n, count));
  }

  /** The advisories by rating, most severe first; "unrated" last. */
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

  private List<RowView> rows(List<Advisory> list) {
    return list.stream().map(row).toList();
  }

  private PageSpec page(String path, String template, String title, Record view) {
    return new PageSpec(path, template, title, view, base + path, true, Optional.empty());
  }
}
