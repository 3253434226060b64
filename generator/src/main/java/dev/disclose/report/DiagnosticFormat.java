package dev.disclose.report;

/** How findings are printed: for people, for GitHub Actions annotations, or for tools. */
public enum DiagnosticFormat {
  TEXT,
  GITHUB,
  JSON
}
