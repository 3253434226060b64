package dev.disclose.ecosystem;

import dev.disclose.version.VersionScheme;
import java.util.Objects;
import java.util.Optional;

/**
 * One of OSV's package ecosystems, without any {@code :<RELEASE>} suffix, and what Disclose knows
 * of it. {@link Ecosystems} holds the table of them.
 *
 * @param name OSV's exact spelling, e.g. {@code "PyPI"}, {@code "crates.io"}, {@code "Debian"}
 * @param displayName how pages name it
 * @param versions how its versions are spelled and ordered; {@code UNORDERED} where Disclose does
 *     not know the ordering, so ranges are checked for well-formedness only
 * @param packageNames what a package name must look like
 * @param purl the Package URL type OSV and GHSA give its packages, if any
 */
public record Ecosystem(
    String name,
    String displayName,
    VersionScheme versions,
    PackageNameRule packageNames,
    Optional<PurlType> purl) {
  public Ecosystem {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(versions, "versions");
    Objects.requireNonNull(packageNames, "packageNames");
    Objects.requireNonNull(purl, "purl");
  }

  /** Whether Disclose knows the ecosystem's version ordering, so ranges can be checked. */
  public boolean ordered() {
    return versions.isOrdered();
  }

  /** The purl type ({@code "pypi"}, {@code "cargo"}), if the ecosystem has one. */
  public Optional<String> purlType() {
    return purl.map(PurlType::type);
  }
}
