package dev.disclose.diagnostic;

import dev.disclose.yaml.Position;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects the diagnostics of one file as checks run; not shared between threads. */
public final class Findings {
  private final Path file;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  public Findings(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  public void report(Rule rule, Position position, String message) {
    diagnostics.add(Diagnostic.of(file, position, rule, message));
  }

  /**
   * Reports a problem an imported record may keep as its database published it: there a warning
   * naming the record ({@code importedFrom}, as "GO-2023-2380 of the Go vulnerability database"),
   * in a hand-written advisory the rule's own level.
   */
  public void report(Rule rule, Position position, String message, Optional<String> importedFrom) {
    if (importedFrom.isEmpty()) {
      report(rule, position, message);
      return;
    }
    diagnostics.add(
        new Diagnostic(
            file,
            position,
            rule,
            DiagnosticSeverity.WARNING,
            message
                + " (as published in "
                + importedFrom.get()
                + "; an imported record may keep it)"));
  }

  public void add(Diagnostic diagnostic) {
    diagnostics.add(diagnostic);
  }

  public List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
