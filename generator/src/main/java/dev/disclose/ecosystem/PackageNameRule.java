package dev.disclose.ecosystem;

import java.util.Optional;

/** What a package name must look like in one ecosystem. */
@FunctionalInterface
public interface PackageNameRule {
  /**
   * Empty if {@code name} (non-empty) is valid, else a short user-facing reason naming the rule.
   */
  Optional<String> problem(String name);
}
