package dev.disclose.osv;

import dev.disclose.site.SitePaths;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The files of an OSV database folder, as OSV's consumers read them:
 * <ul>
 *   <li>{@code <ID>.json}, one record each;
 *   <li>{@code all.json}, the {@code [{"id", "modified"}]} list OSV.dev's REST-source ingestion
 *       polls, with the records beside it;
 *   <li>{@code all.zip}, every record, and {@code <Ecosystem>/all.zip}, the records affecting
 *       one ecosystem: the layout of osv-scanner's offline databases
 *       ({@code --offline-vulnerabilities}, {@code osv-vulnerabilities/<Ecosystem>/all.zip}).
 * </ul>
 * Byte for byte deterministic: entries sorted by name, every zip entry dated 1980-01-01.
 */
public final class OsvFiles {
  /**
   * The earliest time a zip entry can hold (the DOS epoch), set as a local date-time: no clock or
   * time zone of the build machine reaches the bytes.
   */
  private static final java.time.LocalDateTime ZIP_TIME = java.time.LocalDateTime.of(1980, 1, 1, 0, 0);

  private OsvFiles() {}

  /** Relative file name → bytes, in name order. */
  public static Map<String, byte[]> of(List<OsvRecord> records) {
    List<OsvRecord> byId = records.stream().sorted(Comparator.comparing(OsvRecord::id)).toList();
    // Serialized in parallel, in order; then each zip compressed in parallel: on 10,000
    // advisories these were seconds on one core while the other had finished its pages.
    List<byte[]> jsons = byId.parallelStream().map(r -> OsvExporter.json(r).getBytes(StandardCharsets.UTF_8)).toList();
    Map<String, byte[]> files = new TreeMap<>();
    Map<String, byte[]> all = new LinkedHashMap<>();
    Map<String, Map<String, byte[]>> byEcosystem = new TreeMap<>();
    StringBuilder index = new StringBuilder("[\n");
    for (int i = 0; i < byId.size(); i++) {
      OsvRecord r = byId.get(i);
      String name = fileName(r.id());
      byte[] json = jsons.get(i);
      files.put(name, json);
      all.put(name, json);
      for (OsvRecord.Affected a : r.affected()) {
        // osv-scanner's offline databases are per base ecosystem: Debian:12 records are in Debian/.
        String base = a.pkg().ecosystem().split(":", 2)[0];
        byEcosystem.computeIfAbsent(base, e -> new LinkedHashMap<>()).put(name, json);
      }
      index.append("  {\"id\": \"").append(r.id()).append("\", \"modified\": \"").append(r.modified())
          .append("\"}").append(i + 1 < byId.size() ? ",\n" : "\n");
    }
    files.put("all.json", index.append("]\n").toString().getBytes(StandardCharsets.UTF_8));
    Map<String, Map<String, byte[]>> zips = new TreeMap<>();
    zips.put("all.zip", all);
    byEcosystem.forEach((ecosystem, entries) -> zips.put(SitePaths.segment(ecosystem) + "/all.zip", entries));
    List<Map.Entry<String, Map<String, byte[]>>> jobs = List.copyOf(zips.entrySet());
    List<byte[]> zipped = jobs.parallelStream().map(e -> zip(e.getValue())).toList();
    for (int i = 0; i < jobs.size(); i++) files.put(jobs.get(i).getKey(), zipped.get(i));
    return files;
  }

  /** The record's file name: its ID, made safe as a path segment (a no-op for valid OSV IDs). */
  public static String fileName(String id) {
    return SitePaths.segment(id) + ".json";
  }

  static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String name : new ArrayList<>(new TreeMap<>(entries).keySet())) {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(ZIP_TIME);
        zip.putNextEntry(e);
        zip.write(entries.get(name));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
