package dev.disclose.bench;

import dev.disclose.check.CheckedSite;
import dev.disclose.check.SiteChecker;
import dev.disclose.format.FileSink;
import dev.disclose.format.OutputFormat;
import dev.disclose.load.LoadRequest;
import dev.disclose.load.PathDisplay;
import dev.disclose.load.SiteLoader;
import dev.disclose.load.SiteRoot;
import dev.disclose.load.SiteSources;
import dev.disclose.markdown.MarkdownRenderer;
import dev.disclose.memo.Memo;
import dev.disclose.pages.PageRenderer;
import dev.disclose.pipeline.OutputFormats;
import dev.disclose.plan.PageSpec;
import dev.disclose.plan.PlanRequest;
import dev.disclose.plan.Publication;
import dev.disclose.plan.SimilarAdvisories;
import dev.disclose.plan.SitePlan;
import dev.disclose.plan.SitePlanner;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
 * Each stage of {@code disclose build} on a whole site, one benchmark per stage or hot part, so
 * that a change to one hot path is measured by itself and not through the noise of a full build.
 * The site is a bench/generate.py corpus, {@code -p site=bench/.corpora/site-1000}; every phase
 * runs on all of it, as the build does. Forks run with the launcher's JIT and collector ({@code
 * -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmn128m}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xmn128m", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BuildPhases {
  /** The site root: a folder with site-config.yaml and advisories/. */
  @Param("bench/.corpora/site-1000")
  public String site;

  private SiteRoot opened;
  private SiteSources sources;
  private CheckedSite checked;
  private Publication publication;
  private SitePlan plan;
  private PageRenderer renderer;
  private final Instant now = Instant.parse("2026-11-23T00:00:00Z");
  private final SitePlanner planner = new SitePlanner(Memo.NONE);

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Path root = Path.of(site).toAbsolutePath().normalize();
    opened = SiteRoot.open(root, new PathDisplay(root));
    sources = new SiteLoader(Memo.NONE, OutputFormats.names()).load(LoadRequest.toBuild(opened));
    checked = new SiteChecker(Memo.NONE).check(sources, now);
    if (checked.errors() > 0)
      throw new IllegalStateException(site + " has " + checked.errors() + " validation errors");
    publication = planner.publication(checked, PlanRequest.PUBLIC);
    plan = planner.plan(checked, publication);
    renderer = new PageRenderer(Optional.empty(), plan.site());
  }

  /** Reading and parsing every advisory file: the load stage. */
  @Benchmark
  public SiteSources load() throws Exception {
    return new SiteLoader(Memo.NONE, OutputFormats.names()).load(LoadRequest.toBuild(opened));
  }

  /** Checking every advisory: with the load, what {@code disclose validate} does. */
  @Benchmark
  public CheckedSite check() {
    return new SiteChecker(Memo.NONE).check(sources, now);
  }

  @Benchmark
  public Object similarAdvisories() {
    return SimilarAdvisories.of(publication.catalog().advisories());
  }

  /** Every advisory's details, Markdown to sanitized HTML. */
  @Benchmark
  public void markdown(Blackhole hole) {
    publication.catalog().advisories().parallelStream()
        .forEach(a -> hole.consume(MarkdownRenderer.render(a.details())));
  }

  /** The whole plan: views (with Markdown), similar advisories, feeds and search documents. */
  @Benchmark
  public SitePlan plan() {
    return planner.plan(checked, publication);
  }

  /** Every page through its Pebble template, in parallel as the build renders them. */
  @Benchmark
  public void renderPages(Blackhole hole) {
    List<PageSpec> pages = plan.pages();
    pages.parallelStream().forEach(p -> hole.consume(renderer.render(p)));
  }

  /** Every output format, one after the other, into memory. */
  @Benchmark
  public void formats(Blackhole hole) throws Exception {
    for (OutputFormat format : OutputFormats.ALL) {
      Map<String, byte[]> files = new TreeMap<>();
      FileSink sink = FileSink.inMemory(files);
      format.writeAll(plan.publication(), sink, Memo.NONE);
      hole.consume(files);
    }
  }
}
