package dev.disclose.diagnostic;

/** How bad a finding is: errors fail validation (exit 1) and block builds; warnings do not. */
public enum DiagnosticSeverity {
  ERROR,
  WARNING;

  public String label() {
    return this == ERROR ? "error" : "warning";
  }
}
