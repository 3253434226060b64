package dev.disclose.osv;

import dev.disclose.concurrent.Threads;
import dev.disclose.format.FileSink;
import dev.disclose.urls.SitePaths;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The files of an OSV database folder, as OSV's consumers read them:
 *
 * <ul>
 *   <li>{@code <ID>.json}, one record each;
 *   <li>{@code all.json}, the {@code [{"id", "modified"}]} list OSV.dev's REST-source ingestion
 *       polls, with the records beside it;
 *   <li>{@code all.zip}, every record, and {@code <Ecosystem>/all.zip}, the records affecting one
 *       ecosystem: the layout of osv-scanner's offline databases ({@code
 *       --offline-vulnerabilities}, {@code osv-vulnerabilities/<Ecosystem>/all.zip}).
 * </ul>
 *
 * Byte for byte deterministic: entries sorted by name, every zip entry dated at the DOS epoch.
 */
public final class OsvDatabase {
  /**
   * A fixed local date-time for every zip entry, past the JDK's "before 1980" sentinel (1980-01-01
   * 00:00), which it would also write as an extended timestamp converted in the machine's time
   * zone: so no clock or time zone of the build machine reaches the bytes.
   */
  private static final LocalDateTime ZIP_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

  private OsvDatabase() {}

  /** Relative file name → bytes, in name order. */
  public static Map<String, byte[]> of(List<OsvRecord> records) {
    Map<String, byte[]> files = new TreeMap<>();
    try {
      write(records, FileSink.inMemory(files));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** Writes the files into {@code sink}, the zips streamed; returns how many. */
  public static int write(List<OsvRecord> records, FileSink sink) throws IOException {
    return write(serialize(records, OsvDatabase::json), sink, true, true);
  }

  /**
   * The record files and index ({@code records}), the zips ({@code zips}), or both; returns how
   * many files.
   */
  public static int write(Serialized serialized, FileSink sink, boolean records, boolean zips)
      throws IOException {
    // Distinct names: a record whose name another one's (or the index's) takes is one file.
    Set<String> names = new HashSet<>();
    if (records) names.addAll(writeRecords(serialized, sink));
    if (zips) names.addAll(writeZips(serialized, sink));
    return names.size();
  }

  /** A record as its file's bytes. */
  public static byte[] json(OsvRecord record) {
    return OsvExporter.json(record).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The records in ID order, each with its file's bytes: what both the record files and the zips
   * are made of. {@code json} serializes a record (the preview server passes one that remembers the
   * previous build's bytes for an equal record).
   */
  public record Serialized(List<OsvRecord> records, List<byte[]> json) {}

  public static Serialized serialize(List<OsvRecord> records, Function<OsvRecord, byte[]> json) {
    List<OsvRecord> byId = records.stream().sorted(Comparator.comparing(OsvRecord::id)).toList();
    // Serialized in parallel, kept in ID order: each record serializes on its own, so no core
    // waits while another works through them all.
    return new Serialized(byId, byId.parallelStream().map(json).toList());
  }

  /** Each record's file and the {@code all.json} index; returns the names written. */
  public static Set<String> writeRecords(Serialized serialized, FileSink sink) throws IOException {
    List<OsvRecord> byId = serialized.records();
    Set<String> names = new HashSet<>();
    StringBuilder index = new StringBuilder("[\n");
    for (int i = 0; i < byId.size(); i++) {
      OsvRecord r = byId.get(i);
      String name = fileName(r.id());
      sink.put(name, serialized.json().get(i));
      names.add(name);
      index
          .append("  {\"id\": \"")
          .append(r.id())
          .append("\", \"modified\": \"")
          .append(r.modified())
          .append("\"}")
          .append(i + 1 < byId.size() ? ",\n" : "\n");
    }
    sink.put("all.json", index.append("]\n").toString().getBytes(StandardCharsets.UTF_8));
    names.add("all.json");
    return names;
  }

  /**
   * {@code all.zip} and one {@code <Ecosystem>/all.zip} per base ecosystem, each compressed in
   * parallel and streamed into its file; returns the names written.
   */
  public static Set<String> writeZips(Serialized serialized, FileSink sink) throws IOException {
    List<OsvRecord> byId = serialized.records();
    Map<String, byte[]> all = new LinkedHashMap<>();
    Map<String, Map<String, byte[]>> byEcosystem = new TreeMap<>();
    for (int i = 0; i < byId.size(); i++) {
      OsvRecord r = byId.get(i);
      String name = fileName(r.id());
      byte[] json = serialized.json().get(i);
      all.put(name, json);
      for (OsvRecord.Affected a : r.affected()) {
        // osv-scanner's offline databases are per base ecosystem: Debian:12 records are in Debian/.
        String base = a.pkg().ecosystem().split(":", 2)[0];
        byEcosystem.computeIfAbsent(base, e -> new LinkedHashMap<>()).put(name, json);
      }
    }
    Map<String, Map<String, byte[]>> zips = new TreeMap<>();
    zips.put("all.zip", all);
    byEcosystem.forEach(
        (ecosystem, entries) -> zips.put(SitePaths.segment(ecosystem) + "/all.zip", entries));
    // Streamed into their files, so the zips are never held in memory whole.
    // Every zip is finished or failed before this returns, whatever fails first: a build that
    // failed discards its staging folder, and no zip may still be writing into it then.
    AtomicReference<Throwable> failure = new AtomicReference<>();
    zips.entrySet().parallelStream()
        .forEach(
            e -> {
              try (OutputStream out = sink.open(e.getKey())) {
                zip(e.getValue(), out);
              } catch (IOException | RuntimeException | Error x) {
                failure.compareAndSet(null, x);
              }
            });
    if (failure.get() != null) throw Threads.rethrow(failure.get());
    return zips.keySet();
  }

  /** The record's file name: its ID, made safe as a path segment (a no-op for valid OSV IDs). */
  public static String fileName(String id) {
    return SitePaths.segment(id) + ".json";
  }

  /** The entries, in name order, as a zip into {@code out} (left open). */
  static void zip(Map<String, byte[]> entries, OutputStream out) throws IOException {
    // Closed (which frees its deflater's native memory) without closing the caller's stream.
    OutputStream open =
        new FilterOutputStream(out) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
          }

          @Override
          public void close() throws IOException {
            flush();
          }
        };
    try (ZipOutputStream zip = new ZipOutputStream(open)) {
      for (String name : new ArrayList<>(new TreeMap<>(entries).keySet())) {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(ZIP_TIME);
        zip.putNextEntry(e);
        zip.write(entries.get(name));
        zip.closeEntry();
      }
    }
  }
}
