package dev.disclose.advisory;

/** A link, typed as OSV types references. */
public record Reference(ReferenceType type, String url) {

  /** OSV's reference types. */
  public enum ReferenceType {
    ADVISORY,
    ARTICLE,
    DETECTION,
    DISCUSSION,
    REPORT,
    FIX,
    INTRODUCED,
    GIT,
    PACKAGE,
    EVIDENCE,
    WEB
  }
}
