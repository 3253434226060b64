package dev.disclose.importing;

import dev.disclose.load.StrictUtf8;
import dev.disclose.rustsec.RustSecImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code disclose import rustsec}: RustSec advisory-db files (a checkout of advisory-db, a folder
 * of its files, single files or a zip) → advisories, which {@link AdvisoryImport} numbers and
 * writes. In folders and zips, the Markdown files named like advisories ({@code RUSTSEC-….md}, and
 * the {@code .toml} files of advisory-db's older layout) are read; README.md and the like are not.
 */
public final class RustSecImport {
  private static final Pattern ADVISORY_FILE = Pattern.compile("RUSTSEC-\\d{4}-\\d{4}\\.(md|toml)");

  private RustSecImport() {}

  /**
   * Every advisory-db file under {@code paths}; a file named explicitly is read whatever its name.
   */
  public static List<AdvisoryImport.Input> inputs(List<Path> paths) throws IOException {
    List<AdvisoryImport.Input> out = new ArrayList<>();
    for (Path p : paths) {
      boolean named = Files.isRegularFile(p) && !p.toString().endsWith(".zip");
      out.addAll(
          ImportInputs.read(List.of(p), name -> named || ADVISORY_FILE.matcher(name).matches()));
    }
    return out;
  }

  public static List<AdvisoryImport.Candidate> candidates(List<AdvisoryImport.Input> inputs) {
    List<AdvisoryImport.Candidate> out = new ArrayList<>();
    for (AdvisoryImport.Input in : inputs) {
      String name =
          in.origin()
              .substring(Math.max(in.origin().lastIndexOf('/'), in.origin().lastIndexOf('!')) + 1);
      try {
        if (in.bytes().length > AdvisoryImport.MAX_BYTES) {
          out.add(
              AdvisoryImport.Candidate.failed(
                  in.origin(), "", "not a RustSec advisory: larger than 1 MiB"));
          continue;
        }
        StrictUtf8.Decoded decoded = StrictUtf8.decode(in.bytes());
        if (decoded instanceof StrictUtf8.Decoded.Invalid invalid) {
          out.add(
              AdvisoryImport.Candidate.failed(
                  in.origin(),
                  "",
                  "not a RustSec advisory: line "
                      + invalid.position().line()
                      + ", column "
                      + invalid.position().column()
                      + ": not UTF-8 text"));
          continue;
        }
        String text = ((StrictUtf8.Decoded.Text) decoded).text();
        RustSecImporter.Imported imported = RustSecImporter.read(text, Path.of(name), name);
        List<String> notes = new ArrayList<>(imported.notes());
        out.add(
            AdvisoryImport.Candidate.of(
                in.origin(), ForeignRecordTidy.tidy(imported.advisory(), notes), notes));
      } catch (RustSecImporter.RustSecException e) {
        out.add(
            AdvisoryImport.Candidate.failed(
                in.origin(), "", "not a RustSec advisory: " + e.getMessage()));
      } catch (RuntimeException e) {
        // A shape no check above foresaw: this file is reported, the others still imported.
        out.add(
            AdvisoryImport.Candidate.failed(
                in.origin(),
                "",
                "not a RustSec advisory: cannot read it"
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")));
      }
    }
    return out;
  }
}
