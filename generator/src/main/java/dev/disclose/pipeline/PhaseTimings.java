package dev.disclose.pipeline;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code disclose build --timings} and {@code serve --timings}: how long each phase of a build
 * took, printed after it, so that speed work starts from measurements (bench/README.md). Passes
 * progress on to the line on the terminal, if any.
 */
public final class PhaseTimings implements Progress {
  private final Progress next;
  private final List<String> names = new ArrayList<>();
  private final List<Long> starts = new ArrayList<>();

  public PhaseTimings(Progress next) {
    this.next = next;
  }

  @Override
  public synchronized void phase(String what) {
    names.add(what);
    starts.add(System.nanoTime());
    next.phase(what);
  }

  @Override
  public void pages(int done, int total) {
    next.pages(done, total);
  }

  /** One line per phase: its seconds and its share of the whole. */
  public synchronized void print(PrintWriter out) {
    long end = System.nanoTime();
    long total = starts.isEmpty() ? 0 : end - starts.get(0);
    for (int i = 0; i < names.size(); i++) {
      long took = (i + 1 < starts.size() ? starts.get(i + 1) : end) - starts.get(i);
      out.println(
          String.format(
              Locale.ROOT,
              "%7.2f s %4.0f %%  %s",
              took / 1e9,
              total == 0 ? 0 : 100.0 * took / total,
              names.get(i)));
    }
    out.flush();
  }
}
