package dev.disclose.pipeline;

import dev.disclose.catalog.Catalog;
import dev.disclose.config.SiteConfig;
import dev.disclose.cwe.CweCatalog;
import dev.disclose.export.Exports;
import dev.disclose.files.FileSink;
import dev.disclose.feed.Feed;
import dev.disclose.feed.JsonFeedWriter;
import dev.disclose.feed.OpmlWriter;
import dev.disclose.feed.RomeFeedWriter;
import dev.disclose.pages.PageRenderer;
import dev.disclose.pages.SiteFiles;
import dev.disclose.markdown.MarkdownRenderer;
import dev.disclose.markdown.SafeHtml;
import dev.disclose.search.SearchIndexWriter;
import dev.disclose.plan.PageSpec;
import dev.disclose.urls.SitePaths;
import dev.disclose.plan.SitePlanner;
import dev.disclose.load.LastCommitTimes;
import dev.disclose.load.SiteRoot;
import dev.disclose.load.SiteException;
import dev.disclose.check.SiteValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code disclose build}: the whole pipeline, in the order it runs —
 * validate → catalog (public advisories only) → plan pages → render and write → publish.
 * Writing goes to a staging folder that replaces the output only on success.
 */
public final class SiteBuild {
  private SiteBuild() {}

  /** How to build. {@code baseUrl} overrides site-config.yaml's, for previews and CI. */
  /**
   * How to build. {@code preview}: every advisory, drafts and embargoed ones included, each
   * marked as not public, on pages search engines are told to skip; never into a public build's
   * folder.
   */
  public record Options(Path out, Optional<String> baseUrl, Instant now, Progress progress,
      Optional<BuildMemory> memory, boolean preview) {
    /** A one-off build: staged and swapped in atomically. */
    public Options(Path out, Optional<String> baseUrl, Instant now, Progress progress) {
      this(out, baseUrl, now, progress, Optional.empty(), false);
    }

    public Options(Path out, Optional<String> baseUrl, Instant now, Progress progress, Optional<BuildMemory> memory) {
      this(out, baseUrl, now, progress, memory, false);
    }
  }

  /** Told what the build is doing, for a progress line on a terminal. Called from several threads. */
  public interface Progress {
    Progress NONE = new Progress() {};

    /** A new phase starts: "validating", "planning pages", "publishing". */
    default void phase(String what) {}

    /** {@code done} of {@code total} pages are rendered. */
    default void pages(int done, int total) {}
  }

  /**
   * What a build did: {@code rendered} pages were rendered (the rest were unchanged since the
   * previous build of a {@link BuildMemory}), {@code written} files were written.
   */
  public record Result(int advisories, int pages, int files, long millis, int rendered, int written) {}

  /** Where the files of a build go, as they are produced (from several threads). */
  private interface Sink extends FileSink {
    @Override
    void put(String relative, byte[] bytes);

    default void put(String relative, String text) {
      put(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Into memory, put whole when closed: a rebuild of the preview compares every file's bytes. */
    @Override
    default java.io.OutputStream open(String relative) throws IOException {
      return new java.io.ByteArrayOutputStream() {
        @Override
        public void close() {
          put(relative, toByteArray());
        }
      };
    }

    static Sink of(Map<String, byte[]> files) {
      return files::put;
    }
  }

  /** Validation found errors; nothing was written. */
  public static final class Refused extends Exception {
    private final transient SiteValidator.Report report;

    Refused(SiteValidator.Report report) {
      super(report.errors() + " validation errors");
      this.report = report;
    }

    public SiteValidator.Report report() {
      return report;
    }
  }

  /**
   * The advisories public at {@code now}, after validation: what every output, the site and each
   * export, is made from. Refuses when validation finds errors.
   */
  public static Catalog publicCatalog(SiteRoot site, Instant now) throws SiteException, Refused {
    return validated(site, now, false).catalog();
  }

  /**
   * What the exports' bundles are made of: the same advisories (instances: the preview server
   * reuses the parse of unchanged files), configuration and commit times give the same bytes.
   */
  private record BundleInputs(List<dev.disclose.advisory.Advisory> advisories, SiteConfig config, LastCommitTimes commits) {
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof BundleInputs other) || other.advisories.size() != advisories.size()) return false;
      for (int i = 0; i < advisories.size(); i++) if (advisories.get(i) != other.advisories.get(i)) return false;
      return config.equals(other.config) && commits.equals(other.commits);
    }

    @Override
    public int hashCode() {
      return advisories.size();
    }
  }

  /** What a build is made of after validation: the catalog, and the release notes validation read. */
  private record Validated(Catalog catalog, List<dev.disclose.releases.Release> releases) {}

  /** As {@link #publicCatalog}, or for a preview every advisory, drafts and embargoed ones included. */
  private static Validated validated(SiteRoot site, Instant now, boolean preview) throws SiteException, Refused {
    SiteValidator.Report report = SiteValidator.validate(site, now, List.of());
    if (report.errors() > 0) throw new Refused(report);
    return new Validated(preview ? Catalog.everything(report.advisories()) : Catalog.publicAt(report.advisories(), now),
        report.releases());
  }

  public static Result run(SiteRoot site, Options options) throws SiteException, Refused {
    long start = System.nanoTime();
    // Serve keeps its own folder; a build lists the output before last meanwhile (see AtomicPublisher).
    java.util.concurrent.Future<AtomicPublisher.Listing> kept = options.memory().isPresent()
        ? java.util.concurrent.CompletableFuture.completedFuture(null)
        : AtomicPublisher.listKeptAhead(options.out(), options.preview());
    options.progress().phase("validating");
    Validated validated = validated(site, options.now(), options.preview());
    Catalog catalog = validated.catalog();
    options.progress().phase("reading git history and the policy");
    SiteConfig config = options.baseUrl().map(site.config().config()::withBaseUrl).orElse(site.config().config());
    Optional<Path> theme = config.theme().map(t -> site.root().resolve(t).normalize());
    Optional<BuildMemory> memory = options.memory();
    Function<String, SafeHtml> markdown = memory.<Function<String, SafeHtml>>map(m -> m::markdown)
        .orElse(MarkdownRenderer::render);
    SitePlanner.Inputs inputs = new SitePlanner.Inputs(config, policy(site, config, markdown),
        LastCommitTimes.read(site.root()), CweCatalog.bundled(), markdown,
        validated.releases(),
        options.preview() ? Optional.of(options.now()) : Optional.empty(),
        memory.<Function<List<dev.disclose.advisory.Advisory>, Map<String, List<String>>>>map(m -> m::similar)
            .orElse(dev.disclose.search.SimilarAdvisories::of),
        memory.map(m -> m.views).orElse(SitePlanner.ViewMemory.NONE));
    options.progress().phase("planning pages, search documents and similar advisories");
    if (memory.isPresent()) {
      // The exports' records depend on the catalog, configuration and commit times, not on the
      // pages: made on a thread of their own while the pages are planned. The rest of a rebuild
      // is mostly one thread's work, and the records were a tenth of it at 10,000 advisories.
      Map<String, byte[]> produced = new ConcurrentHashMap<>();
      Exports.Parts recordParts = new Exports.Parts(true, false, memory.get()::osv, memory.get()::rustsec, false);
      java.util.concurrent.FutureTask<Integer> records = new java.util.concurrent.FutureTask<>(
          () -> writeExports(Sink.of(produced), catalog, config, inputs.commits(), recordParts));
      Thread recordsThread = new Thread(records, "disclose-records");
      recordsThread.setDaemon(true);
      recordsThread.start();
      boolean built = false;
      try {
        SitePlanner.Plan plan = SitePlanner.planSite(catalog, inputs);
        // One build at a time per memory; its background bundles write under the same lock.
        synchronized (memory.get()) {
          Result result = incremental(memory.get(), catalog, config, theme, inputs, plan, options, start, produced, records);
          built = true;
          return result;
        }
      } finally {
        // No thread of this build still keeping values once it is over; a failed build's (the
        // planning's or the incremental's) forgotten only after the records' last one.
        dev.disclose.concurrent.Threads.awaitQuietly(recordsThread);
        if (!built) {
          synchronized (memory.get()) {
            memory.get().invalidate();
          }
        }
      }
    }
    SitePlanner.Plan plan = SitePlanner.planSite(catalog, inputs);

    AtomicPublisher.Staging staging = AtomicPublisher.stageReusing(options.out(), site.root(), options.preview(), kept);
    java.util.concurrent.ExecutorService alongside = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "disclose-feeds-search-exports");
      t.setDaemon(true);
      return t;
    });
    List<java.util.concurrent.Future<Integer>> others = new ArrayList<>();
    StagingSink sink = null;
    try {
      sink = new StagingSink(staging);
      StagingSink out = sink;
      List<java.util.concurrent.Callable<Integer>> exports = new ArrayList<>();
      for (Exports.Format format : Exports.Format.values()) {
        exports.add(() -> writeExport(out, format, catalog, config, inputs.commits()));
      }
      boolean exportsAlongside = roomForExportsAlongside(catalog.size());
      if (exportsAlongside) exports.forEach(task -> others.add(alongside.submit(task)));
      options.progress().phase(exportsAlongside ? "rendering pages; feeds, search index, exports and sitemap alongside"
          : "rendering pages; feeds, search index and sitemap alongside");
      int pages = plan.pages().size();
      int files = renderPlan(out, plan, config, theme, inputs, options, alongside, others);
      // Unreachable from here on: the exports that still run need only the catalog.
      plan = null;
      if (!exportsAlongside) {
        // On the two threads: nothing else runs now, and the plan's memory is free for them.
        options.progress().phase("writing exports");
        exports.forEach(task -> others.add(alongside.submit(task)));
      }
      for (java.util.concurrent.Future<Integer> task : others) files += finish(task);
      others.clear();
      sink.close();
      options.progress().phase("publishing");
      sink.removeUnwritten();
      if (options.preview()) AtomicPublisher.publish(staging.folder(), options.out());
      else AtomicPublisher.publishKeeping(staging.folder(), options.out());
      return new Result(catalog.size(), pages, files, (System.nanoTime() - start) / 1_000_000, pages, files);
    } catch (SiteException e) {
      // Publishing refused or failed (the previous output is back in place), or a step before it.
      abandon(others, sink, staging, e);
      throw e;
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      abandon(others, sink, staging, e);
      throw new SiteException("the build failed: " + e.getMessage() + "; the previous output is untouched", e);
    } catch (RuntimeException | Error e) {
      // An Error too (out of memory, say): never leave a half-written staging folder behind.
      abandon(others, sink, staging, e);
      throw e;
    } finally {
      alongside.shutdown();
    }
  }

  /**
   * Heap per advisory a build needs to hold the exports (every OSV record and its JSON, the
   * CycloneDX document's model) at the same time as the plan of every page. Measured on the
   * generated sites, exports alongside: 10,000 advisories built with a 600 MB heap and not with
   * 500 MB (before the VEX documents were streamed), and with 700 MB after; 64 KiB (655 MB for
   * 10,000) keeps a margin. Below this the exports wait until the pages are done and their plan is released:
   * slower by what the idle core could have done, but a 100,000-advisory build fits in 2 GB.
   */
  static final long HEAP_PER_ADVISORY_WITH_EXPORTS_ALONGSIDE = 64 * 1024;

  /** Tests set it to take one way or the other on a small site; {@code null}: decided by the heap. */
  static volatile Boolean exportsAlongside;

  static boolean roomForExportsAlongside(int advisories) {
    Boolean forced = exportsAlongside;
    if (forced != null) return forced;
    return Runtime.getRuntime().maxMemory() / HEAP_PER_ADVISORY_WITH_EXPORTS_ALONGSIDE >= advisories;
  }

  /**
   * Renders every page of {@code plan}, with the feeds, search index and site files alongside
   * (in {@code others} while they run, so that a failure stops them): returns the number of files. Nothing keeps the
   * plan once this returns.
   */
  private static int renderPlan(StagingSink out, SitePlanner.Plan plan, SiteConfig config, Optional<Path> theme,
      SitePlanner.Inputs inputs, Options options, java.util.concurrent.ExecutorService alongside,
      List<java.util.concurrent.Future<Integer>> others) throws IOException {
    List<PageSpec> pages = plan.pages();
    PageRenderer renderer = new PageRenderer(theme, SitePlanner.siteView(config, inputs.previewAt().isPresent()));
    AtomicInteger done = new AtomicInteger();
    // The exports, feeds, search index and site files do not depend on the pages: produced
    // while the pages render, each a task of its own on two threads, their sequential parts
    // (zips, the VEX document, the index's shards) fill the cores the rendering leaves idle.
    // One after the other on one thread, they outlasted the pages by 4 s at 10,000 advisories.
    List<java.util.concurrent.Future<Integer>> mine = new ArrayList<>();
    mine.add(alongside.submit(() -> writeFeeds(out, plan.feeds(), plan.feeds(), config)));
    mine.add(alongside.submit(() -> writeSearchIndex(out, plan)));
    mine.add(alongside.submit(() -> writeSiteFiles(out, config, theme, inputs, pages, options.now(),
        p -> SiteFiles.sitemap(p).getBytes(StandardCharsets.UTF_8))));
    others.addAll(mine);
    inParallel(pages, page -> {
      out.put(page.file(), renderer.render(page));
      options.progress().pages(done.incrementAndGet(), pages.size());
    });
    int files = pages.size();
    for (java.util.concurrent.Future<Integer> task : mine) files += finish(task);
    others.removeAll(mine);
    return files;
  }

  /** The result of a task done alongside (the pages, or a preview's planning), its failure rethrown as it was thrown. */
  private static int finish(java.util.concurrent.Future<Integer> task) throws IOException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw dev.disclose.concurrent.Threads.rethrow(e.getCause());
    }
  }

  /** After {@code failure}: the other tasks stopped, the writer closed, the staging folder removed. */
  private static void abandon(List<java.util.concurrent.Future<Integer>> others, StagingSink sink,
      AtomicPublisher.Staging staging, Throwable failure) {
    // Out of memory, the other tasks may be collecting garbage more than working (one such
    // build thrashed for 30 minutes): wait for them a while, not forever.
    stop(others, failure instanceof OutOfMemoryError ? OUT_OF_MEMORY_WAIT_MILLIS : Long.MAX_VALUE);
    closeQuietly(sink);
    AtomicPublisher.discard(staging.folder());
  }

  private static void closeQuietly(StagingSink sink) {
    if (sink == null) return;
    try {
      sink.close();
    } catch (RuntimeException ignored) {
      // the first failure is the one reported
    }
  }

  /** Waits for the work alongside the pages to stop, so nothing writes into a staging folder being discarded. */
  private static void stop(List<java.util.concurrent.Future<Integer>> others) {
    stop(others, Long.MAX_VALUE);
  }

  /** How long a build out of memory waits for its other tasks before it discards its staging folder anyway. */
  static final long OUT_OF_MEMORY_WAIT_MILLIS = 10_000;

  /**
   * As {@link #stop(List)}, but for at most {@code millis} in all: returns false if a task was
   * still running then (the staging folder may then survive as a hidden leftover, which the next
   * build ignores).
   */
  static boolean stop(List<java.util.concurrent.Future<Integer>> others, long millis) {
    long deadline = millis == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + millis * 1_000_000;
    for (java.util.concurrent.Future<Integer> task : others) {
      try {
        if (deadline == Long.MAX_VALUE) task.get();
        else task.get(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } catch (java.util.concurrent.TimeoutException e) {
        return false;
      } catch (java.util.concurrent.ExecutionException ignored) {
        // the first failure is the one reported
      }
    }
    return true;
  }

  /**
   * Writes into the staging folder from one thread of its own, creating each folder once. On
   * ext4, creating files and folders from several threads at once contends on the folder's lock
   * and cost three times the system time of one thread doing it (measured: 18,000 page folders,
   * 1.1 s from one thread, 3.4 s from two); a mkdir per file was a large part of it too. Pages
   * render in parallel and queue their bytes here; a full queue makes the renderers wait. The
   * few large files ({@link #open}: zips, the VEX documents) are the exception, streamed by the
   * thread that makes them.
   */
  private static final class StagingSink implements Sink, AutoCloseable {
    private static final Object[] END = {};
    private final Path root;
    private final Set<Path> folders = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.BlockingQueue<Object[]> queue = new java.util.concurrent.ArrayBlockingQueue<>(512);
    private final Thread writer;
    private volatile Throwable failure;

    /** Files the reused folder held and this build has not written yet (see AtomicPublisher.Staging). */
    private final Map<Path, Long> unwritten;
    private final List<Path> emptyFolders;

    StagingSink(AtomicPublisher.Staging staging) {
      this.root = staging.folder();
      this.unwritten = staging.reused() ? staging.files() : null;
      this.emptyFolders = staging.emptyFolders();
      writer = new Thread(this::drain, "disclose-writer");
      writer.setDaemon(true);
      writer.start();
    }

    @Override
    public void put(String relative, byte[] bytes) {
      Path file = root.resolve(relative).normalize();
      if (!file.startsWith(root)) throw new IllegalStateException("refusing to write outside the output: " + relative);
      rethrow();
      try {
        queue.put(new Object[] {file, bytes});
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }

    /**
     * A large file (a zip, the VEX document), written by the calling thread straight into the
     * staging folder instead of through the queue: held whole, these took a 100,000-advisory
     * build out of its heap.
     */
    @Override
    public java.io.OutputStream open(String relative) throws IOException {
      Path file = root.resolve(relative).normalize();
      if (!file.startsWith(root)) throw new IllegalStateException("refusing to write outside the output: " + relative);
      rethrow();
      if (unwritten != null) unwritten.remove(root.relativize(file));
      return new java.io.BufferedOutputStream(Files.newOutputStream(file, makeWay(file)), 1 << 16);
    }

    /**
     * Makes {@code file}'s folder; in a reused folder, files standing where its folders are now
     * are removed first.
     */
    private void makeRoom(Path file) throws IOException {
      Path parent = file.getParent();
      // Added once made: the writer and the exports' threads may make the same folder at once.
      if (folders.contains(parent)) return;
      try {
        Files.createDirectories(parent);
      } catch (IOException e) {
        if (unwritten == null) throw e;
        // A file of the reused folder on the way down (not a directory, or already exists).
        Path p = root;
        for (Path name : root.relativize(parent)) {
          p = p.resolve(name);
          if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(p);
            unwritten.remove(root.relativize(p));
          }
        }
        Files.createDirectories(parent);
      }
      folders.add(parent);
    }

    private static final java.nio.file.OpenOption[] CREATE = {java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE};
    private static final java.nio.file.OpenOption[] CREATE_NEW = {java.nio.file.StandardOpenOption.CREATE_NEW,
        java.nio.file.StandardOpenOption.WRITE};

    /**
     * Makes room for {@code file} and says how to open it: in a reused folder as a new file, in
     * place of whatever stood there (removed without following a link): never written through a
     * link, nor into a file someone made read-only.
     */
    private java.nio.file.OpenOption[] makeWay(Path file) throws IOException {
      makeRoom(file);
      if (unwritten == null) return CREATE;
      if (Files.isDirectory(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) AtomicPublisher.deleteTree(file);
      else Files.deleteIfExists(file);
      return CREATE_NEW;
    }

    /** Whether the reused folder already holds {@code bytes} at {@code file}. */
    private boolean unchanged(Path file, byte[] bytes) throws IOException {
      if (unwritten == null) return false;
      Long size = unwritten.remove(root.relativize(file));
      if (size == null || size != bytes.length) return false;
      // Read without following a link (one put there since the listing fails here, and is replaced).
      byte[] had = new byte[bytes.length];
      try (java.nio.channels.SeekableByteChannel in = Files.newByteChannel(file, java.nio.file.StandardOpenOption.READ,
          java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(had);
        while (buffer.hasRemaining() && in.read(buffer) >= 0) { }
        if (buffer.hasRemaining() || in.read(java.nio.ByteBuffer.allocate(1)) >= 0) return false;
      } catch (IOException e) {
        return false;
      }
      return java.util.Arrays.equals(had, bytes);
    }

    /**
     * Removes what the reused folder held and this build did not write, and the folders left
     * empty; once every file is written (after {@link #close}).
     */
    void removeUnwritten() throws IOException {
      if (unwritten == null) return;
      for (Path rel : unwritten.keySet()) {
        Path file = root.resolve(rel);
        // Gone already, or a folder of this build's in its place; a link put there is removed.
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
            || Files.isDirectory(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
        Files.delete(file);
        AtomicPublisher.removeEmptyFolders(file.getParent(), root);
      }
      unwritten.clear();
      // Folders the reused one held empty (none is made empty by a build), with the parents they leave empty.
      for (Path rel : emptyFolders) AtomicPublisher.removeEmptyFolders(root.resolve(rel), root);
    }

    private void drain() {
      try {
        for (Object[] item; (item = queue.take()) != END; ) {
          if (failure != null) continue; // keep taking, so that no renderer waits forever
          Path file = (Path) item[0];
          try {
            byte[] bytes = (byte[]) item[1];
            if (!unchanged(file, bytes)) Files.write(file, bytes, makeWay(file));
          } catch (IOException | RuntimeException e) {
            failure = e;
          }
        }
      } catch (InterruptedException e) {
        failure = e;
      }
    }

    private void rethrow() {
      Throwable f = failure;
      if (f instanceof IOException io) throw new UncheckedIOException(io);
      if (f instanceof RuntimeException r) throw r;
      if (f != null) throw new IllegalStateException(f);
    }

    /** Waits until every queued file is written; rethrows the first write failure. */
    @Override
    public void close() {
      try {
        queue.put(END);
        writer.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      rethrow();
    }
  }

  /**
   * A rebuild of the preview server: renders only pages whose view changed, then writes only
   * files whose bytes changed, straight into the served folder. Everything is produced before
   * anything is written, so a template error leaves the last good site in place.
   * {@code produced}: the files made so far, into which {@code records} (counting the files it
   * made) is writing the exports' records.
   */
  private static Result incremental(BuildMemory memory, Catalog catalog, SiteConfig config, Optional<Path> theme,
      SitePlanner.Inputs inputs, SitePlanner.Plan plan, Options options, long start, Map<String, byte[]> produced,
      java.util.concurrent.Future<Integer> records) throws SiteException {
    List<PageSpec> pages = plan.pages();
    try {
      BuildMemory.Stamp stamp = new BuildMemory.Stamp(config, themeDigest(theme));
      Sink sink = Sink.of(produced);
      PageRenderer renderer = new PageRenderer(theme, SitePlanner.siteView(config, inputs.previewAt().isPresent()));
      options.progress().phase("finding the pages that changed");
      boolean sameStamp = memory.sameStamp(stamp);
      String[] keptFiles = new String[pages.size()];
      if (sameStamp) java.util.stream.IntStream.range(0, pages.size()).parallel().forEach(i -> keptFiles[i] = memory.keptFile(pages.get(i)));
      List<String> kept = new ArrayList<>();
      List<PageSpec> changed = new ArrayList<>();
      for (int i = 0; i < keptFiles.length; i++) {
        if (keptFiles[i] != null) kept.add(keptFiles[i]);
        else changed.add(pages.get(i));
      }
      AtomicInteger done = new AtomicInteger();
      options.progress().phase("rendering the changed pages");
      inParallel(changed, page -> {
        sink.put(page.file(), renderer.render(page));
        options.progress().pages(done.incrementAndGet(), changed.size());
      });
      options.progress().phase("writing feeds");
      // A feed equal to last time's has the same three files.
      List<Feed> changedFeeds = new ArrayList<>();
      for (Feed f : plan.feeds()) {
        if (memory.unchanged(f)) kept.addAll(feedFiles(f));
        else changedFeeds.add(f);
      }
      int files = pages.size() + writeFeeds(sink, changedFeeds, plan.feeds(), config)
          + 3 * (plan.feeds().size() - changedFeeds.size());
      options.progress().phase("writing the search index");
      files += writeSearchIndex(sink, plan, memory.searchIndex);
      options.progress().phase("writing exports' records, sitemap and assets");
      files += finish(records);
      files += writeSiteFiles(sink, config, theme, inputs, pages, options.now(), memory::sitemap);
      // The bundles follow in the background (see BuildMemory): until then, last build's stay.
      kept.addAll(memory.bundleFiles());
      options.progress().phase("writing the files that changed");
      Map<String, PageSpec> byPath = new HashMap<>();
      for (PageSpec p : pages) byPath.put(p.path(), p);
      Map<String, Feed> feedsByPath = new HashMap<>();
      for (Feed f : plan.feeds()) feedsByPath.put(f.path(), f);
      Files.createDirectories(options.out());
      int written = memory.apply(options.out(), produced, kept, byPath, feedsByPath, stamp);
      memory.startBackground();
      Exports.Parts bundles = new Exports.Parts(false, true, memory::osvForBundles, Exports::rustsec, true);
      memory.remakeBundles(options.out(), new BundleInputs(catalog.advisories(), config, inputs.commits()), () -> {
        Map<String, byte[]> made = new java.util.TreeMap<>();
        writeExports(FileSink.inMemory(made), catalog, config, inputs.commits(), bundles);
        return made;
      });
      return new Result(catalog.size(), pages.size(), files, (System.nanoTime() - start) / 1_000_000,
          changed.size(), written);
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      // The memory is invalidated by the caller, once the records' thread has ended.
      throw new SiteException("the build failed: " + e.getMessage(), e);
    }
  }

  /** {@code parts} of every export format. Returns the number of files. */
  private static int writeExports(FileSink sink, Catalog catalog, SiteConfig config, LastCommitTimes commits,
      Exports.Parts parts) throws IOException {
    int files = 0;
    for (Exports.Format format : Exports.Format.values()) files += writeExport(sink, format, catalog, config, commits, parts);
    return files;
  }

  /**
   * Runs {@code work} on each item in parallel and returns only when every task has stopped: the
   * first failure is rethrown after the others finish, so that no thread is still writing into
   * the staging folder while it is being discarded.
   */
  private static <T> void inParallel(List<T> items, java.util.function.Consumer<T> work) {
    java.util.concurrent.atomic.AtomicReference<RuntimeException> failure = new java.util.concurrent.atomic.AtomicReference<>();
    items.parallelStream().forEach(item -> {
      if (failure.get() != null) return;
      try {
        work.accept(item);
      } catch (RuntimeException e) {
        failure.compareAndSet(null, e);
      }
    });
    if (failure.get() != null) throw failure.get();
  }

  /**
   * Each feed of {@code write} in its three formats, and {@code feeds.opml} listing all of
   * {@code all}. Returns the number of files.
   */
  private static int writeFeeds(Sink sink, List<Feed> write, List<Feed> all, SiteConfig config) {
    inParallel(write, f -> {
      sink.put(f.path() + Feed.RSS, RomeFeedWriter.rss(f));
      sink.put(f.path() + Feed.ATOM, RomeFeedWriter.atom(f));
      sink.put(f.path() + Feed.JSON, JsonFeedWriter.json(f));
    });
    sink.put("feeds.opml", OpmlWriter.opml(config.title(), all));
    return 3 * write.size() + 1;
  }

  private static int writeSearchIndex(Sink sink, SitePlanner.Plan plan) {
    return writeSearchIndex(sink, plan, SearchIndexWriter.Memory.forOneWrite());
  }

  /** {@code previous}: the index of the previous build (the preview server's memory), patched. */
  private static int writeSearchIndex(Sink sink, SitePlanner.Plan plan, SearchIndexWriter.Memory previous) {
    Map<String, byte[]> files = SearchIndexWriter.write(plan.searchDocs(), dev.disclose.search.SearchAnalyzer::terms, previous);
    files.forEach((name, bytes) -> sink.put(SitePaths.SEARCH_INDEX + name, bytes));
    return files.size();
  }

  static List<String> feedFiles(Feed f) {
    return List.of(f.path() + Feed.RSS, f.path() + Feed.ATOM, f.path() + Feed.JSON);
  }

  /** Sitemap ({@code sitemap} makes it), robots.txt, security.txt and the theme's assets. Returns the count. */
  private static int writeSiteFiles(Sink sink, SiteConfig config, Optional<Path> theme, SitePlanner.Inputs inputs,
      List<PageSpec> pages, Instant now, Function<List<PageSpec>, byte[]> sitemap) throws IOException {
    int files = 0;
    String base = config.baseUrl();
    sink.put("sitemap.xml", sitemap.apply(pages));
    if (!inputs.previewAt().isPresent()) sink.put("robots.txt", SiteFiles.robots(base));
    else sink.put("robots.txt", SiteFiles.robotsPreview());
    sink.put(".well-known/security.txt", SiteFiles.securityTxt(config, base, now));
    files += 3;
    for (Map.Entry<String, byte[]> asset : ThemeAssets.load(theme).entrySet()) {
      sink.put("assets/" + asset.getKey(), asset.getValue());
      files++;
    }
    return files;
  }

  /** The site's own theme folder, as a digest of its files' names and bytes ("" without one). */
  private static String themeDigest(Optional<Path> theme) throws IOException {
    if (theme.isEmpty() || !Files.isDirectory(theme.get())) return "";
    StringBuilder all = new StringBuilder();
    // Following links, as Pebble's file loader does: a symlinked templates folder must count.
    try (Stream<Path> walk = Files.walk(theme.get(), java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        all.append(theme.get().relativize(p)).append('\0').append(BuildMemory.sha256(Files.readAllBytes(p))).append('\n');
      }
    }
    return BuildMemory.sha256(all.toString());
  }

  /** One export format, under {@code osv/}, {@code rustsec/} or {@code cyclonedx/} (see {@link Exports}). */
  private static int writeExport(Sink sink, Exports.Format format, Catalog catalog, SiteConfig config,
      LastCommitTimes commits) throws IOException {
    return writeExport(sink, format, catalog, config, commits, Exports.Parts.ALL);
  }

  private static int writeExport(FileSink sink, Exports.Format format, Catalog catalog, SiteConfig config,
      LastCommitTimes commits, Exports.Parts parts) throws IOException {
    String folder = format.folder() + "/";
    return Exports.write(format, catalog, config, commits, new FileSink() {
      @Override
      public void put(String relative, byte[] bytes) throws IOException {
        sink.put(folder + relative, bytes);
      }

      @Override
      public java.io.OutputStream open(String relative) throws IOException {
        return sink.open(folder + relative);
      }
    }, parts).files();
  }

  /** The security policy page, from the Markdown file site-config.yaml names (inside the site). */
  private static Optional<SafeHtml> policy(SiteRoot site, SiteConfig config, Function<String, SafeHtml> markdown)
      throws SiteException {
    if (config.policy().isEmpty()) return Optional.empty();
    Path file = site.root().resolve(config.policy().get()).normalize();
    try {
      if (!SiteRoot.isInside(site.root(), file)) {
        throw new SiteException("`policy` in site-config.yaml must name a file inside the site: " + config.policy().get());
      }
    } catch (IOException e) {
      throw new SiteException("cannot read the policy page " + config.policy().get() + ": " + e.getMessage(), e);
    }
    return Optional.of(markdown.apply(SiteRoot.readText(file, config.policy().get())));
  }

}
