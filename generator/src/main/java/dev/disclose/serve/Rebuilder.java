package dev.disclose.serve;

import dev.disclose.load.Changes;
import dev.disclose.load.SiteException;
import dev.disclose.load.SiteRoot;
import dev.disclose.memo.Memo;
import dev.disclose.pipeline.PhaseTimings;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.pipeline.Progress;
import dev.disclose.pipeline.Refused;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The preview server's rebuilds, one at a time: the first build, the warm-up ones while the server
 * waits for its first edit, one after each edit the {@link SiteWatcher} reports, and one once
 * similar advisories computed in the background are ready. A rebuild that fails keeps the last good
 * site served and says why ({@link PreviewLog}).
 */
final class Rebuilder implements SiteWatcher.Listener {
  private final SiteRoot site;

  /** The builds: each one with what the previous one made, into the served folder. */
  private final PreviewSite preview;

  /**
   * What the watcher saw change since the latest first build or edit's rebuild began: the rebuild
   * after an edit reads only that.
   */
  private final ChangedPaths changes;

  private final Clock clock;
  private final PreviewLog log;

  /** Tells open tabs how each rebuild went. */
  private final Outcome outcome;

  /** What the open tabs are told of a rebuild. */
  interface Outcome {
    /** A build succeeded; {@code changed}: it wrote a file. */
    void built(boolean changed);

    /** A rebuild failed: the last good build is still served. */
    void failed(BuildErrors errors);
  }

  private volatile int builds;

  /**
   * Runs the warm-up rebuilds, then each rebuild that shows similar advisories computed in the
   * background.
   */
  private final ExecutorService settler =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "disclose-settle");
            t.setDaemon(true);
            return t;
          });

  /** Why a rebuild runs. */
  private enum Trigger {
    /** The first build. */
    START,
    /**
     * Warming up the JIT on the unchanged site (see {@link #warmUp}): quiet if it writes nothing.
     */
    WARM_UP,
    /** The watcher saw a change: reads only the files it reported (see {@link #rebuild}). */
    EDIT,
    /** Shows the similar advisories computed in the background. */
    SETTLE
  }

  Rebuilder(
      SiteRoot site,
      PreviewSite preview,
      ChangedPaths changes,
      Clock clock,
      PreviewLog log,
      Outcome outcome) {
    this.site = site;
    this.preview = preview;
    this.changes = changes;
    this.clock = clock;
    this.log = log;
    this.outcome = outcome;
    preview
        .memo()
        .listener(
            new PreviewMemo.Listener() {
              @Override
              public void ready(Memo.Slot<?, ?> slot, long millis) {
                log.computed(slot, millis);
                try {
                  settler.execute(Rebuilder.this::settle);
                } catch (RejectedExecutionException closing) {
                  // closed meanwhile: nothing to show them to
                }
              }

              @Override
              public void failed(Memo.Slot<?, ?> slot, String message) {
                log.computingFailed(slot, message);
              }
            });
  }

  /** The first build; a failure is thrown, not printed. */
  void first() throws SiteException {
    rebuild(Trigger.START);
  }

  /** Starts the warm-up rebuilds in the background (see {@link #warmUp}). */
  void startWarmUp() {
    settler.execute(this::warmUp);
  }

  /**
   * How many builds were printed (warm-up rebuilds that found nothing to write are not); tests wait
   * on it.
   */
  int builds() {
    return builds;
  }

  @Override
  public void changeSeen() {
    edited = true;
  }

  @Override
  public void sourcesChanged() {
    rebuildQuietly(Trigger.EDIT);
  }

  /**
   * Rebuilds and reports a failure, in the terminal and to the open tabs; returns whether the build
   * succeeded. Warming up, a failure is not reported if the watcher saw an edit meanwhile (its
   * rebuild follows and reports).
   */
  private boolean rebuildQuietly(Trigger trigger) {
    boolean warmingUp = trigger == Trigger.WARM_UP;
    if (closed) return false;
    try {
      rebuild(trigger);
      return true;
    } catch (Throwable e) {
      // Never let a failed rebuild end the watch, not even an Error (a StackOverflowError from
      // deeply nested Markdown): the next save must rebuild again. Not reported if closing stopped
      // it under way.
      if (!(warmingUp && edited) && !closed)
        outcome.failed(BuildErrors.failed(log.failed(e, suspects())));
      return false;
    }
  }

  /** The watcher's reports the latest rebuild read: if it fails, the likely cause. */
  private volatile Set<Path> suspects = Set.of();

  /** The files the failed rebuild's edit touched, relative to the site: the likely cause. */
  private List<String> suspects() {
    return suspects.stream()
        .filter(Files::isRegularFile)
        .map(p -> site.root().toAbsolutePath().normalize().relativize(p).toString())
        .sorted()
        .toList();
  }

  /**
   * The rebuild after similar advisories were computed in the background, unless a rebuild since
   * showed them already.
   */
  private void settle() {
    synchronized (this) {
      if (!preview.memo().settled()) return;
      rebuildQuietly(Trigger.SETTLE);
    }
  }

  /** Set at the first change the watcher sees: warming up gives way to the edit's rebuild. */
  private volatile boolean edited;

  /** Set when closing: no rebuild starts after it. */
  private volatile boolean closed;

  /** At most this many warm-up rebuilds, and no more once they took this long. */
  private static final int WARM_UP_REBUILDS = 8;

  private static final long WARM_UP_NANOS = TimeUnit.SECONDS.toNanos(15);

  /**
   * Rebuilds of the unchanged site while the server waits for its first edit. They find nothing to
   * write and print nothing, but leave the code a rebuild runs compiled by the JIT: the first
   * edit's rebuild then takes the time of a warm one, not that of a cold one. A person edits
   * seconds after starting; the first change they make stops the warming, and waits for at most the
   * rebuild under way. A rebuild that does find something (an embargo lifted meanwhile) is a real
   * one.
   */
  private void warmUp() {
    long start = System.nanoTime();
    int rebuilds = 0;
    while (rebuilds < WARM_UP_REBUILDS && System.nanoTime() - start < WARM_UP_NANOS) {
      synchronized (this) {
        if (edited || closed || !rebuildQuietly(Trigger.WARM_UP)) return;
      }
      rebuilds++;
    }
    log.warmedUp(rebuilds, start);
  }

  /**
   * Returns whether a file changed. Warming up, a build that writes nothing is neither printed nor
   * counted, nor is one refused.
   *
   * <p>The rebuild after an edit reads only the files the watcher reported changed (inotify and its
   * kind report every change on a local disk, and say when they lost some); every other rebuild
   * looks at every file, so a change the watcher missed shows at the latest with the next of those.
   * A rebuild that fails before it has read the site leaves the next one to look at every file too.
   * Only the first build and an edit's rebuild take the watcher's reports: a warm-up or settle
   * rebuild that happens to read an edit first leaves it for the edit's own rebuild, which then
   * still names it if it fails; reading every file, it vouches for the reports that follow.
   */
  private synchronized boolean rebuild(Trigger trigger) throws SiteException {
    boolean quietIfUnchanged = trigger == Trigger.WARM_UP;
    long start = System.nanoTime();
    PhaseTimings phases = log.timings() ? new PhaseTimings(Progress.NONE) : null;
    Changes seen;
    if (trigger == Trigger.START || trigger == Trigger.EDIT) {
      seen = changes.take();
      suspects = changes.lastTaken();
      if (trigger == Trigger.EDIT) lastEdit = seen;
    } else {
      changes.vouch();
      seen = Changes.UNKNOWN;
      suspects = changes.pending();
    }
    Pipeline.Built r;
    try {
      beforeEachBuild.run();
      r = preview.rebuild(site, seen, clock.instant(), phases != null ? phases : Progress.NONE);
    } catch (Refused refused) {
      changes.unknown(); // the files this build read are not all in the memo
      if (quietIfUnchanged)
        return false; // a file saved mid-warm-up: the watcher's rebuild reports it
      outcome.failed(BuildErrors.refused(log.refused(refused)));
      return false;
    } catch (Throwable e) {
      changes.unknown();
      throw e;
    }
    if (quietIfUnchanged && preview.written() == 0) return false;
    builds++;
    log.built(r, preview.written(), start, phases);
    // Tabs reload only if a file changed (not after a settle that left every similar list as it
    // was), and drop a failed build's errors either way.
    outcome.built(preview.written() > 0);
    return preview.written() > 0;
  }

  private volatile Changes lastEdit = Changes.UNKNOWN;

  /** What the latest edit's rebuild was told changed; tests check that it knew. */
  Changes lastEdit() {
    return lastEdit;
  }

  /** Runs first in every build: tests make a rebuild fail with it. */
  private volatile Runnable beforeEachBuild = () -> {};

  /** Runs {@code hook} first in every build from now on (tests). */
  void beforeEachBuild(Runnable hook) {
    beforeEachBuild = hook;
  }

  /** No rebuild starts from now on. */
  void stop() {
    closed = true;
  }

  /**
   * Lets the background rebuild under way end, waiting at most {@code seconds} before interrupting
   * it.
   */
  void awaitStopped(long seconds) throws InterruptedException {
    settler.shutdown();
    if (!settler.awaitTermination(seconds, TimeUnit.SECONDS)) settler.shutdownNow();
  }

  /** Interrupts the rebuild under way, if the warm-up or a settle runs one. */
  void stopNow() {
    settler.shutdownNow();
  }
}
