package dev.disclose.pipeline;

import dev.disclose.markdown.MarkdownRenderer;
import dev.disclose.markdown.SafeHtml;
import dev.disclose.plan.PageSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the previous build of a long-running process (the preview server) produced, so that the
 * next one redoes only what changed: Markdown already rendered is reused, a page whose view is
 * equal to last time's (and whose theme and configuration are unchanged) is not rendered again,
 * and only files whose bytes differ are written; files no longer produced are deleted.
 *
 * <p>Validation still reads every advisory: uniqueness of IDs and aliases, and references
 * between advisories, are properties of the whole set, and parsing is the cheap part of a build.
 *
 * <p>The bundles of the exports (the OSV zips, the VEX documents: every advisory in one file)
 * are made in the background after each build, from that build's catalog, and written when
 * done unless a newer build has replaced them by then: remaking them took seconds of every
 * rebuild at 10,000 advisories, for files a preview rarely serves. Until then the previous
 * build's stay; {@link #awaitBundles} waits for them (the preview server does before serving one).
 *
 * <p>One build at a time (the preview server's builds hold this object's lock); the
 * background bundles take the same lock to write.
 */
public final class BuildMemory {
  /** Told what the background work did: for the preview server's log. */
  public interface Listener {
    Listener NONE = new Listener() {};

    /** The bundles of a build are written: {@code written} of {@code files} changed, after {@code millis}. */
    default void bundlesWritten(int files, int written, long millis) {}

    /** Making or writing the bundles failed; the previous ones stay. */
    default void bundlesFailed(String message) {}

    /** The exact similar advisories are known, after {@code millis}: a rebuild would show them. */
    default void similarReady(long millis) {}

    /** Computing similar advisories failed; the next build tries again. */
    default void similarFailed(String message) {}
  }

  /**
   * The background work (similar advisories, bundles: two tasks at most), in a pool of its own:
   * its parallel streams run here, not in the common pool the builds' parallel streams use.
   * Sharing that pool, a rebuild at 10,000 advisories waited behind the background's
   * similar-advisory queries for 21 s; now the two share the cores, and a build is slowed at
   * most by half while they overlap.
   */
  private final java.util.concurrent.ForkJoinPool background = new java.util.concurrent.ForkJoinPool(2, pool -> {
    java.util.concurrent.ForkJoinWorkerThread t = java.util.concurrent.ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
    t.setName("disclose-background");
    t.setDaemon(true);
    return t;
  }, null, true);
  private volatile Listener listener = Listener.NONE;
  /** Counts the builds that remade bundles: a background result is written only if no newer build came since. */
  private long generation;
  private java.util.concurrent.Future<?> pendingBundles = java.util.concurrent.CompletableFuture.completedFuture(null);
  private java.util.Set<String> bundleFiles = java.util.Set.of();
  /** What the latest bundles made or being made were made of; null after a failure. */
  private Object bundleInputs;

  private volatile Object viewSite;
  private final KeptForNextBuild<String, RememberedView> viewsByAdvisory = new KeptForNextBuild<>();
  /** The previous build's search index, patched by the next (docs whose text changed are analysed again). */
  final dev.disclose.search.SearchIndexWriter.Memory searchIndex = new dev.disclose.search.SearchIndexWriter.Memory();
  /** The theme and configuration a page was rendered with; any change re-renders every page. */
  record Stamp(Object config, String theme) {}

  private final KeptForNextBuild<String, SafeHtml> markdown = new KeptForNextBuild<>();
  private Map<String, PageSpec> pages = Map.of();
  private Map<String, dev.disclose.feed.Feed> feeds = Map.of();
  private Map<String, String> digests = Map.of();
  /** The bytes the previous build produced, by file: an identical array has the digest it had. */
  private Map<String, byte[]> producedBefore = Map.of();
  private Stamp stamp;

  /** Whether a change of similar advisories is computed in the background (the preview server) or at once. */
  private final boolean similarInBackground;
  /** The latest exact lists and what they were computed from. */
  private java.util.List<dev.disclose.search.SimilarAdvisories.Input> similarInputs;
  private Map<String, java.util.List<String>> similarLists;
  /** What the background computation is for, and its switch. */
  private java.util.List<dev.disclose.search.SimilarAdvisories.Input> pendingSimilarInputs;
  private java.util.concurrent.atomic.AtomicBoolean pendingSimilarCancelled = new java.util.concurrent.atomic.AtomicBoolean();
  private java.util.concurrent.Future<?> pendingSimilar = java.util.concurrent.CompletableFuture.completedFuture(null);
  /** Whether the latest build showed the previous build's lists while the exact ones were computed. */
  private boolean provisional;

  /** A memory that computes a change of similar advisories at once. */
  public BuildMemory() {
    this(false);
  }

  /**
   * {@code similarInBackground}: after an edit of an ID, package, weakness, title or details, a
   * build shows the previous build's similar advisories while the exact ones are computed in the
   * background; {@link Listener#similarReady} says when a rebuild would show them.
   */
  public BuildMemory(boolean similarInBackground) {
    this.similarInBackground = similarInBackground;
  }

  /**
   * Similar advisories, reused when no advisory's ID, packages, weaknesses, title or details
   * changed since the previous build (an edit of ranges, severity, references or dates): the
   * lists are a function of exactly these, and computing them is the largest part of a
   * rebuild's planning (~2 s at 10,000 advisories). An edit of any of them recomputes all:
   * every list depends on the whole site's word statistics. In the background, if so made:
   * until then the previous lists stand (an advisory's page links only to advisories that
   * still exist; a new advisory lists none), and the edit shows at once.
   */
  synchronized Map<String, java.util.List<String>> similar(java.util.List<dev.disclose.advisory.Advisory> advisories) {
    java.util.List<dev.disclose.search.SimilarAdvisories.Input> inputs = dev.disclose.search.SimilarAdvisories.inputs(advisories);
    provisional = false;
    if (inputs.equals(similarInputs)) return similarLists;
    if (!similarInBackground || similarLists == null) {
      Map<String, java.util.List<String>> lists = java.util.Collections.unmodifiableMap(dev.disclose.search.SimilarAdvisories.of(advisories));
      similarInputs = inputs;
      similarLists = lists;
      return lists;
    }
    if (!inputs.equals(pendingSimilarInputs)) {
      pendingSimilarCancelled.set(true); // a newer edit: the pending lists would be of no use
      java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
      pendingSimilarCancelled = cancelled;
      pendingSimilarInputs = inputs;
      java.util.List<dev.disclose.advisory.Advisory> copy = java.util.List.copyOf(advisories);
      // Started when the build is written (startBackground): running alongside, it slowed the build.
      queuedSimilar = () -> {
        long start = System.nanoTime();
        try {
          Map<String, java.util.List<String>> lists = java.util.Collections.unmodifiableMap(
              dev.disclose.search.SimilarAdvisories.of(copy, cancelled::get));
          synchronized (this) {
            if (cancelled.get()) return;
            similarInputs = inputs;
            similarLists = lists;
            pendingSimilarInputs = null;
          }
          listener.similarReady((System.nanoTime() - start) / 1_000_000);
        } catch (java.util.concurrent.CancellationException e) {
          // a newer edit's computation follows
        } catch (RuntimeException | OutOfMemoryError e) {
          synchronized (this) {
            if (!cancelled.get()) pendingSimilarInputs = null; // the next build tries again
          }
          listener.similarFailed(e.getMessage() == null ? e.toString() : e.getMessage());
        }
      };
    }
    provisional = true;
    return similarLists;
  }

  /** The background similar-advisory computation the current build asked for, not started yet. */
  private Runnable queuedSimilar;

  /** After a build is written: starts the background computation it asked for, if any. */
  synchronized void startBackground() {
    if (queuedSimilar == null) return;
    pendingSimilar = background.submit(queuedSimilar);
    queuedSimilar = null;
  }

  /** Whether the latest build showed provisional similar advisories and exact ones are now known. */
  public synchronized boolean similarSettled() {
    return provisional && pendingSimilarInputs == null;
  }

  /** Waits until the background similar advisories, if any, are computed (tests). */
  void awaitSimilar(long millis) throws InterruptedException {
    java.util.concurrent.Future<?> pending;
    synchronized (this) {
      pending = pendingSimilar;
    }
    try {
      pending.get(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
        | java.util.concurrent.CancellationException e) {
      // reported to the listener
    }
  }

  public void listener(Listener l) {
    listener = l;
  }

  /** An advisory's view, and what it was made of. */
  private record RememberedView(dev.disclose.advisory.Advisory advisory, Object key, dev.disclose.plan.Views.AdvisoryView view) {}

  /**
   * What was made of an advisory and other inputs, by kind and ID: feed items, search documents
   * and pages (see {@link dev.disclose.plan.SitePlanner.ViewMemory#derived}), OSV and RustSec files.
   */
  private record RememberedDerived(dev.disclose.advisory.Advisory advisory, Object inputs, Object value) {}

  private final KeptForNextBuild<java.util.List<String>, RememberedDerived> derived = new KeptForNextBuild<>();

  /** Last build's {@code kind} of {@code advisory} if made of the same advisory instance and equal inputs, else null. */
  private RememberedDerived previousDerived(String kind, dev.disclose.advisory.Advisory advisory, Object inputs) {
    RememberedDerived previous = derived.previous(java.util.List.of(kind, advisory.id()));
    return previous != null && previous.advisory() == advisory && previous.inputs().equals(inputs) ? previous : null;
  }

  /**
   * Last build's {@code kind} of {@code advisory} if made of the same instance and equal inputs,
   * else {@code make}'s (given last build's value, or null); kept for the next build.
   */
  @SuppressWarnings("unchecked")
  private <T> T keptDerived(String kind, dev.disclose.advisory.Advisory advisory, Object inputs,
      java.util.function.Function<T, T> make) {
    java.util.List<String> key = java.util.List.of(kind, advisory.id());
    RememberedDerived kept = previousDerived(kind, advisory, inputs);
    if (kept == null) {
      RememberedDerived previous = derived.previous(key);
      kept = new RememberedDerived(advisory, inputs, make.apply(previous == null ? null : (T) previous.value()));
    }
    derived.keep(key, kept);
    return (T) kept.value();
  }

  /** The advisories' views between builds: unchanged ones are not made again. */
  final dev.disclose.plan.SitePlanner.ViewMemory views = new dev.disclose.plan.SitePlanner.ViewMemory() {
    @Override
    public Object site(Object site) {
      Object previous = viewSite;
      if (site.equals(previous)) return previous;
      viewSite = site;
      return site;
    }

    /**
     * The previous view if made of the same advisory (the parse of unchanged bytes is reused, so
     * the instance is the same) in an equal key; else a new one, but last build's instance if
     * equal: the pages that show an advisory (its own, the lists, the home page) then hold the
     * instance last build's pages held, and comparing them is mostly comparing references
     * (finding the changed pages took 0.3-0.6 s at 10,000 advisories).
     */
    @Override
    public dev.disclose.plan.Views.AdvisoryView view(dev.disclose.advisory.Advisory advisory, Object key,
        java.util.function.Supplier<dev.disclose.plan.Views.AdvisoryView> make) {
      RememberedView previous = viewsByAdvisory.previous(advisory.id());
      RememberedView kept;
      if (previous != null && previous.advisory() == advisory && previous.key().equals(key)) {
        kept = previous;
        // Its details' HTML stays remembered too, for when the view must be made again.
        SafeHtml html = markdown.previous(advisory.details());
        if (html != null) markdown.keep(advisory.details(), html);
      } else {
        dev.disclose.plan.Views.AdvisoryView made = make.get();
        kept = new RememberedView(advisory, key, previous != null && made.equals(previous.view()) ? previous.view() : made);
      }
      viewsByAdvisory.keep(advisory.id(), kept);
      return kept.view();
    }

    @Override
    public <T> T derived(dev.disclose.advisory.Advisory advisory, String kind, Object inputs, java.util.function.Supplier<T> make) {
      return keptDerived(kind, advisory, inputs, previous -> make.get());
    }
  };

  /**
   * An advisory's OSV file: the previous build's if made of the same advisory (the parse of
   * unchanged bytes is reused, so the instance is the same), settings and commit time; else made,
   * with the previous bytes if the record is equal (then written files are found unchanged by
   * reference). Making and hashing all 10,000 records took 0.1 s of each rebuild.
   */
  dev.disclose.export.Exports.OsvFile osv(dev.disclose.advisory.Advisory advisory, dev.disclose.osv.OsvExporter.Settings settings,
      java.util.Optional<java.time.Instant> lastCommit) {
    return keptDerived("osv", advisory, java.util.List.of(settings, lastCommit), (dev.disclose.export.Exports.OsvFile previous) -> {
      dev.disclose.export.Exports.OsvFile made = dev.disclose.export.Exports.osv(advisory, settings, lastCommit);
      return previous != null && previous.record().equals(made.record()) ? previous : made;
    });
  }

  /**
   * An advisory's OSV file for the background bundles: the latest build's if made of the same,
   * else made; never kept (the next build may be running, and keeps its own).
   */
  dev.disclose.export.Exports.OsvFile osvForBundles(dev.disclose.advisory.Advisory advisory,
      dev.disclose.osv.OsvExporter.Settings settings, java.util.Optional<java.time.Instant> lastCommit) {
    RememberedDerived known = previousDerived("osv", advisory, java.util.List.of(settings, lastCommit));
    return known != null ? (dev.disclose.export.Exports.OsvFile) known.value()
        : dev.disclose.export.Exports.osv(advisory, settings, lastCommit);
  }

  /**
   * An advisory's RustSec files: the previous build's if made of the same advisory instance and
   * URL (the same byte arrays: apply() skips their digests), else made.
   */
  java.util.List<dev.disclose.export.Exports.ExportFile> rustsec(dev.disclose.advisory.Advisory advisory, String url) {
    return keptDerived("rustsec", advisory, url, previous -> dev.disclose.export.Exports.rustsec(advisory, url));
  }

  /** The previous bundles' files, on disk until the new ones are written. */
  synchronized java.util.Set<String> bundleFiles() {
    return bundleFiles;
  }

  /**
   * After a build is written: makes its bundles with {@code make} in the background, and writes
   * them into {@code out} unless another build remade them first. Not if the latest bundles made
   * or being made were of equal {@code inputs}: a rebuild that changed only pages (the one that
   * shows similar advisories computed in the background) neither remakes them nor drops those
   * on their way.
   */
  synchronized void remakeBundles(Path out, Object inputs, java.util.concurrent.Callable<Map<String, byte[]>> make) {
    if (inputs.equals(bundleInputs)) return;
    bundleInputs = inputs;
    long mine = ++generation;
    pendingBundles = background.submit(() -> {
      long start = System.nanoTime();
      try {
        Map<String, byte[]> files = make.call();
        synchronized (this) {
          if (generation != mine) return;
          int written = applyBundles(out, files);
          listener.bundlesWritten(files.size(), written, (System.nanoTime() - start) / 1_000_000);
        }
      } catch (Exception | OutOfMemoryError e) {
        synchronized (this) {
          if (generation == mine) bundleInputs = null; // the next build makes them again
        }
        listener.bundlesFailed(e.getMessage() == null ? e.toString() : e.getMessage());
      }
    });
  }

  /**
   * Ends the background work, waiting at most {@code millis} for it: nothing is written into a
   * build's folder once this returns (the preview server deletes the folder next). A similar-
   * advisory computation under way is cancelled.
   */
  public void stopBackground(long millis) throws InterruptedException {
    synchronized (this) {
      generation++; // bundles being made are of an older generation now: never written
    }
    background.shutdownNow();
    background.awaitTermination(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /**
   * Waits until the bundles of the latest build are written (or failed), at most {@code millis}:
   * a build that came meanwhile drops the bundles waited for, so its own are waited for then.
   */
  public void awaitBundles(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    java.util.concurrent.Future<?> pending;
    synchronized (this) {
      pending = pendingBundles;
    }
    while (true) {
      try {
        pending.get(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        // a failure is reported to the listener
      } catch (java.util.concurrent.TimeoutException e) {
        return; // a slow one serves the previous file
      }
      synchronized (this) {
        if (pending == pendingBundles) return;
        pending = pendingBundles;
      }
    }
  }

  /** Writes the bundles whose bytes changed and deletes the previous ones not made again. */
  private int applyBundles(Path out, Map<String, byte[]> files) throws IOException {
    Map<String, String> next = new HashMap<>(digests);
    int written = 0;
    try {
      for (Map.Entry<String, byte[]> e : new java.util.TreeMap<>(files).entrySet()) {
        String digest = sha256(e.getValue());
        if (digest.equals(digests.get(e.getKey()))) continue;
        write(out, e.getKey(), e.getValue());
        next.put(e.getKey(), digest);
        written++;
      }
      for (String old : bundleFiles) {
        if (files.containsKey(old)) continue;
        delete(out, old);
        next.remove(old);
      }
    } catch (IOException | RuntimeException e) {
      // Some written or deleted, some not: their content is unknown, so the next write of each happens.
      java.util.Set<String> both = new java.util.HashSet<>(bundleFiles);
      both.addAll(files.keySet());
      for (String file : both) next.put(file, "");
      digests = next;
      bundleFiles = java.util.Set.copyOf(both);
      throw e;
    }
    digests = next;
    bundleFiles = java.util.Set.copyOf(files.keySet());
    return written;
  }

  /** The pages the latest sitemap was made of, and its bytes. */
  private java.util.List<PageSpec> sitemapPages;
  private byte[] sitemap;

  /**
   * The sitemap of {@code pages}: the previous build's bytes if every page lists the same URL
   * and last modification (pages are mostly last build's instances: compared by reference),
   * else made. Sorting and formatting 32,850 entries took 30 ms of each rebuild.
   */
  byte[] sitemap(java.util.List<PageSpec> pages) {
    if (sitemapPages == null || !sameSitemapEntries(sitemapPages, pages)) {
      sitemap = dev.disclose.pages.SiteFiles.sitemap(pages).getBytes(StandardCharsets.UTF_8);
    }
    sitemapPages = java.util.List.copyOf(pages);
    return sitemap;
  }

  private static boolean sameSitemapEntries(java.util.List<PageSpec> before, java.util.List<PageSpec> now) {
    if (before.size() != now.size()) return false;
    for (int i = 0; i < now.size(); i++) {
      PageSpec a = before.get(i);
      PageSpec b = now.get(i);
      if (a == b) continue;
      if (a.inSitemap() != b.inSitemap()) return false;
      if (a.inSitemap() && !(a.canonicalUrl().equals(b.canonicalUrl()) && a.lastModified().equals(b.lastModified()))) return false;
    }
    return true;
  }

  /** Markdown to sanitized HTML, reusing what the previous build rendered. */
  SafeHtml markdown(String source) {
    return markdown.get(source, MarkdownRenderer::render);
  }

  /**
   * Whether pages were rendered with this theme and configuration last time. Asked once per
   * build, not per page: the configuration lists every package, and comparing it for each of
   * 32,850 pages took 11 s of a 10,000-advisory rebuild.
   */
  boolean sameStamp(Stamp current) {
    return current.equals(stamp);
  }

  /** The previous build's feed of the folder {@code path} (tests). */
  dev.disclose.feed.Feed feedAt(String path) {
    return feeds.get(path);
  }

  /** The previous build's page at {@code path} (tests). */
  PageSpec pageAt(String path) {
    return pages.get(path);
  }

  /**
   * {@code page}'s file if the page would render exactly as that file on disk from the previous
   * build (same stamp assumed), else null. The file's name is made once here and passed on: made
   * for each use, 32,850 new strings were hashed three times in a rebuild.
   */
  String keptFile(PageSpec page) {
    if (!page.equals(pages.get(page.path()))) return null;
    String file = page.file();
    return digests.containsKey(file) ? file : null;
  }

  /** Whether {@code feed} equals the previous build's feed of the same folder, whose files are on disk. */
  boolean unchanged(dev.disclose.feed.Feed feed) {
    return feed.equals(feeds.get(feed.path())) && SiteBuild.feedFiles(feed).stream().allMatch(digests::containsKey);
  }

  /**
   * Writes into {@code out} the files of {@code produced} whose bytes changed, keeps those in
   * {@code kept} as they are, and deletes what the previous build wrote and this one did not.
   * Returns how many files were written.
   */
  int apply(Path out, Map<String, byte[]> produced, Iterable<String> kept, Map<String, PageSpec> newPages,
      Map<String, dev.disclose.feed.Feed> newFeeds, Stamp current) throws IOException {
    Map<String, String> next = new HashMap<>();
    for (String file : kept) {
      String digest = digests.get(file);
      if (digest != null) next.put(file, digest);
    }
    int written = 0;
    // Nothing written into the folder yet: the preview server serves it only after its first
    // build, so no one can be sent a half-written file, and the files go straight to their
    // place, in parallel. Through a temporary file and a rename each, one by one, the first
    // build of 10,000 advisories spent 8.2 s writing its 49,665 files.
    boolean first = digests.isEmpty();
    try {
      // In no particular order: each file is written or not on its own.
      List<Map.Entry<String, byte[]>> entries = new ArrayList<>(produced.entrySet());
      String[] made = new String[entries.size()];
      java.util.stream.IntStream.range(0, made.length).parallel().forEach(i -> {
        Map.Entry<String, byte[]> e = entries.get(i);
        // The same bytes (an OSV record's, kept from last build) need no digest again.
        String known = e.getValue() == producedBefore.get(e.getKey()) ? digests.get(e.getKey()) : null;
        made[i] = known != null && !known.isEmpty() ? known : sha256(e.getValue());
      });
      List<Map.Entry<String, byte[]>> changed = new ArrayList<>();
      for (int i = 0; i < made.length; i++) {
        Map.Entry<String, byte[]> e = entries.get(i);
        next.put(e.getKey(), made[i]);
        if (!made[i].equals(digests.get(e.getKey()))) changed.add(e);
      }
      if (first) {
        changed.parallelStream().forEach(e -> {
          try {
            write(out, e.getKey(), e.getValue(), false);
          } catch (IOException failed) {
            throw new java.io.UncheckedIOException(failed);
          }
        });
      } else {
        for (Map.Entry<String, byte[]> e : changed) write(out, e.getKey(), e.getValue());
      }
      written = changed.size();
      for (String old : digests.keySet()) {
        if (!next.containsKey(old)) delete(out, old);
      }
    } catch (IOException | RuntimeException e) {
      // The folder holds some old and some new files: remember every one of them, as unknown
      // content, so that the next build rewrites what it produces and deletes the rest.
      Map<String, String> onDisk = new HashMap<>();
      for (String file : digests.keySet()) onDisk.put(file, "");
      for (String file : next.keySet()) onDisk.put(file, "");
      digests = onDisk;
      invalidate();
      throw e;
    }
    digests = next;
    producedBefore = produced;
    pages = newPages;
    feeds = newFeeds;
    stamp = current;
    markdown.advance();
    viewsByAdvisory.advance();
    derived.advance();
    return written;
  }

  private static void write(Path out, String relative, byte[] bytes) throws IOException {
    write(out, relative, bytes, true);
  }

  /**
   * Writes {@code bytes} to {@code relative} in {@code out}; {@code served}: through a temporary
   * file and a rename, so that the server never sends a half-written page.
   */
  private static void write(Path out, String relative, byte[] bytes, boolean served) throws IOException {
    Path file = out.resolve(relative).normalize();
    if (!file.startsWith(out)) throw new IOException("refusing to write outside the output: " + relative);
    Files.createDirectories(file.getParent());
    if (!served) {
      Files.write(file, bytes);
      return;
    }
    Path temp = Files.createTempFile(file.getParent(), ".write-", ".tmp");
    try {
      Files.write(temp, bytes);
      Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void delete(Path out, String relative) throws IOException {
    Path file = out.resolve(relative).normalize();
    if (!file.startsWith(out)) return;
    Files.deleteIfExists(file);
    // An advisory that went away leaves its folder empty: remove it, up to the output root.
    AtomicPublisher.removeEmptyFolders(file.getParent(), out);
  }

  /**
   * After a failed build: the next one renders every page again. What is on disk stays known
   * (the digests), so files the next build no longer produces are still deleted.
   */
  void invalidate() {
    pages = Map.of();
    feeds = Map.of();
    stamp = null;
    markdown.discard();
    synchronized (this) {
      // The failed build's request is dropped; the next build asks again.
      if (queuedSimilar != null) {
        queuedSimilar = null;
        pendingSimilarInputs = null;
      }
    }
    viewsByAdvisory.discard();
    derived.discard();
  }

  static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}
