package dev.disclose.serve;

import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.diagnostic.DiagnosticSeverity;
import dev.disclose.load.SiteException;
import dev.disclose.load.SiteRoot;
import dev.disclose.memo.Memo;
import dev.disclose.pipeline.PhaseTimings;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.pipeline.Refused;
import dev.disclose.report.DiagnosticFormat;
import dev.disclose.report.DiagnosticPrinter;
import dev.disclose.report.TerminalText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the preview server prints: a line for each build, the errors of a build validation refused,
 * why a rebuild failed, and what the background work did. With {@code serve --timings}, also each
 * build's phases and how long the background work took.
 */
final class PreviewLog implements ServedFolder.Listener {
  private final PrintWriter log;
  private final SiteRoot site;

  /** Whether phases and the background work's times are printed ({@code serve --timings}). */
  private final boolean timings;

  PreviewLog(PrintWriter log, SiteRoot site, boolean timings) {
    this.log = log;
    this.site = site;
    this.timings = timings;
  }

  /** Whether each build's phases are printed after its line. */
  boolean timings() {
    return timings;
  }

  /** A line of the background work's, never inside a build's lines; what it quotes made visible. */
  private void say(String line) {
    synchronized (log) {
      log.println(TerminalText.visible(line));
      log.flush();
    }
  }

  /**
   * A build's line, with its {@code phases} if timed; it took from {@code startNanos} until now.
   */
  void built(Pipeline.Built r, int written, long startNanos, PhaseTimings phases) {
    synchronized (log) { // not split by the background bundles' line
      log.println(
          String.format(
              Locale.ROOT,
              "built %d advisories: %d pages (%d rendered, %d files written) in %.2f s",
              r.advisories(),
              r.pages(),
              r.rendered(),
              written,
              (System.nanoTime() - startNanos) / 1e9));
      if (phases != null) phases.print(log);
      log.flush();
    }
  }

  /**
   * The errors that stop the build, not every warning of a large site (disclose validate lists
   * those); returns them.
   */
  List<Diagnostic> refused(Refused refused) {
    List<Diagnostic> errors =
        refused.checked().diagnostics().stream()
            .filter(d -> d.severity() == DiagnosticSeverity.ERROR)
            .toList();
    new DiagnosticPrinter(Path.of("").toAbsolutePath(), site.root())
        .print(errors, refused.checked().filesChecked(), DiagnosticFormat.TEXT, log);
    log.println("disclose serve: still serving the last good build; fix the errors above");
    log.flush();
    return errors;
  }

  /**
   * Says that a rebuild failed, and that the last good build is still served; {@code files}: those
   * the edit behind it touched, if the watcher said. Returns what it says.
   */
  List<String> failed(Throwable e, List<String> files) {
    List<String> lines = new ArrayList<>();
    if (e instanceof SiteException) {
      lines.add("disclose serve: " + TerminalText.visible(e.getMessage()));
    } else {
      String where = files.isEmpty() ? "" : " after the edit of " + String.join(", ", files);
      lines.add(
          TerminalText.visible("disclose serve: the rebuild failed" + where + ": " + cause(e)));
      lines.add(
          "disclose serve: "
              + (files.isEmpty() ? "fix the last edit" : "fix that edit")
              + "; still watching for the next one");
    }
    lines.add("disclose serve: still serving the last good build");
    synchronized (log) {
      lines.forEach(log::println);
      log.flush();
    }
    return lines;
  }

  /** What went wrong, in words rather than a Java type's name. */
  private static String cause(Throwable e) {
    if (e instanceof StackOverflowError)
      return "the input nests too deeply to render (the stack ran out), in Markdown quotes, lists or"
          + " emphasis perhaps";
    if (e instanceof OutOfMemoryError) return "the build ran out of memory";
    String message = e.getMessage();
    return "an internal error"
        + (message == null || message.isBlank() ? "" : " (" + message.strip() + ")")
        + ", please report it";
  }

  /** The warm-up's {@code rebuilds}, from {@code startNanos} until now. */
  void warmedUp(int rebuilds, long startNanos) {
    if (timings)
      say(
          String.format(
              Locale.ROOT,
              "warmed up: %d rebuilds of the unchanged site in %.2f s",
              rebuilds,
              (System.nanoTime() - startNanos) / 1e9));
  }

  /** A lagging value made in the background, after {@code millis}. */
  void computed(Memo.Slot<?, ?> slot, long millis) {
    if (timings)
      say(String.format(Locale.ROOT, "%s computed in %.2f s", slot.name(), millis / 1000.0));
  }

  /** Making a lagging value in the background failed. */
  void computingFailed(Memo.Slot<?, ?> slot, String message) {
    say(
        "disclose serve: computing "
            + slot.name()
            + " failed: "
            + message
            + "; the next rebuild tries again");
  }

  @Override
  public void bundlesWritten(int files, int written, long millis) {
    if (timings)
      say(
          String.format(
              Locale.ROOT,
              "exports' bundles made: %d files (%d written) in %.2f s",
              files,
              written,
              millis / 1000.0));
  }

  @Override
  public void bundlesFailed(String message) {
    say(
        "disclose serve: making the exports' zips and VEX documents failed: "
            + message
            + "; still serving the previous ones");
  }
}
