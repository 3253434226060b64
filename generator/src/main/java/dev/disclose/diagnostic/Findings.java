package dev.disclose.diagnostic;

import dev.disclose.yaml.Position;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
