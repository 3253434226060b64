package dev.disclose.export;

import dev.disclose.advisory.Advisory;
import dev.disclose.catalog.Catalog;
import dev.disclose.config.SiteConfig;
import dev.disclose.cyclonedx.VexExporter;
import dev.disclose.osv.OsvExporter;
import dev.disclose.osv.OsvFiles;
import dev.disclose.osv.OsvRecord;
import dev.disclose.rustsec.RustSecExporter;
import dev.disclose.site.SitePaths;
import dev.disclose.site.SitePlanner;
import dev.disclose.source.LastCommitTimes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine-readable formats, each as the files of its own folder: the site publishes them
 * under {@code osv/}, {@code rustsec/} and {@code cyclonedx/}, and {@code disclose export}
 * writes one of them into a folder of its own. Both read the same catalog of public advisories,
 * so an embargo holds in every format.
 */
public final class Exports {
  /** The export formats, named as on the command line and as the site's folders. */
  public enum Format {
    OSV, RUSTSEC, CYCLONEDX;

    public String folder() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Relative path → bytes, and notes for the person exporting (what was left out, and why). */
  public record Output(Map<String, byte[]> files, List<String> notes) {}

  private Exports() {}

  public static Output of(Format format, Catalog catalog, SiteConfig config, LastCommitTimes commits) {
    String base = config.baseUrl().endsWith("/") ? config.baseUrl() : config.baseUrl() + "/";
    return switch (format) {
      case OSV -> {
        OsvExporter.Settings settings = SitePlanner.osvSettings(config);
        List<OsvRecord> records = catalog.advisories().parallelStream()
            .map(a -> OsvExporter.toOsv(a, settings, commits.of(a.source().relativePath()))).toList();
        yield new Output(OsvFiles.of(records), List.of());
      }
      case RUSTSEC -> {
        Map<String, byte[]> files = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Advisory a : catalog.advisories()) {
          List<RustSecExporter.RustSecFile> out = RustSecExporter.export(a, base + SitePaths.advisory(a.id()));
          if (out.isEmpty()) skipped.add(a.id());
          if (out.size() > 1) {
            notes.add(a.id() + " affects " + out.size() + " crates: RustSec files one advisory per crate, "
                + "so each file is a separate submission and gets its own RUSTSEC ID");
          }
          for (RustSecExporter.RustSecFile f : out) files.put(f.path(), f.text().getBytes(StandardCharsets.UTF_8));
        }
        if (!skipped.isEmpty()) {
          skipped.sort(null);
          notes.add(0, skipped.size() + " advisories without a crates.io package are not RustSec material: "
              + String.join(", ", skipped));
        }
        yield new Output(files, notes);
      }
      case CYCLONEDX -> {
        List<VexExporter.Entry> entries = catalog.advisories().stream().map(a -> new VexExporter.Entry(a,
            base + SitePaths.advisory(a.id()), a.effectiveModified(commits.of(a.source().relativePath())))).toList();
        VexExporter.Vex vex = VexExporter.serialize(VexExporter.bom(entries,
            new VexExporter.Settings(config.title(), config.baseUrl())));
        Map<String, byte[]> files = new TreeMap<>();
        files.put("vex.json", vex.json().getBytes(StandardCharsets.UTF_8));
        files.put("vex.xml", vex.xml().getBytes(StandardCharsets.UTF_8));
        yield new Output(files, List.of());
      }
    };
  }
}
