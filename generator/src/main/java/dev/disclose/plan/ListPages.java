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

  PageSpec allAdvisories() {
    return page(
        SitePaths.ADVISORIES,
        "list",
        "All advisories",
        new Views.ListView(
            "All advisories",
            catalog.size() + " advisories, newest first.",
            rows(catalog.advisories()),
            List.of()));
  }

  /** Each package's page, with its feeds, then the index of packages. */
  List<PageSpec> packagePages() {
    List<PageSpec> pages = new ArrayList<>();
    catalog
        .byPackage()
        .forEach(
            (key, list) -> {
              String path = SitePaths.packagePage(key.ecosystem(), key.name());
              String label = label(key);
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
                              rows(list),
                              List.of(
                                  new EntryView(
                                      key.ecosystem(),
                                      SitePaths.ecosystem(key.ecosystem()),
                                      0,
                                      "")),
                              path))
                      .withFeed(path, label));
            });
    pages.add(
        page(
            SitePaths.PACKAGES,
            "index",
            "Packages",
            new Views.IndexView("Packages", "Every package with an advisory.", packageEntries)));
    return pages;
  }

  /** Each ecosystem's page, with its feeds and its packages, then the index of ecosystems. */
  List<PageSpec> ecosystemPages() {
    List<PageSpec> pages = new ArrayList<>();
    List<EntryView> ecosystems = entries(catalog.byEcosystem(), SitePaths::ecosystem);
    catalog
        .byEcosystem()
        .forEach(
            (eco, list) -> {
              List<EntryView> ecoPackages =
                  packageEntries.stream().filter(p -> p.note().equals(eco)).toList();
              String ecoPath = SitePaths.ecosystem(eco);
              String name = Ecosystems.displayName(eco);
              pages.add(
                  page(
                          ecoPath,
                          "list",
                          name + " advisories",
                          new Views.ListView(
                              name,
                              list.size() + " advisories for " + name + " packages.",
                              rows(list),
                              ecoPackages))
                      .withFeed(ecoPath, name));
            });
    pages.add(
        page(
            SitePaths.ECOSYSTEMS,
            "index",
            "Ecosystems",
            new Views.IndexView("Ecosystems", "Advisories by package ecosystem.", ecosystems)));
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
              pages.add(
                  page(
                      SitePaths.year(year),
                      "list",
                      "Advisories of " + year,
                      new Views.ListView(
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
                          rows(list),
                          List.of())));
            });
    List<Advisory> undated = catalog.undated();
    if (!undated.isEmpty()) {
      yearEntries.add(new EntryView(UNDATED, SitePaths.undated(), undated.size(), ""));
      pages.add(
          page(
              SitePaths.undated(),
              "list",
              "Advisories of no known year",
              new Views.ListView(
                  "Advisories of no known year",
                  undated.size()
                      + " advisories whose publication date is not known and whose ID names no"
                      + " year.",
                  rows(undated),
                  List.of())));
    }
    pages.add(
        page(
            SitePaths.YEARS,
            "index",
            "Archive by year",
            new Views.IndexView(
                "Archive by year", "Advisories by year of publication.", yearEntries)));
    return pages;
  }

  /** Each severity's page, most severe first; "unrated" last. */
  List<PageSpec> severityPages() {
    List<PageSpec> pages = new ArrayList<>();
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
                  rows(e.getValue()),
                  List.of())));
    }
    return pages;
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
