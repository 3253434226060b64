package dev.disclose.advisory;

import dev.disclose.ecosystem.Ecosystems;
import dev.disclose.version.VersionSchemes;

/** OSV's range types: how the events of a range are ordered. */
public enum RangeType {
  SEMVER,
  ECOSYSTEM,
  GIT;

  /** OSV's default for an ecosystem: SemVer where the ecosystem table orders versions by SemVer. */
  public static RangeType defaultFor(String ecosystem) {
    return Ecosystems.versionScheme(ecosystem) == VersionSchemes.SEMVER ? SEMVER : ECOSYSTEM;
  }
}
