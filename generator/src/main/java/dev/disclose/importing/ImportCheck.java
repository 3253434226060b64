package dev.disclose.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryParser;
import dev.disclose.advisory.Timestamp;
import dev.disclose.osv.OsvExporter;
import dev.disclose.osv.OsvJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What an imported OSV record loses: the advisory is written as its file, read back and exported
 * again, and the fields that differ from the original record — under the normalization
 * docs/import.md documents — are named, so each record's import can say what the format could not
 * hold.
 */
final class ImportCheck {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ImportCheck() {}

  /** {@code imported} written as its file, and read back. */
  static AdvisoryImport.Written written(Advisory imported) {
    return readBack(imported, AdvisoryWriter.write(imported));
  }

  /**
   * {@code changed}, a change of {@code like}'s advisory, written as its file from what the two
   * share, and read back.
   */
  static AdvisoryImport.Written written(Advisory changed, AdvisoryImport.Written like) {
    return readBack(changed, AdvisoryWriter.writeLike(changed, like.advisory(), like.text()));
  }

  private static AdvisoryImport.Written readBack(Advisory advisory, String file) {
    return new AdvisoryImport.Written(
        advisory,
        file,
        AdvisoryParser.parse(file, Path.of("imported.md"), "imported.md").advisory());
  }

  /**
   * The top-level OSV fields that do not survive the import of {@code original} as {@code
   * imported}, written and read back.
   */
  static List<String> lostFields(
      JsonNode original, AdvisoryImport.Written imported, OsvExporter.Settings settings) {
    Optional<Advisory> back = imported.readBack();
    if (back.isEmpty()) return List.of("the whole record (its file does not read back)");
    JsonNode again;
    try {
      again =
          JSON.readTree(
              OsvExporter.json(OsvExporter.toOsv(back.get(), settings, Optional.empty())));
    } catch (IOException e) {
      return List.of("the whole record (" + e.getMessage() + ")");
    }
    ObjectNode was = normalized(original, original);
    ObjectNode now = normalized(again, original);
    TreeSet<String> fields = new TreeSet<>();
    was.fieldNames().forEachRemaining(fields::add);
    now.fieldNames().forEachRemaining(fields::add);
    List<String> lost = new ArrayList<>();
    for (String f : fields) {
      if (!was.path(f).equals(now.path(f))) lost.add(f);
    }
    return lost;
  }

  private static ObjectNode normalized(JsonNode record, JsonNode original) {
    ObjectNode o = (ObjectNode) OsvJson.withoutEmpty(record.deepCopy());
    o.remove("schema_version");
    if (o.get("database_specific") instanceof ObjectNode db) {
      JsonNode had = original.path("database_specific");
      for (String derived : List.of("url", "severity")) if (!had.has(derived)) db.remove(derived);
      if (AdvisoryWriter.NO_REASON.equals(db.path("withdrawn_reason").asText()))
        db.remove("withdrawn_reason");
      if (db.isEmpty()) o.remove("database_specific");
    }
    if (o.get("affected") instanceof ArrayNode affected) {
      for (int i = 0; i < affected.size(); i++) {
        JsonNode had = original.path("affected").path(i);
        if (!(affected.get(i) instanceof ObjectNode a)) continue;
        if (!had.path("package").has("purl") && a.get("package") instanceof ObjectNode p)
          p.remove("purl");
        if (had.path("ranges").isEmpty() && had.path("versions").isEmpty()) a.remove("ranges");
      }
    }
    if (o.hasNonNull("details"))
      o.put("details", o.get("details").asText().replaceFirst("^(\\s*\\n)+", "").stripTrailing());
    for (String time : List.of("modified", "published", "withdrawn")) {
      if (o.hasNonNull(time)) o.put(time, instant(o.get(time).asText()));
    }
    // What the import and the export date differently by design: a modified before published
    // (Go's zero time) is dropped; withdrawing is a modification.
    if (o.hasNonNull("modified")
        && o.hasNonNull("published")
        && o.get("modified").asText().compareTo(o.get("published").asText()) < 0) {
      o.put("modified", o.get("published").asText());
    }
    if (o.hasNonNull("withdrawn")
        && o.hasNonNull("modified")
        && o.get("modified").asText().compareTo(o.get("withdrawn").asText()) < 0) {
      o.put("modified", o.get("withdrawn").asText());
    }
    return o;
  }

  /**
   * One spelling per instant; a text that is no time stays as it is (and differs if it changed).
   */
  private static String instant(String text) {
    return Timestamp.parse(text).map(t -> t.instant().toString()).orElse(text);
  }
}
