package dev.disclose.urls;

import dev.disclose.advisory.SeverityLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * Every URL of the site, in one place. Paths are relative to the site root, use forward slashes,
 * and end in {@code /} for pages (written as {@code index.html} inside). Whatever comes from
 * advisories (IDs, package names) is reduced to safe characters here, so no path can climb out of
 * the output directory.
 */
public final class SitePaths {
  private SitePaths() {}

  public static final String HOME = "";
  public static final String ADVISORIES = "advisories/";
  public static final String PACKAGES = "packages/";
  public static final String ECOSYSTEMS = "ecosystems/";
  public static final String YEARS = "years/";
  public static final String POLICY = "policy/";
  public static final String RESPONSE = "response/";
  public static final String FEEDS = "feeds/";
  public static final String SEARCH = "search/";
  public static final String RELEASES = "releases/";

  /** The CSAF provider's files (CSAF 2.0 section 7.1.9: the well-known URL). */
  public static final String CSAF = ".well-known/csaf/";

  /** The CSAF provider's metadata, which security.txt's {@code CSAF:} line names. */
  public static final String CSAF_PROVIDER_METADATA = CSAF + "provider-metadata.json";

  /** The static search index, beside the search page. */
  public static final String SEARCH_INDEX = "search-index/";

  public static final String NOT_FOUND = "404.html";
  public static final String ASSETS = "assets/";

  public static String advisory(String id) {
    return ADVISORIES + segment(id) + "/";
  }

  public static String osvJson(String id) {
    return "osv/" + segment(id) + ".json";
  }

  public static String packagePage(String ecosystem, String name) {
    // Split at '/' and ':' by hand: String.split compiles a pattern of a character class on every
    // call, and every advisory, package and release page asks.
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= name.length(); i++) {
      if (i == name.length() || name.charAt(i) == '/' || name.charAt(i) == ':') {
        if (i > start) parts.add(segment(name.substring(start, i)));
        start = i + 1;
      }
    }
    if (parts.isEmpty()) parts.add("-");
    return PACKAGES + segment(ecosystem) + "/" + String.join("/", parts) + "/";
  }

  /** A release's page: {@code releases/<ecosystem>/<name>/<version>/}, named like package pages. */
  public static String release(String ecosystem, String name, String version) {
    return RELEASES
        + packagePage(ecosystem, name).substring(PACKAGES.length())
        + segment(version)
        + "/";
  }

  public static String ecosystem(String ecosystem) {
    return ECOSYSTEMS + segment(ecosystem) + "/";
  }

  /** The index of an ecosystem's packages, for an ecosystem with more than its page shows. */
  public static String ecosystemPackages(String ecosystem) {
    return ecosystem(ecosystem) + "packages/";
  }

  public static String year(int year) {
    return YEARS + year + "/";
  }

  /** The list of the advisories of no known year, beside the years'. */
  public static String undated() {
    return YEARS + "undated/";
  }

  public static String severity(SeverityLevel level) {
    return "severity/" + level.spelling() + "/";
  }

  public static String unrated() {
    return "severity/unrated/";
  }

  /** Whether {@code id} can serve as a folder name unchanged (alias redirects need exact names). */
  public static boolean isSafeSegment(String id) {
    // [A-Za-z0-9][A-Za-z0-9._-]{0,127}, without "..": by hand, it is asked of every alias of every
    // build.
    if (id.isEmpty() || id.length() > 128 || id.contains("..")) return false;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean alphanumeric =
          (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!alphanumeric && (i == 0 || (c != '.' && c != '_' && c != '-'))) return false;
    }
    return true;
  }

  /** One path segment: letters, digits and {@code . _ - @ + ~} kept, anything else a dash. */
  public static String segment(String text) {
    StringBuilder b = new StringBuilder();
    for (char c : text.toCharArray()) {
      boolean keep =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-'
              || c == '@'
              || c == '+'
              || c == '~';
      b.append(keep ? c : '-');
    }
    String s = b.toString();
    if (s.isEmpty() || s.equals(".") || s.equals("..")) return "-";
    return s.startsWith(".") ? "-" + s.substring(1) : s;
  }

  /** The relative prefix from a page at {@code path} back to the root: "../../" for "a/b/". */
  public static String rootFrom(String path) {
    int depth = 0;
    int slash = path.lastIndexOf('/');
    String dir = slash < 0 ? "" : path.substring(0, slash + 1);
    for (char c : dir.toCharArray()) if (c == '/') depth++;
    return "../".repeat(depth);
  }
}
