package dev.disclose.advisory;

/** OSV's range types: how the events of a range are ordered. */
public enum RangeType {
  SEMVER,
  ECOSYSTEM,
  GIT;

  /** OSV's default for an ecosystem: SemVer where the ecosystem uses SemVer 2.0. */
  public static RangeType defaultFor(String ecosystem) {
    String base =
        ecosystem.contains(":") ? ecosystem.substring(0, ecosystem.indexOf(':')) : ecosystem;
    return switch (base) {
      case "crates.io", "npm", "Go" -> SEMVER;
      default -> ECOSYSTEM;
    };
  }
}
