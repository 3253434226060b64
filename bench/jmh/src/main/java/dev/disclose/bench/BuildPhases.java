package dev.disclose.bench;

import dev.disclose.catalog.Catalog;
import dev.disclose.cwe.CweCatalog;
import dev.disclose.export.Exports;
import dev.disclose.feed.Feed;
import dev.disclose.feed.JsonFeedWriter;
import dev.disclose.feed.RomeFeedWriter;
import dev.disclose.pages.PageRenderer;
import dev.disclose.markdown.MarkdownRenderer;
import dev.disclose.search.SearchIndexWriter;
import dev.disclose.search.SimilarAdvisories;
import dev.disclose.plan.PageSpec;
import dev.disclose.plan.SitePlanner;
import dev.disclose.load.LastCommitTimes;
import dev.disclose.load.PathDisplay;
import dev.disclose.load.SiteRoot;
import dev.disclose.check.SiteValidator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Each phase of {@code disclose build} on a whole site, one benchmark per phase, so that a change
 * to one hot path is measured by itself and not through the noise of a full build (whose wall time
 * moves by ±20 % with the file system's state here). The site is a bench/generate.py corpus,
 * {@code -p site=bench/.corpora/site-1000}; every phase runs on all of it, as the build does.
 * Forks run with the launcher's JIT and collector ({@code -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmn128m}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xmn128m", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BuildPhases {
  /** The site root: a folder with site-config.yaml and advisories/. */
  @Param("bench/.corpora/site-1000")
  public String site;

  private SiteRoot opened;
  private Catalog catalog;
  private SitePlanner.Inputs inputs;
  private SitePlanner.Plan plan;
  private PageRenderer renderer;
  private final Instant now = Instant.parse("2026-11-23T00:00:00Z");

  @Setup(Level.Trial)
  public void load() throws Exception {
    Path root = Path.of(site).toAbsolutePath().normalize();
    opened = SiteRoot.open(root, new PathDisplay(root));
    SiteValidator.Report report = SiteValidator.validate(opened, now, List.of());
    if (report.errors() > 0) throw new IllegalStateException(site + " has " + report.errors() + " validation errors");
    catalog = Catalog.publicAt(report.advisories(), now);
    inputs = new SitePlanner.Inputs(opened.config().config(), Optional.empty(), LastCommitTimes.none(),
        CweCatalog.bundled(), MarkdownRenderer::render, List.of(), Optional.empty());
    plan = SitePlanner.planSite(catalog, inputs);
    renderer = new PageRenderer(Optional.empty(), SitePlanner.siteView(opened.config().config()));
  }

  /** Reading, parsing and checking every advisory file: what {@code disclose validate} does. */
  @Benchmark
  public SiteValidator.Report validate() throws Exception {
    return SiteValidator.validate(opened, now, List.of());
  }

  @Benchmark
  public Object similarAdvisories() {
    return SimilarAdvisories.of(catalog.advisories());
  }

  /** Every advisory's details, Markdown to sanitized HTML. */
  @Benchmark
  public void markdown(Blackhole hole) {
    catalog.advisories().parallelStream().forEach(a -> hole.consume(MarkdownRenderer.render(a.details())));
  }

  /** The whole plan: views (with Markdown), similar advisories, feeds and search documents. */
  @Benchmark
  public SitePlanner.Plan plan() {
    return SitePlanner.planSite(catalog, inputs);
  }

  /** Every page through its Pebble template, in parallel as the build renders them. */
  @Benchmark
  public void renderPages(Blackhole hole) {
    List<PageSpec> pages = plan.pages();
    pages.parallelStream().forEach(p -> hole.consume(renderer.render(p)));
  }

  @Benchmark
  public Object searchIndex() {
    return SearchIndexWriter.write(plan.searchDocs());
  }

  /** Every feed in its three formats. */
  @Benchmark
  public void feeds(Blackhole hole) {
    plan.feeds().parallelStream().forEach(f -> {
      hole.consume(RomeFeedWriter.rss(f));
      hole.consume(RomeFeedWriter.atom(f));
      hole.consume(JsonFeedWriter.json(f));
    });
  }

  /** OSV (records, zips), RustSec and CycloneDX VEX, one after the other as the build writes them. */
  @Benchmark
  public void exports(Blackhole hole) {
    for (Exports.Format format : Exports.Format.values()) {
      hole.consume(Exports.of(format, catalog, opened.config().config(), LastCommitTimes.none()).files());
    }
  }
}
