package dev.disclose.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryId;
import dev.disclose.osv.OsvExporter;
import dev.disclose.osv.OsvImporter;
import dev.disclose.osv.OsvRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@code disclose import osv}: OSV records (JSON or YAML files, folders of them, zips of them)
 * → advisory files. The record's ID becomes an alias of a new ID of the site, or stays the ID with
 * {@code keepIds}. Importing again finds the files it wrote (by ID, or by the alias) and writes
 * the same bytes: nothing changes. Each bad record is reported; the others are imported.
 */
public final class OsvImport {
  /** A record, like an advisory file, is at most 1 MiB. */
  static final long MAX_BYTES = dev.disclose.source.AdvisoryFiles.MAX_BYTES;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** One input record: where it came from, and its bytes. */
  public record Input(String origin, byte[] bytes, boolean yaml) {}

  /** What happened to one record. */
  public record Outcome(String origin, String recordId, Optional<String> advisoryId, Optional<Path> file, boolean changed,
      List<String> notes, Optional<String> error) {}

  private OsvImport() {}

  /** Every record under {@code paths}: files, folders (recursively) and zips, in path order. */
  public static List<Input> inputs(List<Path> paths) throws IOException {
    List<Input> out = new ArrayList<>();
    for (Path p : paths) {
      List<Path> files;
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          files = walk.filter(Files::isRegularFile).filter(OsvImport::isRecordFile).sorted().toList();
        }
      } else {
        files = List.of(p);
      }
      for (Path f : files) {
        if (f.toString().endsWith(".zip")) {
          try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(f)))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
              if (e.isDirectory() || !isRecordName(e.getName())) continue;
              byte[] bytes = zip.readNBytes((int) MAX_BYTES + 1);
              out.add(new Input(f + "!" + e.getName(), bytes, e.getName().endsWith(".yaml") || e.getName().endsWith(".yml")));
            }
          }
        } else {
          if (Files.size(f) > MAX_BYTES) {
            out.add(new Input(f.toString(), new byte[(int) MAX_BYTES + 1], false));
            continue;
          }
          out.add(new Input(f.toString(), Files.readAllBytes(f), f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")));
        }
      }
    }
    return out;
  }

  private static boolean isRecordFile(Path p) {
    return isRecordName(p.getFileName().toString()) || p.toString().endsWith(".zip");
  }

  private static boolean isRecordName(String name) {
    return name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml");
  }

  /**
   * Imports {@code inputs} into {@code advisoriesDir}. {@code existing}: the site's advisories,
   * to find earlier imports and the next free IDs. {@code write} false: report only.
   */
  public static List<Outcome> run(List<Input> inputs, List<Advisory> existing, Path siteRoot, String prefix,
      boolean keepIds, boolean write, IoWriter writer) throws IOException {
    Map<String, Advisory> byId = new HashMap<>();
    Map<String, Advisory> byAlias = new HashMap<>();
    Map<Integer, Integer> lastNumber = new HashMap<>();
    for (Advisory a : existing) {
      byId.put(a.id(), a);
      for (String alias : a.aliases()) byAlias.putIfAbsent(alias, a);
      AdvisoryId.parseOwn(a.id(), prefix).ifPresent(o -> lastNumber.merge(o.year(), o.number(), Math::max));
    }
    OsvExporter.Settings settings = new OsvExporter.Settings("https://example.org/", prefix, false);
    Set<String> seen = new HashSet<>();
    List<Outcome> out = new ArrayList<>();
    for (Input in : inputs) {
      OsvRecord record;
      try {
        if (in.bytes().length > MAX_BYTES) throw new IOException("larger than 1 MiB");
        JsonNode tree = in.yaml() ? JSON.valueToTree(YAML.readTree(in.bytes())) : JSON.readTree(in.bytes());
        record = OsvImporter.read(JSON.writeValueAsBytes(tree));
        if (record.id() == null || record.id().isBlank()) throw new IOException("the record has no `id`");
        if (record.modified() == null) throw new IOException("the record has no `modified` (OSV requires it)");
      } catch (IOException | RuntimeException e) {
        out.add(new Outcome(in.origin(), "", Optional.empty(), Optional.empty(), false, List.of(),
            Optional.of("not an OSV record: " + firstLine(e.getMessage()))));
        continue;
      }
      if (!seen.add(record.id())) {
        out.add(new Outcome(in.origin(), record.id(), Optional.empty(), Optional.empty(), false, List.of(),
            Optional.of("a second record with the ID " + record.id() + " in this import; the first one was imported")));
        continue;
      }
      Advisory imported = OsvImporter.toAdvisory(record, settings, Path.of("imported.md"), "imported.md");
      String id;
      List<String> aliases = new ArrayList<>(imported.aliases());
      Advisory earlier = keepIds ? byId.get(record.id()) : byAlias.get(record.id());
      if (keepIds) {
        id = record.id();
      } else if (earlier != null) {
        id = earlier.id(); // an earlier import of this record: same file, same ID
        if (!aliases.contains(record.id())) aliases.add(0, record.id());
      } else {
        int year = imported.effectivePublished().map(t -> t.date().getYear()).filter(y -> y > 1990).orElse(2000);
        int number = lastNumber.merge(year, 1, (a, b) -> a + b);
        id = AdvisoryId.format(prefix, year, number);
        aliases.add(0, record.id());
      }
      List<String> notes = new ArrayList<>();
      if (imported.title().isBlank()) {
        // PyPA's records have no summary; the format needs a title.
        String first = imported.details().strip().split("(?<=[.!?])\\s|\\n", 2)[0];
        imported = imported.withTitle(first.length() > 100 ? first.substring(0, 97) + "…" : first);
        notes.add("no summary: the title is the details' first sentence; check it");
      }
      Advisory renamed = imported.withId(id, aliases.stream().distinct().filter(x -> !x.equals(id)).toList());
      String text = AdvisoryWriter.write(renamed);
      String year = AdvisoryId.parseOwn(id, prefix).map(o -> String.valueOf(o.year()))
          .orElse(String.valueOf(imported.effectivePublished().map(t -> t.date().getYear()).orElse(2000)));
      Path file = earlier != null ? siteRoot.resolve(earlier.source().relativePath()).normalize()
          : siteRoot.resolve("advisories").resolve(year).resolve(id + ".md").normalize();
      if (!file.normalize().startsWith(siteRoot.resolve("advisories"))) {
        out.add(new Outcome(in.origin(), record.id(), Optional.of(id), Optional.empty(), false, List.of(),
            Optional.of("the ID `" + id + "` cannot be a file name under advisories/")));
        continue;
      }
      if (imported.details().isBlank()) notes.add("the record has no details: write them (validation asks, C001)");
      if (imported.withdrawn().isPresent() && imported.withdrawn().get().reason().isBlank()) {
        notes.add("withdrawn without a reason (OSV has no field for one): the file says so; give the reason");
      }
      boolean changed = !Files.exists(file) || !Files.readString(file).equals(text);
      if (write && changed) writer.write(file, text);
      out.add(new Outcome(in.origin(), record.id(), Optional.of(id), Optional.of(file), changed, notes, Optional.empty()));
    }
    return out;
  }

  /** Writes a file (atomically, in the CLI). */
  public interface IoWriter {
    void write(Path file, String text) throws IOException;
  }

  private static String firstLine(String message) {
    if (message == null) return "unreadable";
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
