package dev.disclose.cli;

import dev.disclose.pipeline.Progress;
import dev.disclose.report.TerminalText;
import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * One self-overwriting status line on standard error while a build runs (the phase, pages done of
 * all, and the share done), cleared at the end so that only the summary line remains. Used only on
 * an interactive terminal: logs of CI runs get the summary alone.
 */
final class TerminalProgress implements Progress {
  private final PrintWriter err;
  private int shownLength;
  private int shownPercent = -1;
  private long shownAt;

  TerminalProgress(PrintWriter err) {
    this.err = err;
  }

  /**
   * On a terminal and not in CI, written to the terminal itself (the console), so that a redirected
   * standard error never collects progress lines. {@code DISCLOSE_PROGRESS=1} forces it on, onto
   * standard error (tests), {@code 0} off.
   */
  static Progress forEnvironment(Environment env) {
    String forced = env.variables().get("DISCLOSE_PROGRESS");
    if (forced != null) return forced.equals("1") ? new TerminalProgress(env.err()) : Progress.NONE;
    Console console = System.console();
    if (console == null || env.variables().get("CI") != null) return Progress.NONE;
    return new TerminalProgress(console.writer());
  }

  @Override
  public synchronized void phase(String what) {
    show(what + "…");
  }

  @Override
  public synchronized void pages(int done, int total) {
    int percent = total == 0 ? 100 : (int) (100L * done / total);
    long now = System.nanoTime();
    // At most every 1% and 100 ms: printing must not slow down the build it reports on.
    if (percent == shownPercent || (done < total && now - shownAt < 100_000_000L)) return;
    shownPercent = percent;
    shownAt = now;
    show(String.format(Locale.ROOT, "rendering pages %,d/%,d (%d%%)", done, total, percent));
  }

  /** Clears the line, before the summary is printed. */
  synchronized void clear() {
    if (shownLength == 0) return;
    err.print("\r" + " ".repeat(shownLength) + "\r");
    err.flush();
    shownLength = 0;
  }

  private void show(String shown) {
    String line = TerminalText.visible(shown);
    String padded =
        line.length() < shownLength ? line + " ".repeat(shownLength - line.length()) : line;
    err.print("\r" + padded);
    err.flush();
    shownLength = line.length();
  }
}
