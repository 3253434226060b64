package dev.disclose.version;

/**
 * One ecosystem's version syntax and ordering. Implementations are immutable and thread-safe.
 *
 * <p>Obtain instances from {@link VersionSchemes}; versions can only be compared with versions
 * parsed by the same scheme.
 */
public interface VersionScheme {
  /** Human name used in messages: "SemVer 2.0", "PEP 440", "Maven", "any (unordered)". */
  String name();

  /**
   * False for ecosystems whose ordering we do not know: then only syntax (non-blank, no
   * whitespace/control chars) is checked and {@link Version#compareTo} throws.
   */
  boolean isOrdered();

  /**
   * Parses a version, or throws InvalidVersionException whose getMessage() is a short, user-facing
   * reason, e.g. "`1.2` is not a SemVer 2.0 version: expected MAJOR.MINOR.PATCH, like 1.2.0".
   *
   * @throws NullPointerException if {@code text} is null
   */
  Version parse(String text) throws InvalidVersionException;
}
