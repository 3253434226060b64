package dev.disclose.export;

import dev.disclose.advisory.Advisory;
import dev.disclose.catalog.Catalog;
import dev.disclose.config.SiteConfig;
import dev.disclose.cyclonedx.VexExporter;
import dev.disclose.files.FileSink;
import dev.disclose.osv.OsvExporter;
import dev.disclose.osv.OsvFiles;
import dev.disclose.osv.OsvRecord;
import dev.disclose.rustsec.RustSecExporter;
import dev.disclose.site.SitePaths;
import dev.disclose.site.SitePlanner;
import dev.disclose.source.LastCommitTimes;
import org.cyclonedx.model.Bom;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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

  /** How many files an export wrote, and its notes. */
  public record Written(int files, List<String> notes) {}

  private Exports() {}

  /** The files of {@code format}, in memory, in name order. */
  public static Output of(Format format, Catalog catalog, SiteConfig config, LastCommitTimes commits) {
    Map<String, byte[]> files = new TreeMap<>();
    try {
      return new Output(files, write(format, catalog, config, commits, FileSink.inMemory(files)).notes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Which of an export's files to write: {@code records}, one file per advisory (or crate) and the
   * OSV index; {@code bundles}, the files made of every advisory at once (the OSV zips and the
   * two VEX documents), which the preview server makes in the background. {@code osvJson}
   * serializes an OSV record.
   */
  public record Parts(boolean records, boolean bundles, java.util.function.Function<OsvRecord, byte[]> osvJson) {
    public static final Parts ALL = new Parts(true, true, OsvFiles::json);
  }

  /** Writes the files of {@code format} into {@code sink} as they are made. */
  public static Written write(Format format, Catalog catalog, SiteConfig config, LastCommitTimes commits, FileSink sink)
      throws IOException {
    return write(format, catalog, config, commits, sink, Parts.ALL);
  }

  /** Writes the {@code parts} of {@code format} into {@code sink} as they are made. */
  public static Written write(Format format, Catalog catalog, SiteConfig config, LastCommitTimes commits, FileSink sink,
      Parts parts) throws IOException {
    String base = config.baseUrl().endsWith("/") ? config.baseUrl() : config.baseUrl() + "/";
    return switch (format) {
      case OSV -> {
        OsvExporter.Settings settings = SitePlanner.osvSettings(config);
        List<OsvRecord> records = catalog.advisories().parallelStream()
            .map(a -> OsvExporter.toOsv(a, settings, commits.of(a.source().relativePath()))).toList();
        yield new Written(OsvFiles.write(OsvFiles.serialize(records, parts.osvJson()), sink, parts.records(), parts.bundles()),
            List.of());
      }
      case RUSTSEC -> {
        if (!parts.records()) yield new Written(0, List.of());
        java.util.Set<String> files = new java.util.HashSet<>();
        List<String> notes = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Advisory a : catalog.advisories()) {
          List<RustSecExporter.RustSecFile> out = RustSecExporter.export(a, base + SitePaths.advisory(a.id()));
          if (out.isEmpty()) skipped.add(a.id());
          if (out.size() > 1) {
            notes.add(a.id() + " affects " + out.size() + " crates: RustSec files one advisory per crate, "
                + "so each file is a separate submission and gets its own RUSTSEC ID");
          }
          for (RustSecExporter.RustSecFile f : out) {
            sink.put(f.path(), f.text().getBytes(StandardCharsets.UTF_8));
            files.add(f.path()); // an advisory naming a crate twice writes its file once
          }
        }
        if (!skipped.isEmpty()) {
          skipped.sort(null);
          notes.add(0, skipped.size() + " advisories without a crates.io package are not RustSec material: "
              + String.join(", ", skipped));
        }
        yield new Written(files.size(), notes);
      }
      case CYCLONEDX -> {
        if (!parts.bundles()) yield new Written(0, List.of());
        List<VexExporter.Entry> entries = catalog.advisories().stream().map(a -> new VexExporter.Entry(a,
            base + SitePaths.advisory(a.id()), a.effectiveModified(commits.of(a.source().relativePath())))).toList();
        Bom bom = VexExporter.bom(entries, new VexExporter.Settings(config.title(), config.baseUrl()));
        try (OutputStream json = sink.open("vex.json")) {
          VexExporter.writeJson(bom, json);
        }
        try (OutputStream xml = sink.open("vex.xml")) {
          VexExporter.writeXml(bom, xml);
        }
        yield new Written(2, List.of());
      }
    };
  }
}
