package dev.disclose.pipeline;

import dev.disclose.advisory.Advisory;
import dev.disclose.concurrent.Threads;
import dev.disclose.csaf.CsafFormat;
import dev.disclose.load.PublicFiles;
import dev.disclose.load.SiteException;
import dev.disclose.load.SiteRoot;
import dev.disclose.load.StorageFailure;
import dev.disclose.memo.Memo;
import dev.disclose.plan.Publication;
import dev.disclose.sealing.SealingKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One public build's use of the build cache ({@link BuildCache}): whether anything changed since
 * the build it remembers; if so, an output that carries over the files whose sources did not; and,
 * once built, the cache for the next build. The cache is used only where the output folder is the
 * one it describes, byte for byte by its manifest, so that what is carried over is what a build
 * without the cache would write.
 */
public final class BuildMemory {
  /** A build found unchanged: what its output holds, as the build that made it said. */
  public record Unchanged(int advisories, int pages, int files, long bytes) {}

  private final Path folder;
  private final Path target;
  private final String request;
  private final List<String> notes = new ArrayList<>();

  /** The remembered build, if its cache is sound and the output is still the one it made. */
  private final Optional<BuildCache.Remembered> remembered;

  private final SavedMemo memo;

  private OutputMemory memory;
  private String allFiles;
  private FutureTask<String> pendingAllFiles;

  private BuildMemory(Path folder, Path target, String request, boolean recall) {
    this.folder = folder;
    this.target = target;
    this.request = request;
    BuildCache.Opened opened =
        recall ? BuildCache.open(folder, generator()) : BuildCache.vet(folder);
    opened.note().ifPresent(why -> notes.add("the build cache was set aside: " + why));
    this.remembered = opened.remembered().filter(this::describesTheOutput);
    // The memo's values hold whatever the output: they are made of inputs alone.
    this.memo =
        new SavedMemo(opened.remembered().map(BuildCache.Remembered::values).orElse(Map.of()));
  }

  /** The memo for the stages: the last build's saved values, kept again for the next. */
  public Memo memo() {
    return memo;
  }

  /**
   * The cache in {@code folder} for a public build of the site at {@code siteRoot} into {@code
   * target}; {@code request}: the options that shape the output beyond the site's files, in one
   * line. What killed builds left beside the output is dealt with first, as every build does.
   */
  public static BuildMemory open(Path folder, Path target, Path siteRoot, String request)
      throws SiteException {
    AtomicPublisher.recover(target, siteRoot, false);
    return new BuildMemory(folder, target, request, true);
  }

  /**
   * As {@link #open}, but for a build in full that recalls nothing the cache holds and only
   * remembers itself for the next.
   */
  public static BuildMemory forgetting(Path folder, Path target, Path siteRoot, String request)
      throws SiteException {
    AtomicPublisher.recover(target, siteRoot, false);
    return new BuildMemory(folder, target, request, false);
  }

  /** The generator as the cache names it: its version and its code. */
  static String generator() {
    String code = GeneratorVersion.code();
    return GeneratorVersion.current() + " " + code.substring(0, Math.min(16, code.length()));
  }

  /** What the build should say about the cache: why one was set aside. */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  private boolean describesTheOutput(BuildCache.Remembered r) {
    try {
      if (Arrays.equals(BuildCache.unfollowed(target.resolve(BuildManifest.FILE)), r.manifest()))
        return true;
    } catch (IOException e) {
      // no output, or an unreadable one: nothing to carry over
    }
    // Another output (built since without the cache, or into another folder): built in full.
    return false;
  }

  /**
   * The remembered build, if a build now would write the same output: the same generator and
   * options, every advisory file and every other input the same, no embargo lifted since, and no
   * change the build foresaw (security.txt's renewal) due.
   */
  public Optional<Unchanged> unchanged(SiteRoot site, Optional<SealingKey> key, Instant now)
      throws SiteException {
    if (remembered.isEmpty()) return Optional.empty();
    BuildCache.Remembered r = remembered.get();
    if (!r.request().equals(request) || r.timeDependent()) return Optional.empty();
    BuildManifest manifest;
    try {
      manifest = BuildManifest.parse(r.manifest());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    // The output is listed on a thread of its own while the site's files are read and hashed.
    AtomicBoolean stop = new AtomicBoolean();
    FutureTask<Boolean> listing =
        Threads.alongside("disclose-output-listing", () -> whole(r, stop));
    PublishDue.Decision decision;
    try {
      decision = PublishDue.decideReading(site, key, manifest, now);
    } catch (SiteException | RuntimeException e) {
      stop.set(true);
      throw e;
    }
    allFiles = decision.allFiles().orElse(null);
    if (decision.verdict().due() || !r.inputs().equals(allFiles)) {
      stop.set(true);
      return Optional.empty();
    }
    if (!whole(listing)) return Optional.empty();
    return Optional.of(new Unchanged(r.advisories(), r.pages(), r.fileCount(), r.bytes()));
  }

  /**
   * Whether the output holds the files the remembered build wrote, each at its size, and nothing
   * else: an output restored halfway (a CI cache) has its manifest and lacks pages, and a file put
   * there by hand is removed by a build.
   */
  private boolean whole(BuildCache.Remembered r, AtomicBoolean stop) {
    Map<String, Long> found = new HashMap<>(r.files().size() * 4 / 3 + 8);
    try {
      Files.walkFileTree(
          target,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              // Stopped once the site is found changed: the listing is then of no use.
              if (stop.get()) throw new IOException("stopped");
              if (!attrs.isRegularFile()) throw new IOException("not a regular file: " + file);
              found.put(target.relativize(file).toString().replace('\\', '/'), attrs.size());
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      return false;
    }
    // Written beside the files the cache knows: the manifest, compared already, and the marker.
    found.remove(BuildManifest.FILE);
    found.remove(AtomicPublisher.MARKER);
    if (found.size() != r.files().size()) return false;
    for (Map.Entry<String, BuildCache.RememberedFile> e : r.files().entrySet()) {
      Long size = found.get(e.getKey());
      if (size == null || size != e.getValue().size()) return false;
    }
    return true;
  }

  /** The listing's verdict, once it is done. */
  private static boolean whole(FutureTask<Boolean> listing) {
    try {
      return listing.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      return false;
    }
  }

  /**
   * The output to build into: {@code target}, staged and swapped in whole as always, carrying over
   * the remembered build's files whose sources did not change.
   */
  public SiteOutput.Opener output(SiteRoot site) throws SiteException {
    if (allFiles == null) {
      // Hashed on a thread of its own while the build reads the same files.
      pendingAllFiles =
          Threads.alongside("disclose-advisory-digest", () -> PublicFiles.allFiles(site));
    }
    memory = new OutputMemory(remembered.map(BuildCache.Remembered::files).orElse(Map.of()));
    return FolderOutput.remembering(
        target,
        site.root(),
        memory,
        remembered.map(BuildCache.Remembered::manifest).orElse(new byte[0]));
  }

  /**
   * Saves what {@code built} made, once it is the output, for the next build; a cache that cannot
   * be written is a note, not a failure, since the site is built.
   */
  public void remember(Pipeline.Built built) {
    try {
      if (allFiles == null) allFiles = digestOf(pendingAllFiles);
      byte[] manifest = BuildCache.unfollowed(target.resolve(BuildManifest.FILE));
      boolean keptLast = remembered.isPresent();
      BuildCache.save(
          folder,
          new BuildCache.Remembered(
              generator(),
              request,
              allFiles,
              timeDependent(built.publication()),
              manifest,
              keptLast ? remembered.get().manifest() : new byte[0],
              memory.files(keptLast),
              memo.values(),
              built.advisories(),
              built.pages(),
              built.files(),
              built.bytes()));
    } catch (IOException | UncheckedIOException e) {
      notes.add(
          "the build cache could not be saved ("
              + StorageFailure.describe(e)
              + "); the next build is made in full");
    }
  }

  /** The digest of every advisory file, once hashed; a failure to read them fails the cache. */
  private static String digestOf(FutureTask<String> hashing) throws IOException {
    try {
      return hashing.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException(e.getCause().getMessage(), e.getCause());
    }
  }

  /**
   * Whether the output depends on the moment of the build beyond what its manifest foresees: a CSAF
   * provider dates an undated advisory's document, and an empty provider, by the build.
   */
  private static boolean timeDependent(Publication publication) {
    if (!publication.config().publishes(CsafFormat.NAME)) return false;
    List<Advisory> advisories = publication.catalog().advisories();
    return advisories.isEmpty()
        || advisories.stream().anyMatch(a -> a.effectivePublished().isEmpty());
  }
}
