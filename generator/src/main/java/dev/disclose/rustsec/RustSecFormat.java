package dev.disclose.rustsec;

import dev.disclose.advisory.Advisory;
import dev.disclose.format.FileSink;
import dev.disclose.format.OutputFormat;
import dev.disclose.memo.Memo;
import dev.disclose.memo.Memo.Slot;
import dev.disclose.plan.Publication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * RustSec: for every advisory of a crates.io package, a folder named after its ID holding its files
 * as advisory-db lays them out ({@code <ID>/crates/<crate>/RUSTSEC-0000-0000.md}, or the RUSTSEC ID
 * it already has), ready for a pull request there ({@link RustSecExporter}).
 */
public final class RustSecFormat implements OutputFormat {
  /** One file of the export: its path in the format's folder, and its bytes. */
  public record File(String path, byte[] bytes) {}

  /** An advisory's files, and the notes about them. */
  public record Made(List<File> files, List<String> notes) {}

  /** What an advisory's RustSec files are made of: the advisory, and its page's URL. */
  record FilesInput(Advisory advisory, String url) {}

  static final Slot<FilesInput, Made> FILES = new Slot<>("RustSec files");

  @Override
  public String name() {
    return "rustsec";
  }

  @Override
  public String folder() {
    return "rustsec/";
  }

  @Override
  public String summary() {
    return "<ID>/crates/<crate>/RUSTSEC-0000-0000.md in RustSec advisory-db's layout, one folder a"
        + " pull request (crates.io only).";
  }

  @Override
  public boolean readsPlan() {
    return false;
  }

  @Override
  public Written write(Publication publication, FileSink sink, Memo memo) throws IOException {
    Set<String> files = new HashSet<>();
    List<String> notes = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Advisory a : publication.catalog().advisories()) {
      Made made = files(memo, a, publication.urls().advisory(a.id()));
      if (made.files().isEmpty() && made.notes().isEmpty()) skipped.add(a.id());
      notes.addAll(made.notes());
      for (File f : made.files()) {
        sink.put(f.path(), f.bytes());
        files.add(f.path()); // an advisory naming a crate twice writes its file once
      }
    }
    if (!skipped.isEmpty()) {
      skipped.sort(null);
      notes.add(
          0,
          skipped.size()
              + " advisories without a crates.io package are not RustSec material: "
              + String.join(", ", skipped));
    }
    return new Written(files.size(), notes);
  }

  /** The advisory's RustSec files, one per crate (none without a crates.io package). */
  public static Made files(Memo memo, Advisory advisory, String advisoryUrl) {
    return memo.get(
        FILES,
        advisory.id(),
        new FilesInput(advisory, advisoryUrl),
        in -> {
          RustSecExporter.Export export = RustSecExporter.export(in.advisory(), in.url());
          return new Made(
              export.files().stream()
                  .map(f -> new File(f.path(), f.text().getBytes(StandardCharsets.UTF_8)))
                  .toList(),
              export.notes());
        });
  }
}
