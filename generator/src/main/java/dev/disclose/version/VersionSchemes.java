package dev.disclose.version;

import java.util.Optional;

/**
 * The version schemes Disclose knows; {@code Ecosystems.versionScheme} says which ecosystem uses
 * which.
 */
public final class VersionSchemes {
  /**
   * SemVer 2.0 via semver4j strict parsing, with an optional leading {@code v} (Go writes {@code
   * v1.2.3}); ordered by SemVer 2.0 precedence, so versions differing only in build metadata (or in
   * the {@code v}) are equal.
   */
  public static final VersionScheme SEMVER = new SemVerScheme();

  /** PEP 440, as Python's {@code packaging.version} parses and orders it. */
  public static final VersionScheme PEP440 = new Pep440Scheme();

  /** Maven's ordering, via {@code org.apache.maven.artifact.versioning.ComparableVersion}. */
  public static final VersionScheme MAVEN = new MavenScheme();

  /** Any visible text, without an order: for ecosystems whose versions we cannot compare. */
  public static final VersionScheme UNORDERED = new UnorderedScheme();

  private VersionSchemes() {}

  /**
   * {@code v1.2.3} as {@code 1.2.3}, any other text as it is: OSV's SEMVER versions have no leading
   * {@code v}, which Go's tags carry.
   */
  public static String withoutVPrefix(String version) {
    return version.length() > 1 && version.charAt(0) == 'v' && Character.isDigit(version.charAt(1))
        ? version.substring(1)
        : version;
  }

  /**
   * Whether {@code version} lies in an affected interval: from {@code introduced} ("0", the
   * beginning, included) up to {@code fixed} (excluded) or {@code lastAffected} (included). A bound
   * the scheme cannot parse does not constrain (validation refuses such bounds before any export).
   * The scheme must be ordered.
   */
  public static boolean inInterval(
      VersionScheme scheme,
      Version version,
      String introduced,
      Optional<String> fixed,
      Optional<String> lastAffected) {
    if (!introduced.equals("0")
        && compare(scheme, version, introduced).filter(c -> c < 0).isPresent()) return false;
    if (fixed.isPresent() && compare(scheme, version, fixed.get()).filter(c -> c >= 0).isPresent())
      return false;
    return lastAffected.isEmpty()
        || compare(scheme, version, lastAffected.get()).filter(c -> c > 0).isEmpty();
  }

  private static Optional<Integer> compare(VersionScheme scheme, Version version, String bound) {
    try {
      return Optional.of(version.compareTo(scheme.parse(bound)));
    } catch (InvalidVersionException e) {
      return Optional.empty();
    }
  }
}
