package dev.disclose.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The records an import reads: files, folders of them and zips of them, with their bytes. */
final class ImportInputs {
  private ImportInputs() {}

  /**
   * Every file under {@code paths} whose name {@code isRecord} accepts: the files named, folders
   * (recursively) and zips, in path order.
   */
  static List<AdvisoryImport.Input> read(List<Path> paths, Predicate<String> isRecord)
      throws IOException {
    List<AdvisoryImport.Input> out = new ArrayList<>();
    for (Path p : paths) {
      List<Path> files;
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          files =
              walk.filter(Files::isRegularFile)
                  .filter(
                      f ->
                          isRecord.test(f.getFileName().toString())
                              || f.toString().endsWith(".zip"))
                  .sorted()
                  .toList();
        }
      } else {
        files = List.of(p);
      }
      for (Path f : files) {
        if (f.toString().endsWith(".zip")) {
          try (ZipInputStream zip =
              new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(f)))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
              if (e.isDirectory()
                  || !isRecord.test(e.getName().substring(e.getName().lastIndexOf('/') + 1)))
                continue;
              byte[] bytes = zip.readNBytes((int) AdvisoryImport.MAX_BYTES + 1);
              out.add(
                  new AdvisoryImport.Input(
                      f + "!" + e.getName(),
                      bytes,
                      e.getName().endsWith(".yaml") || e.getName().endsWith(".yml")));
            }
          }
        } else {
          if (Files.size(f) > AdvisoryImport.MAX_BYTES) {
            out.add(
                new AdvisoryImport.Input(
                    f.toString(), new byte[(int) AdvisoryImport.MAX_BYTES + 1], false));
            continue;
          }
          out.add(
              new AdvisoryImport.Input(
                  f.toString(),
                  Files.readAllBytes(f),
                  f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")));
        }
      }
    }
    return out;
  }
}
