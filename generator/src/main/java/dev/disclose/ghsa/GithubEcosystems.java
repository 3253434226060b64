package dev.disclose.ghsa;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub's names for the package ecosystems (its {@code security-advisory-ecosystems}), against
 * OSV's, which the advisories use.
 */
public final class GithubEcosystems {
  private static final Map<String, String> OSV_BY_GITHUB = new LinkedHashMap<>();

  static {
    OSV_BY_GITHUB.put("pip", "PyPI");
    OSV_BY_GITHUB.put("npm", "npm");
    OSV_BY_GITHUB.put("rust", "crates.io");
    OSV_BY_GITHUB.put("go", "Go");
    OSV_BY_GITHUB.put("maven", "Maven");
    OSV_BY_GITHUB.put("nuget", "NuGet");
    OSV_BY_GITHUB.put("rubygems", "RubyGems");
    OSV_BY_GITHUB.put("composer", "Packagist");
    OSV_BY_GITHUB.put("erlang", "Hex");
    OSV_BY_GITHUB.put("pub", "Pub");
    OSV_BY_GITHUB.put("swift", "SwiftURL");
    OSV_BY_GITHUB.put("actions", "GitHub Actions");
  }

  private GithubEcosystems() {}

  /** OSV's name for GitHub's {@code github}, like {@code PyPI} for {@code pip}. */
  public static Optional<String> osv(String github) {
    return Optional.ofNullable(OSV_BY_GITHUB.get(github.toLowerCase(Locale.ROOT)));
  }

  /** GitHub's name for OSV's {@code osv}, like {@code rust} for {@code crates.io}. */
  public static Optional<String> github(String osv) {
    for (Map.Entry<String, String> e : OSV_BY_GITHUB.entrySet()) {
      if (e.getValue().equals(osv)) return Optional.of(e.getKey());
    }
    return Optional.empty();
  }

  /** Every name GitHub accepts here, for messages. */
  public static String names() {
    return String.join(", ", OSV_BY_GITHUB.keySet());
  }
}
