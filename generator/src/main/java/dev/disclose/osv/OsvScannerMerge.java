package dev.disclose.osv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * OSV records merged into one of osv-scanner's offline databases, {@code <Ecosystem>/all.zip}: a
 * zip of {@code <ID>.json} records, every {@code .json} entry of which osv-scanner loads. A zip
 * there replaces OSV.dev's whole database for the ecosystem, so the records go into OSV.dev's own
 * zip, beside its records: a record of the same name replaces OSV.dev's unless OSV.dev's was
 * modified later (OSV.dev has then imported a newer version of it).
 */
public final class OsvScannerMerge {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** How a zip starts: with its first entry, or, with none, with its end record. */
  private static final byte[] ENTRY = {'P', 'K', 3, 4};

  private static final byte[] EMPTY = {'P', 'K', 5, 6};

  private OsvScannerMerge() {}

  /** A record to merge: its entry name, ID, last modification, bytes, and base ecosystems. */
  public record Incoming(
      String name, String id, Instant modified, byte[] json, Set<String> ecosystems) {}

  /** What a merge did to one zip. */
  public record Merged(int added, int replaced, int keptNewer) {}

  /**
   * The record in {@code json}; {@code where} names it in the message of an {@link IOException}
   * when it is no OSV record.
   */
  public static Incoming read(byte[] json, String where) throws IOException {
    OsvRecord r;
    try {
      r = OsvImporter.read(json);
    } catch (IOException e) {
      throw new IOException(where + " is not an OSV record (" + e.getMessage() + ")", e);
    }
    if (r.id() == null || r.modified() == null)
      throw new IOException(where + " is not an OSV record: it has no `id` or no `modified`");
    Set<String> ecosystems = new LinkedHashSet<>();
    for (OsvRecord.Affected a :
        r.affected() == null ? List.<OsvRecord.Affected>of() : r.affected()) {
      // osv-scanner's databases are per base ecosystem: Debian:12 records are in Debian/.
      if (a.pkg() != null && a.pkg().ecosystem() != null)
        ecosystems.add(a.pkg().ecosystem().split(":", 2)[0]);
    }
    return new Incoming(
        OsvDatabase.fileName(r.id()), r.id(), instant(r.modified(), where), json, ecosystems);
  }

  /**
   * Copies the zip {@code theirs} into {@code out} with {@code ours} merged in: their entries in
   * their order (one of ours in place of theirs of the same name), then ours that are new, by name.
   */
  public static Merged merge(InputStream theirs, Collection<Incoming> ours, OutputStream out)
      throws IOException {
    Map<String, Incoming> byName = new TreeMap<>();
    for (Incoming i : ours) byName.put(i.name(), i);
    Set<String> placed = new HashSet<>();
    int replaced = 0;
    int keptNewer = 0;
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
    // ZipInputStream reads anything else as a zip without entries: check that it is one.
    BufferedInputStream buffered = new BufferedInputStream(theirs);
    buffered.mark(4);
    byte[] magic = buffered.readNBytes(4);
    buffered.reset();
    if (!Arrays.equals(magic, ENTRY) && !Arrays.equals(magic, EMPTY))
      throw new IOException("it is not a zip");
    try (ZipInputStream in = new ZipInputStream(buffered);
        ZipOutputStream zip = new ZipOutputStream(open)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        if (!placed.add(e.getName())) continue; // a name twice: osv-scanner's first stays
        byte[] bytes = in.readAllBytes();
        Incoming mine = byName.get(e.getName());
        if (mine != null) {
          Optional<Instant> theirModified = modified(bytes);
          if (theirModified.isPresent() && theirModified.get().isAfter(mine.modified())) {
            keptNewer++;
          } else {
            bytes = mine.json();
            replaced++;
          }
        }
        ZipEntry copy = new ZipEntry(e.getName());
        if (e.getTime() != -1) copy.setTime(e.getTime());
        zip.putNextEntry(copy);
        zip.write(bytes);
        zip.closeEntry();
      }
      int added = 0;
      for (Incoming mine : byName.values()) {
        if (placed.contains(mine.name())) continue;
        ZipEntry entry = new ZipEntry(mine.name());
        entry.setTime(mine.modified().toEpochMilli());
        zip.putNextEntry(entry);
        zip.write(mine.json());
        zip.closeEntry();
        added++;
      }
      return new Merged(added, replaced, keptNewer);
    }
  }

  /** A record's {@code modified}, if it has one that parses. */
  private static Optional<Instant> modified(byte[] json) {
    try {
      JsonNode m = MAPPER.readTree(json).path("modified");
      return m.isTextual()
          ? Optional.of(OffsetDateTime.parse(m.asText()).toInstant())
          : Optional.empty();
    } catch (IOException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Instant instant(String text, String where) throws IOException {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IOException(
          where + ": `modified` is `" + text + "`, not an RFC 3339 time like 2025-01-31T12:00:00Z");
    }
  }
}
