package dev.disclose.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.report.TerminalText;
import java.util.List;

/**
 * Why the latest rebuild failed, as the open tabs show it over the page: what the terminal prints
 * of it, each error's place and message, never the advisory's lines the terminal quotes under them.
 *
 * @param title what happened, and that the last good build is still served
 * @param errors each error: its place ({@code file:line:column}, or "") and message
 */
record BuildErrors(String title, List<BuildErrors.Error> errors) {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Error(String where, String message) {}

  BuildErrors {
    errors = List.copyOf(errors);
  }

  /** Validation refused the build: its errors, each where the terminal puts it. */
  static BuildErrors refused(List<Diagnostic> errors) {
    return new BuildErrors(
        "The build failed validation: still serving the last good build",
        errors.stream()
            .map(
                d ->
                    new Error(
                        TerminalText.path(d.file())
                            + ":"
                            + d.position().line()
                            + ":"
                            + d.position().column(),
                        d.severity().label()
                            + "["
                            + d.rule().code()
                            + "]: "
                            + TerminalText.visible(d.message())))
            .toList());
  }

  /** The rebuild failed otherwise: the lines the terminal printed. */
  static BuildErrors failed(List<String> lines) {
    return new BuildErrors(
        "The rebuild failed: still serving the last good build",
        lines.stream().map(l -> new Error("", l)).toList());
  }

  /** One line of JSON, as a server-sent event's data holds it. */
  String json() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
