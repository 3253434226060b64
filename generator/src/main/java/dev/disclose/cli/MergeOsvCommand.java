package dev.disclose.cli;

import dev.disclose.osv.OsvScannerMerge;
import dev.disclose.osv.OsvScannerMerge.Incoming;
import dev.disclose.report.TerminalText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "merge-osv",
    mixinStandardHelpOptions = true,
    description = {
      "Merges OSV records into osv-scanner's offline databases, beside OSV.dev's.",
      "Each goes into DIR/<Ecosystem>/all.zip, which must hold OSV.dev's database",
      "already: osv-scanner reads that zip instead of OSV.dev's whole database.",
      "SOURCE: this site's osv/ folder, its all.zip or <Ecosystem>/all.zip, or",
      "OSV JSON files. DIR: osv-scanner's local database folder, in the user cache",
      "folder: osv-scanner/ up to osv-scanner 2.4, osv-scalibr/ from 2.5."
    },
    footer = {
      "",
      "Exit codes: 0 merged (with a note for each ecosystem without a database in",
      "DIR), 1 no ecosystem of the records has one, 2 usage or I/O error."
    })
final class MergeOsvCommand implements Callable<Integer> {
  @ParentCommand DiscloseCommand parent;

  @Option(
      names = "--into",
      required = true,
      paramLabel = "DIR",
      description = "The folder holding <Ecosystem>/all.zip.")
  Path into;

  @Parameters(paramLabel = "SOURCE", arity = "1..*", description = "Folders, zips or JSON files.")
  List<Path> sources;

  @Override
  public Integer call() {
    Environment env = parent.env();
    Path dir = env.workingDirectory().resolve(into);
    Map<String, Incoming> records = new TreeMap<>();
    try {
      for (Path source : sources) read(env.workingDirectory().resolve(source), records);
    } catch (IOException e) {
      env.err().println("disclose: " + TerminalText.visible(e.getMessage()));
      return Main.USAGE;
    }
    if (!Files.isDirectory(dir)) {
      env.err()
          .println(
              "disclose: "
                  + TerminalText.visible(dir.toString())
                  + " is not a folder; give osv-scanner's local database folder, where"
                  + " osv-scanner --offline-vulnerabilities --download-offline-databases put"
                  + " OSV.dev's <Ecosystem>/all.zip");
      return Main.USAGE;
    }
    Map<String, List<Incoming>> byEcosystem = new TreeMap<>();
    for (Incoming r : records.values())
      for (String e : r.ecosystems()) byEcosystem.computeIfAbsent(e, x -> new ArrayList<>()).add(r);
    int mergedZips = 0;
    for (Map.Entry<String, List<Incoming>> e : byEcosystem.entrySet()) {
      Path zip = dir.resolve(e.getKey()).resolve("all.zip");
      if (!Files.isRegularFile(zip)) {
        env.err()
            .println(
                "note: "
                    + TerminalText.visible(zip.toString())
                    + " is missing: skipped "
                    + e.getValue().size()
                    + " "
                    + e.getKey()
                    + " records; download OSV.dev's "
                    + e.getKey()
                    + " database there first (osv-scanner --offline-vulnerabilities"
                    + " --download-offline-databases, or https://osv-vulnerabilities.storage.googleapis.com/"
                    + e.getKey()
                    + "/all.zip), then merge again");
        continue;
      }
      try {
        OsvScannerMerge.Merged merged = merge(zip, e.getValue());
        mergedZips++;
        env.out()
            .println(
                TerminalText.visible(zip.toString())
                    + ": "
                    + merged.added()
                    + " added, "
                    + merged.replaced()
                    + " replaced"
                    + (merged.keptNewer() > 0
                        ? ", " + merged.keptNewer() + " kept (OSV.dev's is newer)"
                        : ""));
      } catch (IOException x) {
        env.err()
            .println(
                "disclose: "
                    + TerminalText.visible(zip.toString())
                    + ": "
                    + TerminalText.visible(String.valueOf(x.getMessage()))
                    + "; download OSV.dev's database for "
                    + e.getKey()
                    + " again, then merge");
        return Main.USAGE;
      }
    }
    return mergedZips == 0 && !byEcosystem.isEmpty() ? Main.FINDINGS : Main.OK;
  }

  /** The records of a folder (its JSON files but all.json), a zip, or a JSON file. */
  private static void read(Path source, Map<String, Incoming> records) throws IOException {
    if (Files.isDirectory(source)) {
      try (Stream<Path> walk = Files.walk(source)) {
        for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
          String name = f.getFileName().toString();
          if (name.endsWith(".json") && !name.equals("all.json")) add(f, records);
        }
      }
    } else if (source.getFileName().toString().endsWith(".zip")) {
      try (InputStream in = Files.newInputStream(source);
          ZipInputStream zip = new ZipInputStream(in)) {
        for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
          if (!e.getName().endsWith(".json")) continue;
          put(OsvScannerMerge.read(zip.readAllBytes(), source + "!" + e.getName()), records);
        }
      }
    } else if (Files.isRegularFile(source)) {
      add(source, records);
    } else {
      throw new IOException(
          source + " does not exist; give this site's osv/ folder or a zip of it");
    }
  }

  private static void add(Path file, Map<String, Incoming> records) throws IOException {
    put(OsvScannerMerge.read(Files.readAllBytes(file), file.toString()), records);
  }

  /** The latest-modified of two records with one ID. */
  private static void put(Incoming r, Map<String, Incoming> records) {
    records.merge(r.id(), r, (a, b) -> b.modified().isAfter(a.modified()) ? b : a);
  }

  /** Writes the merged zip beside the old one, then moves it over, so a failure leaves it whole. */
  private static OsvScannerMerge.Merged merge(Path zip, List<Incoming> records) throws IOException {
    Path temp = Files.createTempFile(zip.getParent(), ".all.zip.", ".merging");
    try {
      OsvScannerMerge.Merged merged;
      try (InputStream in = Files.newInputStream(zip);
          OutputStream out = Files.newOutputStream(temp)) {
        merged = OsvScannerMerge.merge(in, records, out);
      }
      try {
        Files.move(temp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, zip, StandardCopyOption.REPLACE_EXISTING);
      }
      return merged;
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
