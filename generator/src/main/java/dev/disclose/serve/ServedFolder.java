package dev.disclose.serve;

import dev.disclose.pipeline.AtomicPublisher;
import dev.disclose.pipeline.SiteOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

/**
 * The folder the preview server serves, as each build's output: a build's files are held until it
 * is done, then only those whose bytes changed are written and those it no longer makes are
 * deleted, so a failed build leaves the last good site in place. A file made of a source equal to
 * the one it was made of last time is kept as it is, unmade.
 *
 * <p>The files made of every advisory at once (the OSV zips, the VEX documents) follow in the
 * background ({@link #remakeBundles}); until then the previous ones stay, and {@link #awaitBundles}
 * waits for them.
 */
public final class ServedFolder implements SiteOutput {
  /** Told what the background work did: for the preview server's log. */
  public interface Listener {
    Listener NONE = new Listener() {};

    /**
     * The bundles of a build are written: {@code written} of {@code files} changed, after {@code
     * millis}.
     */
    default void bundlesWritten(int files, int written, long millis) {}

    /** Making or writing the bundles failed; the previous ones stay. */
    default void bundlesFailed(String message) {}
  }

  private final Path out;
  private final ExecutorService background;
  private volatile Listener listener = Listener.NONE;

  /**
   * What the folder holds: each file's digest ("" where its content is unknown after a failure).
   */
  private Map<String, String> digests = Map.of();

  /** What each file made of a source was made of last time. */
  private Map<String, Record> sources = Map.of();

  /** The bytes the previous build put: an identical array has the digest it had. */
  private Map<String, byte[]> putBefore = Map.of();

  /** This build's files: put, kept as they are, and the sources of those made of one. */
  private Map<String, byte[]> put = new ConcurrentHashMap<>();

  private Set<String> kept = ConcurrentHashMap.newKeySet();
  private Map<String, Record> madeOf = new ConcurrentHashMap<>();
  private int written;

  /**
   * Counts the builds that remade bundles: a background result is written only if no newer build
   * came since.
   */
  private long generation;

  private Future<?> pendingBundles = CompletableFuture.completedFuture(null);
  private Set<String> bundleFiles = Set.of();

  /** What the latest bundles made or being made were made of; null after a failure. */
  private BundleInputs bundleInputs;

  public ServedFolder(Path out, ExecutorService background) {
    this.out = out;
    this.background = background;
  }

  public void listener(Listener l) {
    listener = l;
  }

  public Path folder() {
    return out;
  }

  @Override
  public void put(String path, byte[] bytes) {
    put.put(path, bytes);
  }

  @Override
  public OutputStream open(String path) {
    return new ByteArrayOutputStream() {
      @Override
      public void close() {
        put(path, toByteArray());
      }
    };
  }

  @Override
  public boolean keep(String path, Record source) {
    Record before = sources.get(path);
    if (before == null || !before.equals(source) || digests.getOrDefault(path, "").isEmpty())
      return false;
    kept.add(path);
    return true;
  }

  @Override
  public void put(String path, Record source, byte[] bytes) {
    madeOf.put(path, source);
    put.put(path, bytes);
  }

  /**
   * What the latest build's file at {@code path} was made of, if it was made of a source (tests).
   */
  synchronized Record sourceOf(String path) {
    return sources.get(path);
  }

  /** How many files the latest commit wrote. */
  public synchronized int written() {
    return written;
  }

  /**
   * Writes the files put whose bytes changed, keeps those kept and the previous bundles, and
   * deletes what the previous build wrote and this one did not.
   */
  @Override
  public synchronized void commit() throws IOException {
    Map<String, String> next = new HashMap<>();
    for (String file : kept) next.put(file, digests.get(file));
    for (String file : bundleFiles)
      if (digests.containsKey(file)) next.put(file, digests.get(file));
    // Nothing written into the folder yet: the server serves it only after its first build, so
    // the files go straight to their place, in parallel.
    boolean first = digests.isEmpty();
    try {
      List<Map.Entry<String, byte[]>> entries = new ArrayList<>(put.entrySet());
      String[] made = new String[entries.size()];
      IntStream.range(0, made.length)
          .parallel()
          .forEach(
              i -> {
                Map.Entry<String, byte[]> e = entries.get(i);
                // The same bytes (an OSV record's, kept from last build) need no digest again.
                String known =
                    e.getValue() == putBefore.get(e.getKey()) ? digests.get(e.getKey()) : null;
                made[i] = known != null && !known.isEmpty() ? known : sha256(e.getValue());
              });
      List<Map.Entry<String, byte[]>> changed = new ArrayList<>();
      for (int i = 0; i < made.length; i++) {
        Map.Entry<String, byte[]> e = entries.get(i);
        next.put(e.getKey(), made[i]);
        if (!made[i].equals(digests.get(e.getKey()))) changed.add(e);
      }
      if (first) {
        changed.parallelStream()
            .forEach(
                e -> {
                  try {
                    write(e.getKey(), e.getValue(), false);
                  } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                  }
                });
      } else {
        for (Map.Entry<String, byte[]> e : changed) write(e.getKey(), e.getValue(), true);
      }
      for (String old : digests.keySet()) {
        if (!next.containsKey(old)) delete(old);
      }
      written = changed.size();
    } catch (IOException | RuntimeException e) {
      // The folder holds some old and some new files: each of them of unknown content now, so
      // that the next build rewrites what it makes and deletes the rest.
      Map<String, String> onDisk = new HashMap<>();
      for (String file : digests.keySet()) onDisk.put(file, "");
      for (String file : next.keySet()) onDisk.put(file, "");
      digests = onDisk;
      sources = Map.of();
      startNextBuild();
      throw e;
    }
    digests = next;
    putBefore = put;
    // The sources of the files kept stay; those made now replace theirs; gone files' go.
    Map<String, Record> nextSources =
        new HashMap<>(Math.max(16, (kept.size() + madeOf.size()) * 4 / 3 + 1));
    for (String file : kept) nextSources.put(file, sources.get(file));
    nextSources.putAll(madeOf);
    sources = nextSources;
    startNextBuild();
  }

  @Override
  public synchronized void abandon(Throwable failure) {
    startNextBuild();
  }

  /**
   * Empty for the next build, sized for what this one held, so the next build does not grow them as
   * it goes.
   */
  private void startNextBuild() {
    put = new ConcurrentHashMap<>(Math.max(16, put.size()));
    kept = ConcurrentHashMap.newKeySet(Math.max(16, kept.size()));
    madeOf = new ConcurrentHashMap<>(16);
  }

  /**
   * After a build is written: makes its bundles with {@code make} in the background, and writes
   * them unless another build remade them first. Not if the latest bundles made or being made were
   * of equal {@code inputs}: a rebuild that changed only pages (the one that shows similar
   * advisories made in the background) neither remakes them nor drops those on their way.
   */
  public synchronized void remakeBundles(BundleInputs inputs, Callable<Map<String, byte[]>> make) {
    if (inputs.equals(bundleInputs)) return;
    bundleInputs = inputs;
    long mine = ++generation;
    pendingBundles =
        background.submit(
            () -> {
              long start = System.nanoTime();
              try {
                Map<String, byte[]> files = make.call();
                synchronized (this) {
                  if (generation != mine) return;
                  int changed = applyBundles(files);
                  listener.bundlesWritten(
                      files.size(), changed, (System.nanoTime() - start) / 1_000_000);
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
   * Waits until the bundles of the latest build are written (or failed), at most {@code millis}: a
   * build that came meanwhile drops the bundles waited for, so its own are waited for then.
   */
  public void awaitBundles(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    Future<?> pending;
    synchronized (this) {
      pending = pendingBundles;
    }
    while (true) {
      try {
        pending.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ExecutionException e) {
        // a failure is reported to the listener
      } catch (TimeoutException e) {
        return; // a slow one serves the previous file
      }
      synchronized (this) {
        if (pending == pendingBundles) return;
        pending = pendingBundles;
      }
    }
  }

  /** Bundles being made from now on are never written (the folder is about to be deleted). */
  public synchronized void stopBundles() {
    generation++;
  }

  /** Writes the bundles whose bytes changed and deletes the previous ones not made again. */
  private int applyBundles(Map<String, byte[]> files) throws IOException {
    Map<String, String> next = new HashMap<>(digests);
    int changed = 0;
    try {
      for (Map.Entry<String, byte[]> e : new TreeMap<>(files).entrySet()) {
        String digest = sha256(e.getValue());
        if (digest.equals(digests.get(e.getKey()))) continue;
        write(e.getKey(), e.getValue(), true);
        next.put(e.getKey(), digest);
        changed++;
      }
      for (String old : bundleFiles) {
        if (files.containsKey(old)) continue;
        delete(old);
        next.remove(old);
      }
    } catch (IOException | RuntimeException e) {
      // Some written or deleted, some not: their content is unknown, so the next write of each
      // happens.
      Set<String> both = new HashSet<>(bundleFiles);
      both.addAll(files.keySet());
      for (String file : both) next.put(file, "");
      digests = next;
      bundleFiles = Set.copyOf(both);
      throw e;
    }
    digests = next;
    bundleFiles = Set.copyOf(files.keySet());
    return changed;
  }

  /**
   * Writes {@code bytes} to {@code relative}; {@code served}: through a temporary file and a
   * rename, so that the server never sends a half-written page.
   */
  private void write(String relative, byte[] bytes, boolean served) throws IOException {
    Path file = out.resolve(relative).normalize();
    if (!file.startsWith(out))
      throw new IOException("refusing to write outside the output: " + relative);
    Files.createDirectories(file.getParent());
    if (!served) {
      Files.write(file, bytes);
      return;
    }
    Path temp = Files.createTempFile(file.getParent(), ".write-", ".tmp");
    try {
      Files.write(temp, bytes);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private void delete(String relative) throws IOException {
    Path file = out.resolve(relative).normalize();
    if (!file.startsWith(out)) return;
    Files.deleteIfExists(file);
    // An advisory that went away leaves its folder empty: remove it, up to the output root.
    AtomicPublisher.removeEmptyFolders(file.getParent(), out);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}
