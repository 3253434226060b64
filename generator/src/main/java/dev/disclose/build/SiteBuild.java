package dev.disclose.build;

import dev.disclose.catalog.Catalog;
import dev.disclose.config.SiteConfig;
import dev.disclose.cwe.CweCatalog;
import dev.disclose.osv.OsvExporter;
import dev.disclose.osv.OsvRecord;
import dev.disclose.output.PageRenderer;
import dev.disclose.output.SiteFiles;
import dev.disclose.render.MarkdownRenderer;
import dev.disclose.render.SafeHtml;
import dev.disclose.site.PageSpec;
import dev.disclose.site.SitePaths;
import dev.disclose.site.SitePlanner;
import dev.disclose.source.LastCommitTimes;
import dev.disclose.source.Site;
import dev.disclose.source.SiteException;
import dev.disclose.validate.SiteValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * {@code disclose build}: the whole pipeline, in the order it runs —
 * validate → catalog (public advisories only) → plan pages → render and write → publish.
 * Writing goes to a staging folder that replaces the output only on success.
 */
public final class SiteBuild {
  private SiteBuild() {}

  /** How to build. {@code baseUrl} overrides site-config.yaml's, for previews and CI. */
  public record Options(Path out, Optional<String> baseUrl, Instant now, IntConsumer progress) {}

  /** What a build did. */
  public record Result(int advisories, int pages, int files, long millis) {}

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

  public static Result run(Site site, Options options) throws SiteException, Refused {
    long start = System.nanoTime();
    SiteValidator.Report report = SiteValidator.validate(site, options.now(), List.of());
    if (report.errors() > 0) throw new Refused(report);

    SiteConfig config = options.baseUrl().map(u -> withBaseUrl(site.config().config(), u)).orElse(site.config().config());
    Catalog catalog = Catalog.publicAt(report.advisories(), options.now());
    Optional<Path> theme = config.theme().map(t -> site.root().resolve(t).normalize());
    SitePlanner.Inputs inputs = new SitePlanner.Inputs(config, policy(site, config),
        LastCommitTimes.read(site.root()), CweCatalog.bundled());
    List<PageSpec> pages = SitePlanner.plan(catalog, inputs);

    Path staging = AtomicPublisher.stage(options.out(), site.root());
    try {
      PageRenderer renderer = new PageRenderer(theme, SitePlanner.siteView(config));
      AtomicInteger done = new AtomicInteger();
      pages.parallelStream().forEach(page -> {
        write(staging, page.file(), renderer.render(page));
        options.progress().accept(done.incrementAndGet());
      });
      int osvFiles = writeOsv(staging, catalog, config, inputs.commits());
      String base = config.baseUrl().endsWith("/") ? config.baseUrl() : config.baseUrl() + "/";
      write(staging, "sitemap.xml", SiteFiles.sitemap(pages));
      write(staging, "robots.txt", SiteFiles.robots(base));
      write(staging, ".well-known/security.txt", SiteFiles.securityTxt(config, base, options.now()));
      int files = pages.size() + 3 + osvFiles;
      for (Map.Entry<String, byte[]> asset : ThemeAssets.load(theme).entrySet()) {
        Path file = staging.resolve("assets").resolve(asset.getKey()).normalize();
        if (!file.startsWith(staging)) continue;
        Files.createDirectories(file.getParent());
        Files.write(file, asset.getValue());
        files++;
      }
      AtomicPublisher.publish(staging, options.out());
      return new Result(catalog.size(), pages.size(), files, (System.nanoTime() - start) / 1_000_000);
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      AtomicPublisher.discard(staging);
      throw new SiteException("the build failed: " + e.getMessage() + "; the previous output is untouched", e);
    } catch (RuntimeException e) {
      AtomicPublisher.discard(staging);
      throw e;
    }
  }

  /**
   * One OSV record per public advisory under {@code osv/}, named by its OSV ID, and {@code
   * all.json}, the {@code [{id, modified}]} list OSV.dev's REST-source ingestion reads.
   */
  private static int writeOsv(Path staging, Catalog catalog, SiteConfig config, LastCommitTimes commits) {
    OsvExporter.Settings settings = SitePlanner.osvSettings(config);
    List<OsvRecord> records = catalog.advisories().parallelStream()
        .map(a -> OsvExporter.toOsv(a, settings, commits.of(a.source().relativePath()))).toList();
    records.parallelStream().forEach(r -> write(staging, SitePaths.osvJson(r.id()), OsvExporter.json(r)));
    StringBuilder all = new StringBuilder("[\n");
    List<OsvRecord> byId = records.stream().sorted(java.util.Comparator.comparing(OsvRecord::id)).toList();
    for (int i = 0; i < byId.size(); i++) {
      all.append("  {\"id\": \"").append(byId.get(i).id()).append("\", \"modified\": \"")
          .append(byId.get(i).modified()).append("\"}").append(i + 1 < byId.size() ? ",\n" : "\n");
    }
    write(staging, "osv/all.json", all.append("]\n").toString());
    return records.size() + 1;
  }

  /** The security policy page, from the Markdown file site-config.yaml names (inside the site). */
  private static Optional<SafeHtml> policy(Site site, SiteConfig config) throws SiteException {
    if (config.policy().isEmpty()) return Optional.empty();
    Path file = site.root().resolve(config.policy().get()).normalize();
    try {
      if (!file.startsWith(site.root()) || !file.toRealPath().startsWith(site.root().toRealPath())) {
        throw new SiteException("`policy` in site-config.yaml must name a file inside the site: " + config.policy().get());
      }
      if (Files.size(file) > 1024 * 1024) throw new SiteException(config.policy().get() + " is larger than 1 MiB");
      return Optional.of(MarkdownRenderer.render(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new SiteException("cannot read the policy page " + config.policy().get() + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path root, String relative, String text) {
    Path file = root.resolve(relative).normalize();
    if (!file.startsWith(root)) throw new IllegalStateException("refusing to write outside the output: " + relative);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SiteConfig withBaseUrl(SiteConfig c, String baseUrl) {
    return new SiteConfig(c.title(), baseUrl, c.idPrefix(), c.securityContact(), c.policy(), c.repository(),
        c.description(), c.theme(), c.packages(), c.responseTargets(), c.languages(), c.osvPrefixRegistered());
  }

}
