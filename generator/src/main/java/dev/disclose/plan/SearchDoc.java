package dev.disclose.plan;

import java.util.List;

/**
 * What the search index holds of one advisory: what a result shows (ID, title, page path, severity
 * label and score, packages in words, publication date, withdrawn), what finds it (IDs and aliases,
 * title, body, package names), and its facets (ecosystems, severity, year). The year is the one the
 * site's year lists place it in ({@link dev.disclose.catalog.Catalog#year}), or {@link #NO_YEAR}.
 */
public record SearchDoc(
    String id,
    String title,
    String path,
    String severityLabel,
    String score,
    String packagesSummary,
    String published,
    boolean withdrawn,
    List<String> ids,
    List<PackageRef> packages,
    List<String> ecosystems,
    String severity,
    int year,
    String body) {

  /** The year of an advisory whose publication date is unknown and whose ID names none. */
  public static final int NO_YEAR = 0;

  /** The output format made of search documents, which the search page reads. */
  public static final String FORMAT = "search-index";

  /** A package an advisory affects. */
  public record PackageRef(String name, String ecosystem) {}
}
