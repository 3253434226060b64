package dev.disclose.plan;

import dev.disclose.cwe.CweAbbreviations;
import dev.disclose.cwe.CweCatalog;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the search index holds of one advisory: what a result shows (ID, title, page path, severity
 * label and score, packages in words, publication date, withdrawn), what finds it (IDs and aliases,
 * title, body, package names, and the words of its facts: {@link #factWords}), and its facets
 * (ecosystems, severity, year). The year is the one the site's year lists place it in ({@link
 * dev.disclose.catalog.Catalog#year}), or {@link #NO_YEAR}.
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
    String body,
    String facts) {

  /** The year of an advisory whose publication date is unknown and whose ID names none. */
  public static final int NO_YEAR = 0;

  /** The output format made of search documents, which the search page reads. */
  public static final String FORMAT = "search-index";

  /**
   * The words of a doc's facts, which search weighs as a title's, so that it finds a doc by facts
   * rather than wording and ranks those docs before mere mentions: each CWE as one word ({@code
   * cwe79}, which the query {@code cwe:79} or {@code CWE-79} looks up), the abbreviations that name
   * its CWEs ({@link CweAbbreviations}: {@code xss} for CWE-79), and its severity level ({@code
   * high}).
   */
  public static String factWords(List<String> cweIds, String severityLevel) {
    StringBuilder words = new StringBuilder();
    Set<String> seen = new LinkedHashSet<>();
    for (String id : cweIds) {
      OptionalInt number = CweCatalog.number(id);
      if (number.isEmpty()) continue;
      seen.add("cwe" + number.getAsInt());
      seen.addAll(CweAbbreviations.of(number.getAsInt()));
    }
    if (!severityLevel.isEmpty()) seen.add(severityLevel);
    for (String w : seen) words.append(words.length() == 0 ? "" : " ").append(w);
    return words.toString();
  }

  /** A package an advisory affects. */
  public record PackageRef(String name, String ecosystem) {}
}
