package dev.disclose.advisory;

import java.util.Optional;

/**
 * An advisory's (or one package's) severity: CVSS vectors as written, Ubuntu's priority for
 * imported records, and the stated rating. Scores are computed from the vectors, never stored.
 */
public record Severity(
    Optional<String> cvssV2,
    Optional<String> cvssV3,
    Optional<String> cvssV4,
    Optional<String> ubuntu,
    Optional<SeverityLevel> level) {

  public static final Severity NONE =
      new Severity(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public boolean isEmpty() {
    return cvssV2.isEmpty()
        && cvssV3.isEmpty()
        && cvssV4.isEmpty()
        && ubuntu.isEmpty()
        && level.isEmpty();
  }

  /** The vector that rates the advisory: CVSS 4.0 if given, else 3.x, else 2.0. */
  public Optional<String> primaryVector() {
    return cvssV4.or(() -> cvssV3).or(() -> cvssV2);
  }
}
