package dev.disclose.ecosystem;

import java.util.Objects;
import java.util.Optional;

/**
 * One of OSV's package ecosystems, without any {@code :<RELEASE>} suffix.
 *
 * @param name OSV's exact spelling, e.g. {@code "PyPI"}, {@code "crates.io"}, {@code "Debian"}
 * @param purlType the Package URL type OSV and GHSA use for its packages ({@code "pypi"},
 *     {@code "cargo"}), empty where there is none or it needs more than the package name
 * @param ordered true where Disclose knows the ecosystem's version ordering (crates.io, npm, Go,
 *     PyPI, Maven), so ranges can be checked
 */
public record Ecosystem(String name, Optional<String> purlType, boolean ordered) {
  public Ecosystem {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(purlType, "purlType");
  }
}
