package dev.disclose.serve;

import dev.disclose.format.FileSink;
import dev.disclose.format.OutputFormat;
import dev.disclose.load.Changes;
import dev.disclose.load.LoadRequest;
import dev.disclose.load.SiteException;
import dev.disclose.load.SiteRoot;
import dev.disclose.memo.Memo;
import dev.disclose.pipeline.OutputFormats;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.pipeline.Progress;
import dev.disclose.pipeline.Refused;
import dev.disclose.plan.PlanRequest;
import dev.disclose.plan.Publication;
import dev.disclose.sealing.SealingKey;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;

/**
 * The preview server's builds, one after the other, each into the served folder with what the
 * previous one made ({@link PreviewMemo}): a rebuild redoes only what changed, and writes only the
 * files whose bytes changed. The exports' files made of every advisory at once follow each build in
 * the background.
 */
public final class PreviewSite {
  /**
   * The background work (lagging values, the exports' bundles: two tasks at most), in a pool of its
   * own: its parallel streams run here, not in the common pool the builds use, so a rebuild shares
   * the cores with it rather than waiting behind it.
   */
  private final ForkJoinPool background =
      new ForkJoinPool(
          2,
          pool -> {
            ForkJoinWorkerThread t =
                ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            t.setName("disclose-background");
            t.setDaemon(true);
            return t;
          },
          null,
          true);

  private final PreviewMemo memo;
  private final ServedFolder served;
  private final Optional<SealingKey> sealingKey;

  /** What each build plans: the public site, or a preview with drafts and embargoed advisories. */
  private final PlanRequest plan;

  /** The path of the latest good build's base URL, which its 404 page's links start with. */
  private volatile String basePath = "/";

  /**
   * {@code lagging}: whether slow values (similar advisories) are made in the background, a build
   * showing the previous ones meanwhile.
   */
  public PreviewSite(Path out, boolean lagging) {
    this(out, lagging, PlanRequest.PUBLIC, Optional.empty());
  }

  /**
   * As {@link #PreviewSite(Path, boolean)}, each build planned as {@code plan} says (a preview's
   * marks drafts and embargoed advisories NOT PUBLIC and keeps search engines out), and sealed
   * advisories opened with {@code sealingKey}: the same key for every rebuild, so the memo's parse
   * of a sealed file stays that key's.
   */
  public PreviewSite(Path out, boolean lagging, PlanRequest plan, Optional<SealingKey> sealingKey) {
    this.memo = new PreviewMemo(background, lagging);
    this.served = new ServedFolder(out, background);
    this.plan = plan;
    this.sealingKey = sealingKey;
  }

  public PreviewMemo memo() {
    return memo;
  }

  public ServedFolder served() {
    return served;
  }

  /**
   * Builds {@code site} as of {@code now}, reading again only what {@code seen} says changed (or
   * every file, for {@link Changes#UNKNOWN}). A failed build leaves the last good site served and
   * is forgotten: the next one looks at every file.
   */
  public Pipeline.Built rebuild(SiteRoot site, Changes seen, Instant now, Progress progress)
      throws SiteException, Refused {
    Pipeline pipeline = new Pipeline(memo, progress);
    Pipeline.Built built;
    try {
      built =
          pipeline.build(
              LoadRequest.toBuild(site).withChanges(seen).withSealingKey(sealingKey),
              new Pipeline.BuildRequest(now, plan, OutputFormats.ALL, true, false),
              () -> served);
    } catch (Throwable e) {
      // Whatever went wrong, an Error too, the half-made build is not remembered.
      memo.abandon();
      throw e;
    }
    memo.commit();
    String path = URI.create(built.publication().config().baseUrl()).getPath();
    basePath = path == null || path.isEmpty() ? "/" : path;
    remakeBundles(built.publication());
    return built;
  }

  /** The path of the latest good build's base URL, ending in a slash: "/" at a host's root. */
  public String basePath() {
    return basePath;
  }

  /** How many files the latest build wrote. */
  public int written() {
    return served.written();
  }

  /**
   * The exports' files made of every advisory at once, made in the background from what {@code
   * publication} publishes.
   */
  private void remakeBundles(Publication publication) {
    Memo reading = memo.reading();
    served.remakeBundles(
        new BundleInputs(
            publication.catalog().advisories(), publication.config(), publication.commits()),
        () -> {
          Map<String, byte[]> made = new TreeMap<>();
          FileSink sink = FileSink.inMemory(made);
          for (OutputFormat f : OutputFormats.ALL) {
            if (publication.config().publishes(f.name()))
              f.writeBundles(publication, sink.under(f.folder()), reading, true);
          }
          return made;
        });
  }

  /**
   * Ends the background work, waiting at most {@code millis}: nothing is written into the folder
   * once this returns.
   */
  public void close(long millis) throws InterruptedException {
    served.stopBundles();
    background.shutdownNow();
    background.awaitTermination(millis, TimeUnit.MILLISECONDS);
  }
}
