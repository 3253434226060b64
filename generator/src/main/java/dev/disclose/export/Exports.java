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
import dev.disclose.urls.SitePaths;
import dev.disclose.load.LastCommitTimes;
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
   * two VEX documents), which the preview server makes in the background. {@code osv} makes an
   * advisory's OSV record and file (the preview server's reuses the previous build's for the same
   * advisory). {@code background}: made beside the preview server's next builds, so on one
   * thread (a build writes the two VEX documents at once).
   */
  public record Parts(boolean records, boolean bundles, OsvMaker osv, RustSecMaker rustsec, boolean background) {
    public static final Parts ALL = new Parts(true, true, Exports::osv, Exports::rustsec, false);
  }

  /** A file of an export: its path in the export's folder, and its bytes. */
  public record ExportFile(String path, byte[] bytes) {}

  /** Makes an advisory's RustSec files: a function of the advisory and its page's URL. */
  @FunctionalInterface
  public interface RustSecMaker {
    List<ExportFile> make(Advisory advisory, String advisoryUrl);
  }

  /** The advisory's RustSec files, one per crate (none without a crates.io package). */
  public static List<ExportFile> rustsec(Advisory advisory, String advisoryUrl) {
    return RustSecExporter.export(advisory, advisoryUrl).stream()
        .map(f -> new ExportFile(f.path(), f.text().getBytes(StandardCharsets.UTF_8))).toList();
  }

  /** An advisory's OSV record, and its file's bytes. */
  public record OsvFile(OsvRecord record, byte[] json) {}

  /** Makes an advisory's OSV file: a function of the advisory, the settings and its last commit's time. */
  @FunctionalInterface
  public interface OsvMaker {
    OsvFile make(Advisory advisory, OsvExporter.Settings settings, java.util.Optional<java.time.Instant> lastCommit);
  }

  /** The advisory's OSV record and file. */
  public static OsvFile osv(Advisory advisory, OsvExporter.Settings settings, java.util.Optional<java.time.Instant> lastCommit) {
    OsvRecord record = OsvExporter.toOsv(advisory, settings, lastCommit);
    return new OsvFile(record, OsvFiles.json(record));
  }

  /** Writes the files of {@code format} into {@code sink} as they are made. */
  public static Written write(Format format, Catalog catalog, SiteConfig config, LastCommitTimes commits, FileSink sink)
      throws IOException {
    return write(format, catalog, config, commits, sink, Parts.ALL);
  }

  /** Writes the {@code parts} of {@code format} into {@code sink} as they are made. */
  public static Written write(Format format, Catalog catalog, SiteConfig config, LastCommitTimes commits, FileSink sink,
      Parts parts) throws IOException {
    String base = config.baseUrl();
    return switch (format) {
      case OSV -> {
        OsvExporter.Settings settings = OsvExporter.Settings.of(config);
        // Made in parallel, in ID order: on 10,000 advisories this was seconds on one core.
        List<OsvFile> made = catalog.advisories().parallelStream()
            .map(a -> parts.osv().make(a, settings, commits.of(a.source().relativePath())))
            .sorted(java.util.Comparator.comparing(f -> f.record().id())).toList();
        OsvFiles.Serialized serialized = new OsvFiles.Serialized(made.stream().map(OsvFile::record).toList(),
            made.stream().map(OsvFile::json).toList());
        yield new Written(OsvFiles.write(serialized, sink, parts.records(), parts.bundles()), List.of());
      }
      case RUSTSEC -> {
        if (!parts.records()) yield new Written(0, List.of());
        java.util.Set<String> files = new java.util.HashSet<>();
        List<String> notes = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Advisory a : catalog.advisories()) {
          List<ExportFile> out = parts.rustsec().make(a, base + SitePaths.advisory(a.id()));
          if (out.isEmpty()) skipped.add(a.id());
          if (out.size() > 1) {
            notes.add(a.id() + " affects " + out.size() + " crates: RustSec files one advisory per crate, "
                + "so each file is a separate submission and gets its own RUSTSEC ID");
          }
          for (ExportFile f : out) {
            sink.put(f.path(), f.bytes());
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
        if (parts.background()) {
          try (OutputStream json = sink.open("vex.json")) {
            VexExporter.writeJson(bom, json);
          }
          try (OutputStream xml = sink.open("vex.xml")) {
            VexExporter.writeXml(bom, xml);
          }
        } else {
          try (OutputStream json = sink.open("vex.json"); OutputStream xml = sink.open("vex.xml")) {
            VexExporter.writeBoth(bom, json, xml);
          }
        }
        yield new Written(2, List.of());
      }
    };
  }
}
