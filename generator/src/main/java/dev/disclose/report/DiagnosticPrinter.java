package dev.disclose.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.diagnostic.Rule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prints findings. Text is what compilers print: {@code path:line:col: error[CODE]: message}, then
 * the source line with a caret under the column; one summary line ends the output. GitHub prints
 * workflow commands that become annotations on the pull request's changed lines. JSON is one
 * object, stable for tools.
 */
public final class DiagnosticPrinter {
  /**
   * Findings about files we refused to read must not quote them (an F008 link may point at a
   * secret).
   */
  private static final Set<Rule> NO_QUOTE =
      EnumSet.of(Rule.FILE_TOO_LARGE, Rule.INVALID_UTF8, Rule.SYMLINK_OUTSIDE);

  private final Path workingDirectory;
  private final Path siteRoot;
  private final Map<Path, List<String>> lines = new HashMap<>();
  private Redaction redaction = Redaction.NONE;

  /**
   * {@code siteRoot}: source lines are quoted only from files whose real path lies inside it, so
   * the printer never follows a link out of the repository.
   */
  public DiagnosticPrinter(Path workingDirectory, Path siteRoot) {
    this.workingDirectory = workingDirectory;
    this.siteRoot = siteRoot;
  }

  /**
   * This printer, printing what {@code redaction} allows of advisories that are not public: the
   * file, the place and the rule.
   */
  public DiagnosticPrinter redacting(Redaction redaction) {
    this.redaction = redaction;
    return this;
  }

  public void print(
      List<Diagnostic> diagnostics, int files, DiagnosticFormat format, PrintWriter out) {
    switch (format) {
      case TEXT -> text(diagnostics, files, out);
      case GITHUB -> github(diagnostics, files, out);
      case JSON -> json(diagnostics, files, out);
    }
    out.flush();
  }

  private void text(List<Diagnostic> diagnostics, int files, PrintWriter out) {
    for (Diagnostic d : diagnostics) {
      out.println(headline(d, redaction.message(d)));
      if (NO_QUOTE.contains(d.rule()) || redaction.redacts(d)) continue;
      sourceLine(d)
          .map(TerminalText::visible)
          .ifPresent(
              line -> {
                String number = String.valueOf(d.position().line());
                String gutter = " ".repeat(number.length());
                out.println(" " + number + " | " + line);
                out.println(" " + gutter + " | " + caret(line, d.position().column()));
              });
    }
    out.println(summary(diagnostics, files));
  }

  /** {@code path:line:col: error[CODE]: message}. */
  public static String headline(Diagnostic d) {
    return headline(d, d.message());
  }

  private static String headline(Diagnostic d, String message) {
    return TerminalText.path(d.file())
        + ":"
        + d.position().line()
        + ":"
        + d.position().column()
        + ": "
        + d.severity().label()
        + "["
        + d.rule().code()
        + "]: "
        + TerminalText.visible(message);
  }

  public static String summary(List<Diagnostic> diagnostics, int files) {
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    long warnings = diagnostics.size() - errors;
    String checked = "checked " + files + (files == 1 ? " file" : " files");
    if (diagnostics.isEmpty()) return checked + ": no problems";
    return checked + ": " + plural(errors, "error") + ", " + plural(warnings, "warning");
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  private void github(List<Diagnostic> diagnostics, int files, PrintWriter out) {
    for (Diagnostic d : diagnostics) {
      out.println(
          "::"
              + d.severity().label()
              + " file="
              + property(TerminalText.path(d.file()))
              + ",line="
              + d.position().line()
              + ",col="
              + d.position().column()
              + ",title="
              + property(d.rule().code() + " " + d.rule().slug())
              + "::"
              + data(TerminalText.visible(redaction.message(d))));
    }
    out.println(summary(diagnostics, files));
  }

  private void json(List<Diagnostic> diagnostics, int files, PrintWriter out) {
    try {
      ObjectMapper mapper = new ObjectMapper();
      JsonGenerator g = mapper.getFactory().createGenerator(out);
      g.setCharacterEscapes(TerminalText.jsonEscapes());
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      long errors = diagnostics.stream().filter(Diagnostic::isError).count();
      g.writeStartObject();
      g.writeNumberField("files", files);
      g.writeNumberField("errors", errors);
      g.writeNumberField("warnings", diagnostics.size() - errors);
      g.writeArrayFieldStart("diagnostics");
      for (Diagnostic d : diagnostics) {
        g.writeStartObject();
        g.writeStringField("file", d.file().toString().replace('\\', '/'));
        g.writeNumberField("line", d.position().line());
        g.writeNumberField("column", d.position().column());
        g.writeStringField("severity", d.severity().label());
        g.writeStringField("code", d.rule().code());
        g.writeStringField("rule", d.rule().slug());
        g.writeStringField("message", redaction.message(d));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
      out.println();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // GitHub workflow command escaping (actions/toolkit, command.ts).
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }

  private Optional<String> sourceLine(Diagnostic d) {
    // A sealed file's lines on disk are ciphertext: its findings' lines are the plaintext's.
    if (d.file().toString().endsWith(".md.asc")) return Optional.empty();
    List<String> file = lines.computeIfAbsent(d.file(), this::readLines);
    int index = d.position().line() - 1;
    if (index < 0 || index >= file.size()) return Optional.empty();
    String line = file.get(index).replace('\t', ' ');
    if (line.isBlank() || line.length() > 300) return Optional.empty();
    return Optional.of(line);
  }

  private List<String> readLines(Path shown) {
    Path path = shown.isAbsolute() ? shown : workingDirectory.resolve(shown);
    try {
      if (!Files.isRegularFile(path) || Files.size(path) > 1024 * 1024) return List.of();
      if (!path.toRealPath().startsWith(siteRoot.toRealPath())) return List.of();
      byte[] bytes = Files.readAllBytes(path);
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return List.of(text.split("\r?\n", -1));
    } catch (IOException e) {
      return List.of();
    }
  }

  /** A caret under the column, extended under the rest of the word there. */
  static String caret(String line, int column) {
    int start = Math.min(column - 1, line.length());
    int end = start;
    while (end < line.length() && !Character.isWhitespace(line.charAt(end))) end++;
    while (end > start + 1 && ":,]}".indexOf(line.charAt(end - 1)) >= 0) end--;
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < start; i++) b.append(' ');
    b.append("^".repeat(Math.max(1, end - start)));
    return b.toString();
  }
}
