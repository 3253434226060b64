package dev.disclose.pipeline;

import dev.disclose.catalog.EmbargoPolicy;
import dev.disclose.check.CheckedSite;
import dev.disclose.check.SiteChecker;
import dev.disclose.config.SiteConfig;
import dev.disclose.discovery.RobotsTxtFormat;
import dev.disclose.discovery.SecurityTxtFormat;
import dev.disclose.format.FileSink;
import dev.disclose.format.OutputFormat;
import dev.disclose.load.AdvisoryReader.AdvisoryFile;
import dev.disclose.load.LoadRequest;
import dev.disclose.load.SiteException;
import dev.disclose.load.SiteLoader;
import dev.disclose.load.SiteRoot;
import dev.disclose.load.SiteSources;
import dev.disclose.load.SourceDigest;
import dev.disclose.load.StorageFailure;
import dev.disclose.memo.Memo;
import dev.disclose.plan.PlanRequest;
import dev.disclose.plan.Publication;
import dev.disclose.plan.SitePlanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stages every command runs, in the order they run: load (the site's files, read and parsed) →
 * check (every finding, and what is public at {@code now}) → plan (every page, feed and search
 * document) → write (the pages rendered and the formats written into an output). A one-off build
 * runs them with no memory of earlier builds; the preview server gives them its {@link Memo}, so
 * that each rebuild redoes only what changed.
 */
public final class Pipeline {
  /**
   * How to build: when, into which site, with which formats, whether their bundles come later, and
   * whether the output is for publication: then it is refused from a shallow clone whose history it
   * would read, and holds {@link BuildManifest#FILE}.
   */
  public record BuildRequest(
      Instant now,
      PlanRequest plan,
      List<OutputFormat> formats,
      boolean bundlesLater,
      boolean published) {
    public BuildRequest {
      formats = List.copyOf(formats);
      if (published && plan.preview())
        throw new IllegalArgumentException("a preview is never published");
    }

    /**
     * A whole build at {@code now}: every format the site publishes, bundles included, for
     * publication unless it is a preview.
     */
    public static BuildRequest at(Instant now, PlanRequest plan) {
      return new BuildRequest(now, plan, OutputFormats.ALL, false, !plan.preview());
    }
  }

  /**
   * What a build did: {@code rendered} of its {@code pages} were rendered, of its {@code files} in
   * all, which came to {@code bytes} as written; {@code publication}: what it published, the
   * catalog alone; {@code sealedSkipped}: the sealed advisories it could not open for want of a
   * key.
   */
  public record Built(
      int advisories,
      int pages,
      int files,
      long bytes,
      int rendered,
      long millis,
      Publication publication,
      int sealedSkipped) {}

  private final Progress progress;
  private final SiteLoader loader;
  private final SiteChecker checker;
  private final SitePlanner planner;
  private final SiteWriter writer;

  public Pipeline(Memo memo, Progress progress) {
    this.progress = progress;
    this.loader = new SiteLoader(memo, OutputFormats.names());
    this.checker = new SiteChecker(memo);
    this.planner = new SitePlanner(memo);
    this.writer = new SiteWriter(memo, progress);
  }

  /** The stages of a one-off command: nothing remembered, every value made. */
  public static Pipeline oneOff() {
    return new Pipeline(Memo.NONE, Progress.NONE);
  }

  /** The site's configuration alone. */
  public SiteConfig config(SiteRoot root) throws SiteException {
    return loader.config(root).config();
  }

  /** The site's files, read and parsed. */
  public SiteSources load(LoadRequest request) throws SiteException {
    return loader.load(request);
  }

  /** Every finding of the site as of {@code now} ({@code disclose validate}). */
  public CheckedSite check(LoadRequest request, Instant now) throws SiteException {
    return checker.check(loader.load(request), now);
  }

  /** As {@link #check}, refused when it finds errors: what every output is made of. */
  public CheckedSite checkClean(LoadRequest request, Instant now) throws SiteException, Refused {
    CheckedSite checked = check(request, now);
    if (checked.errors() > 0) throw new Refused(checked);
    return checked;
  }

  /**
   * Builds the site of {@code load} into the output {@code output} opens: refused, with nothing
   * written, when the check finds errors; on any failure the output is abandoned whole.
   */
  public Built build(LoadRequest load, BuildRequest request, SiteOutput.Opener output)
      throws SiteException, Refused {
    long start = System.nanoTime();
    progress.phase("validating");
    CheckedSite checked = checkClean(load, request.now());
    checked.sources().build().orElseThrow().requireReadable();
    progress.phase("planning pages, search documents and similar advisories");
    Publication publication = planner.publication(checked, request.plan());
    Optional<SourceDigest.Pending> files = Optional.empty();
    if (request.published()) {
      ShallowHistory.refuse(publication);
      List<Path> publicFiles = new ArrayList<>();
      for (AdvisoryFile f : checked.sources().files()) {
        f.advisory()
            .filter(a -> EmbargoPolicy.isPublic(a, request.now()))
            .ifPresent(a -> publicFiles.add(f.path()));
      }
      files =
          Optional.of(
              SourceDigest.ahead(
                  load.root(), checked.config(), publicFiles, publication.commits()));
    }
    SiteOutput opened = output.open();
    CountedOutput out = new CountedOutput(opened);
    HashedOutput hashed =
        request.published()
            ? new HashedOutput(out, opened instanceof FolderOutput f ? f.memory() : null)
            : null;
    // A preview always tells search engines to keep out, whatever formats: chooses.
    List<OutputFormat> formats =
        request.formats().stream()
            .filter(
                f ->
                    publication.config().publishes(f.name())
                        || (publication.preview() && f.name().equals(RobotsTxtFormat.NAME)))
            .toList();
    SiteWriter.Run writing =
        writer.begin(publication, hashed != null ? hashed : out, formats, !request.bundlesLater());
    try {
      // Planned where it is written: nothing holds the plan once its pages are.
      SiteWriter.Written written = writing.finish(planner.plan(checked, publication));
      progress.phase("publishing");
      if (hashed != null) {
        // Beside the files it describes, not among them.
        out.put(
            BuildManifest.FILE, manifest(checked, publication, files.get().get(), hashed).json());
      }
      out.commit();
      return new Built(
          publication.catalog().size(),
          written.pages(),
          written.files() + (hashed != null ? 1 : 0),
          out.bytes(),
          written.rendered(),
          (System.nanoTime() - start) / 1_000_000,
          publication,
          checked.sources().sealedSkipped());
    } catch (SiteException e) {
      abandon(writing, out, e);
      throw e;
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      abandon(writing, out, e);
      throw new SiteException(
          "the build failed: " + StorageFailure.describe(e) + "; the previous output is untouched",
          e);
    } catch (RuntimeException | Error e) {
      // An Error too (out of memory, say): never leave a half-written output behind.
      abandon(writing, out, e);
      throw e;
    }
  }

  /** The manifest of a published build of {@code checked}, whose files {@code hashed} holds. */
  private static BuildManifest manifest(
      CheckedSite checked, Publication publication, SourceDigest files, HashedOutput hashed) {
    String generator = GeneratorVersion.current();
    Instant now = checked.now();
    return new BuildManifest(
        generator,
        BuildManifest.sources(files.hex(), generator),
        hashed.content(),
        publication.config().publishes(SecurityTxtFormat.NAME)
            ? Optional.of(SecurityTxtFormat.nextRenewal(now))
            : Optional.empty());
  }

  private static void abandon(SiteWriter.Run writing, SiteOutput out, Throwable failure) {
    writing.abandon(failure);
    out.abandon(failure);
  }

  /**
   * Writes the public advisories of a clean check in one format into {@code sink} ({@code disclose
   * export}); a format of the planned site plans it first.
   */
  public OutputFormat.Written export(CheckedSite checked, OutputFormat format, FileSink sink)
      throws IOException, SiteException {
    Publication publication = planner.publication(checked, PlanRequest.PUBLIC);
    ShallowHistory.refuse(publication);
    if (format.readsPlan()) publication = planner.plan(checked, publication).publication();
    return format.writeAll(publication, sink, Memo.NONE);
  }

  /**
   * The folder output of a one-off build into {@code out}: staged, then swapped in whole. What
   * killed builds left beside it is dealt with first: the output put back if it is missing, their
   * staging folders removed.
   */
  public static SiteOutput.Opener folder(Path out, Path siteRoot, boolean preview)
      throws SiteException {
    return FolderOutput.of(out, siteRoot, preview);
  }
}
