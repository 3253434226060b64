package dev.disclose.pipeline;

import dev.disclose.concurrent.Threads;
import dev.disclose.format.FileSink;
import dev.disclose.format.OutputFormat;
import dev.disclose.memo.Memo;
import dev.disclose.pages.PageRenderer;
import dev.disclose.pages.RenderedPage;
import dev.disclose.pages.ThemeAssets;
import dev.disclose.plan.Publication;
import dev.disclose.plan.SitePlan;
import dev.disclose.urls.SitePaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The write stage: a plan → its files, into a {@link FileSink}. Pages render in parallel; the
 * output formats are written alongside, each a task on two threads of their own, so that their
 * sequential parts (zips, the VEX documents, the index's shards) fill the cores the rendering
 * leaves idle. The formats of the catalog alone need no plan: they start with the pages, or before
 * the site is planned where planning leaves a core idle ({@link #begin}), when the heap holds them
 * beside the plan.
 */
final class SiteWriter {
  /**
   * Heap per advisory a build needs to hold the formats of the catalog (every OSV record and its
   * JSON, the CycloneDX document's model) at the same time as the plan of every page. Below this
   * they wait until the pages are written and their plan let go: slower by what the idle core could
   * have done, but a large site fits its heap.
   */
  static final long HEAP_PER_ADVISORY_WITH_FORMATS_ALONGSIDE = 64 * 1024;

  /**
   * Tests set it to take one way or the other on a small site; {@code null}: decided by the heap.
   */
  static volatile Boolean formatsAlongside;

  /**
   * How long a build out of memory waits for its other tasks before it discards its staging folder
   * anyway.
   */
  static final long OUT_OF_MEMORY_WAIT_MILLIS = 10_000;

  /**
   * What a write did: {@code rendered} of the {@code pages} were rendered (the rest kept as they
   * were), {@code files} in all.
   */
  record Written(int pages, int files, int rendered) {}

  private final Memo memo;
  private final Progress progress;

  SiteWriter(Memo memo, Progress progress) {
    this.memo = memo;
    this.progress = progress;
  }

  /**
   * Starts a write into {@code sink}: the formats of the catalog alone ({@code publication} holds
   * it) begin at once if the heap holds them beside the plan. {@code bundles}: whether the formats'
   * files made of every advisory at once are written too (a preview makes them later).
   */
  Run begin(Publication publication, FileSink sink, List<OutputFormat> formats, boolean bundles) {
    return new Run(publication, sink, formats, bundles);
  }

  static boolean roomForFormatsAlongside(int advisories) {
    Boolean forced = formatsAlongside;
    if (forced != null) return forced;
    return Runtime.getRuntime().maxMemory() / HEAP_PER_ADVISORY_WITH_FORMATS_ALONGSIDE
        >= advisories;
  }

  /** One write under way. */
  final class Run {
    private final FileSink sink;
    private final boolean bundles;
    private final List<OutputFormat> ofPlan;
    private final List<OutputFormat> ofCatalog;
    private final ExecutorService alongside =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "disclose-formats");
              t.setDaemon(true);
              return t;
            });

    /** The tasks under way, so that a failure stops them all. */
    private final List<Future<Integer>> tasks = new ArrayList<>();

    private final List<Future<Integer>> catalogTasks = new ArrayList<>();
    private Publication catalog;

    private Run(
        Publication publication, FileSink sink, List<OutputFormat> formats, boolean bundles) {
      this.sink = sink;
      this.bundles = bundles;
      this.ofPlan = formats.stream().filter(OutputFormat::readsPlan).toList();
      this.ofCatalog = formats.stream().filter(f -> !f.readsPlan()).toList();
      // With a memo, planning mostly finds what the previous build made and leaves a core idle:
      // the catalog's formats start before it. Without one it keeps every core busy, and they
      // start with the pages, whose writing leaves room.
      if (memo.remembers() && roomForFormatsAlongside(publication.catalog().size()))
        startCatalog(publication);
      else catalog = publication;
    }

    private void startCatalog(Publication publication) {
      for (OutputFormat f : ofCatalog) catalogTasks.add(submit(format(f, publication)));
    }

    /**
     * Renders every page of {@code plan}, with the formats that read it alongside, then waits for
     * every format. Nothing keeps the plan once its pages and formats are written.
     */
    Written finish(SitePlan plan) throws IOException {
      boolean catalogLater = catalog != null && !roomForFormatsAlongside(catalog.catalog().size());
      if (catalog != null && !catalogLater) {
        startCatalog(catalog);
        catalog = null;
      }
      progress.phase(
          catalogLater
              ? "rendering pages; feeds, search index and sitemap alongside"
              : "rendering pages; feeds, search index, exports and sitemap alongside");
      Written site = writePlan(plan);
      // Unreachable from here on: the formats still to come need the catalog alone.
      plan = null;
      if (catalogLater) {
        progress.phase("writing exports");
        Publication later = catalog;
        catalog = null;
        startCatalog(later);
      }
      int files = site.files();
      for (Future<Integer> task : catalogTasks) files += resultOf(task);
      tasks.clear();
      alongside.shutdown();
      return new Written(site.pages(), files, site.rendered());
    }

    /** The pages, the formats that read the plan and the theme's assets. */
    private Written writePlan(SitePlan plan) throws IOException {
      Publication publication = plan.publication();
      List<Future<Integer>> ofThePlan = new ArrayList<>();
      for (OutputFormat f : ofPlan) ofThePlan.add(submit(format(f, publication)));
      Optional<Path> theme = plan.theme().folder();
      ofThePlan.add(submit(() -> assets(theme)));
      int rendered = renderPages(plan);
      int files = plan.pages().size();
      for (Future<Integer> task : ofThePlan) files += resultOf(task);
      return new Written(plan.pages().size(), files, rendered);
    }

    /** After a failure: the tasks under way stopped (out of memory, waited for a while only). */
    void abandon(Throwable failure) {
      stop(tasks, failure instanceof OutOfMemoryError ? OUT_OF_MEMORY_WAIT_MILLIS : Long.MAX_VALUE);
      alongside.shutdown();
    }

    private Future<Integer> submit(Callable<Integer> task) {
      Future<Integer> future = alongside.submit(task);
      tasks.add(future);
      return future;
    }

    /**
     * Writes one format into its folder: what {@link OutputFormat#write} writes, and its bundles if
     * this write makes them.
     */
    private Callable<Integer> format(OutputFormat format, Publication publication) {
      return () -> {
        FileSink folder = sink.under(format.folder());
        return (bundles
                ? format.writeAll(publication, folder, memo)
                : format.write(publication, folder, memo))
            .files();
      };
    }

    /**
     * Renders every page the sink does not keep as it was (a preview's keeps those made of the
     * same); returns how many were rendered. The pages kept are found first, so that rendering the
     * others spreads over every core.
     */
    private int renderPages(SitePlan plan) throws IOException {
      PageRenderer renderer = new PageRenderer(plan.theme().folder(), plan.site());
      String theme = plan.theme().digest();
      List<RenderedPage> changed =
          plan.pages().parallelStream()
              .map(page -> new RenderedPage(page, plan.site(), theme))
              .filter(page -> !sink.keep(page.page().file(), page))
              .toList();
      AtomicInteger rendered = new AtomicInteger();
      Threads.inParallel(
          changed,
          page -> {
            sink.put(
                page.page().file(),
                page,
                renderer.render(page.page()).getBytes(StandardCharsets.UTF_8));
            progress.pages(rendered.incrementAndGet(), changed.size());
          });
      return changed.size();
    }

    /** The theme's static files, the default theme's overridden or extended by the site's own. */
    private int assets(Optional<Path> theme) throws IOException {
      Map<String, byte[]> assets = ThemeAssets.load(theme);
      for (Map.Entry<String, byte[]> asset : assets.entrySet())
        sink.put(SitePaths.ASSETS + asset.getKey(), asset.getValue());
      return assets.size();
    }
  }

  /** The result of a task done alongside, its failure rethrown as it was thrown. */
  private static int resultOf(Future<Integer> task) throws IOException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw Threads.rethrow(e.getCause());
    }
  }

  /**
   * Waits for the tasks to stop, for at most {@code millis} in all, so that nothing writes into a
   * folder being discarded: returns false if a task was still running then (out of memory, the
   * other tasks may be collecting garbage more than working).
   */
  static boolean stop(List<Future<Integer>> tasks, long millis) {
    long deadline =
        millis == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + millis * 1_000_000;
    for (Future<Integer> task : tasks) {
      try {
        if (deadline == Long.MAX_VALUE) task.get();
        else task.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } catch (TimeoutException e) {
        return false;
      } catch (ExecutionException ignored) {
        // the first failure is the one reported
      }
    }
    return true;
  }
}
