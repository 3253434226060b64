package dev.disclose.diagnostic;

import dev.disclose.yaml.Position;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * One finding: a rule broken at a place in a file, with a message that says what to do. {@code
 * file} is the path as it will be printed (relative to where the user ran the command).
 */
public record Diagnostic(
    Path file, Position position, Rule rule, DiagnosticSeverity severity, String message)
    implements Comparable<Diagnostic> {

  private static final Comparator<Diagnostic> ORDER =
      Comparator.comparing((Diagnostic d) -> d.file.toString())
          .thenComparing(Diagnostic::position)
          .thenComparing(d -> d.rule.code())
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  public static Diagnostic of(Path file, Position position, Rule rule, String message) {
    return new Diagnostic(file, position, rule, rule.severity(), message);
  }

  public boolean isError() {
    return severity == DiagnosticSeverity.ERROR;
  }

  @Override
  public int compareTo(Diagnostic o) {
    return ORDER.compare(this, o);
  }
}
