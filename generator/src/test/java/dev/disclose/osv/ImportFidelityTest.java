package dev.disclose.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.disclose.advisory.AdvisoryParser;
import dev.disclose.importing.AdvisoryImport;
import dev.disclose.importing.AdvisoryWriter;
import dev.disclose.importing.OsvImport;
import dev.disclose.urls.SiteUrls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Import fidelity on real records: OSV → `disclose import osv --keep-ids` (every record of the Go
 * vulnerability database, PyPA (YAML) and RustSec's OSV in ../shared/corpora at once, as advisory
 * files) → parsed back → OSV equals the original under the documented normalization
 * (OsvRoundTripTest.normalize and the steps below, each in docs/import.md), with every remaining
 * difference counted by field.
 */
class ImportFidelityTest {
  static final Path CORPORA = Path.of("../../shared/corpora");
  static final Path SCHEMA = Path.of("../../shared/schemas/osv-schema-1.7.5.json");

  /** A commit named by its patch's link, which the import writes as the commit's hash. */
  static final Pattern COMMIT_LINK =
      Pattern.compile("([0-9a-fA-F]{40}|[0-9a-fA-F]{64})(?:\\.patch|\\.diff|\\.)");

  /** Before it, a time is a placeholder for "no date" (the Go repository's 0001-01-01). */
  static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

  @Test
  void realRecordsSurviveImportAsAFileAndExport() throws Exception {
    assumeTrue(Files.isDirectory(CORPORA), "../shared/corpora is not present");
    assumeTrue(Files.exists(SCHEMA), "../shared/schemas is not present");
    ObjectMapper json = new ObjectMapper();
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    OsvExporter.Settings settings =
        new OsvExporter.Settings(new SiteUrls("https://example.org/"), "IMP", false);
    List<Path> dirs =
        Stream.of("rustsec/osv", "go-vulndb-osv", "pypa-osv").map(CORPORA::resolve).toList();
    List<AdvisoryImport.Input> inputs = OsvImport.inputs(dirs);
    // As `disclose import osv --keep-ids` writes them, all at once into an empty site.
    Map<String, String> written = new HashMap<>();
    List<AdvisoryImport.Outcome> outcomes =
        AdvisoryImport.run(
            OsvImport.candidates(inputs, "IMP"),
            List.of(),
            Path.of("site"),
            "IMP",
            true,
            AdvisoryImport.Prefer.NONE,
            true,
            (file, text) -> written.put(file.toString(), text));
    assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).isEmpty());
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(Files.readString(SCHEMA), InputFormat.JSON);
    int same = 0;
    int sameValid = 0;
    int invalid = 0;
    Map<String, Integer> causes = new TreeMap<>();
    List<String> examples = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      AdvisoryImport.Input in = inputs.get(i);
      JsonNode original =
          in.yaml() ? json.valueToTree(yaml.readTree(in.bytes())) : json.readTree(in.bytes());
      Path file = outcomes.get(i).file().orElseThrow();
      AdvisoryParser.Parsed parsed =
          AdvisoryParser.parse(
              written.get(file.toString()), file.getFileName(), file.getFileName().toString());
      if (parsed.advisory().isEmpty()) {
        causes.merge("file does not parse back", 1, Integer::sum);
        if (examples.size() < 5) examples.add(in.origin() + ": " + parsed.diagnostics());
        continue;
      }
      JsonNode again =
          json.readTree(
              OsvExporter.json(
                  OsvExporter.toOsv(parsed.advisory().get(), settings, Optional.empty())));
      JsonNode a = OsvRoundTripTest.normalize(again, original.deepCopy());
      JsonNode b = OsvRoundTripTest.normalize(original.deepCopy(), original.deepCopy());
      normalizeImport((ObjectNode) a, (ObjectNode) b, causes);
      boolean valid = schema.validate(original).isEmpty();
      if (!valid) invalid++;
      if (a.equals(b)) {
        same++;
        if (valid) sameValid++;
      } else {
        if (!valid) causes.merge("(source invalid under OSV 1.7.5)", 1, Integer::sum);
        for (String field :
            List.of(
                "summary",
                "details",
                "affected",
                "severity",
                "references",
                "credits",
                "aliases",
                "database_specific",
                "published",
                "modified",
                "withdrawn",
                "related",
                "upstream")) {
          if (!a.path(field).equals(b.path(field))) causes.merge(field, 1, Integer::sum);
        }
        if (examples.size() < 12) examples.add(in.origin() + "\n  was " + b + "\n  now " + a);
      }
    }
    List<Path> files = inputs.stream().map(in -> Path.of(in.origin())).toList();
    double share = 100.0 * same / files.size();
    double shareValid = 100.0 * sameValid / (files.size() - invalid);
    System.out.printf(
        "import fidelity: %d of %d records (%.2f %%) identical; of the %d valid under OSV 1.7.5,"
            + " %d (%.2f %%); differences by field: %s%n",
        same, files.size(), share, files.size() - invalid, sameValid, shareValid, causes);
    assertThat(files).hasSizeGreaterThan(3000);
    // A record the schema refuses cannot come back as it was: the export is valid.
    assertThat(shareValid)
        .as(
            "records identical after import as a file and export; causes %s; e.g. %s",
            causes, examples)
        .isGreaterThanOrEqualTo(99.9);
  }

  private static List<JsonNode> toList(ArrayNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  /**
   * The import's documented changes (docs/import.md), applied to the original {@code was} and the
   * export {@code now}, each counted in {@code causes} as "(normalized) …" where it applied.
   */
  static void normalizeImport(ObjectNode now, ObjectNode was, Map<String, Integer> causes) {
    // A time before 1970 is a placeholder for no date: the import leaves it unknown, and the
    // export writes the placeholder OSV's required `modified` needs when nothing else is known.
    for (ObjectNode n : List.of(now, was)) {
      for (String time : List.of("published", "modified")) {
        if (n.hasNonNull(time) && Instant.parse(n.get(time).asText()).isBefore(EARLIEST)) {
          n.remove(time);
          if (n == was) causes.merge("(normalized) placeholder " + time, 1, Integer::sum);
        }
      }
    }
    // A `modified` before `published` is left out on import (D002): the export dates the record
    // from its publication.
    if (was.hasNonNull("modified")
        && was.hasNonNull("published")
        && Instant.parse(was.get("modified").asText())
            .isBefore(Instant.parse(was.get("published").asText()))) {
      was.put("modified", was.get("published").asText());
      causes.merge("(normalized) modified before published", 1, Integer::sum);
    }
    // A record without a publication date is dated by its last change, else by the earliest
    // publication of an ID it shares with another record.
    if (!was.hasNonNull("published") && now.hasNonNull("published")) {
      boolean byModified = now.get("published").equals(was.get("modified"));
      was.set("published", now.get("published"));
      causes.merge(
          byModified
              ? "(normalized) published taken from modified"
              : "(normalized) published taken from an alias's record",
          1,
          Integer::sum);
    }
    // A commit named by its patch's link is that commit.
    for (JsonNode affected : was.path("affected")) {
      for (JsonNode range : affected.path("ranges")) {
        if (!range.path("type").asText().equals("GIT")) continue;
        for (JsonNode event : range.path("events")) {
          ObjectNode e = (ObjectNode) event;
          for (String key : List.of("introduced", "fixed", "last_affected", "limit")) {
            Matcher m = COMMIT_LINK.matcher(e.path(key).asText());
            if (e.has(key) && m.matches()) {
              e.put(key, m.group(1).toLowerCase(Locale.ROOT));
              causes.merge("(normalized) a commit's patch link as its hash", 1, Integer::sum);
            }
          }
        }
      }
    }
    // An ID listed twice among the aliases is one alias; a name's surrounding spaces are none.
    if (was.get("aliases") instanceof ArrayNode aliases) {
      ArrayNode distinct = was.arrayNode();
      new LinkedHashSet<JsonNode>(toList(aliases)).forEach(distinct::add);
      if (distinct.size() != aliases.size()) {
        was.set("aliases", distinct);
        causes.merge("(normalized) an alias listed twice", 1, Integer::sum);
      }
    }
    for (JsonNode credit : was.path("credits")) {
      if (credit instanceof ObjectNode c && c.hasNonNull("name"))
        c.put("name", c.get("name").asText().strip());
    }
    // Without a `modified`, the export dates the record from its publication.
    if (!was.hasNonNull("modified")
        && now.hasNonNull("modified")
        && now.get("modified").equals(now.get("published"))) {
      was.set("modified", now.get("modified"));
      causes.merge("(normalized) modified taken from published", 1, Integer::sum);
    }
    // A record without a summary is titled by its details' first sentence (the format needs one).
    if (!was.hasNonNull("summary") && now.hasNonNull("summary")) {
      now.remove("summary");
      causes.merge("(normalized) summary taken from the details", 1, Integer::sum);
    }
    // A Markdown body is read without surrounding whitespace (a paragraph's leading spaces are
    // not its text); the format
    // requires a withdrawal reason OSV has no field for.
    for (ObjectNode n : List.of(now, was)) {
      if (n.hasNonNull("details")) n.put("details", n.get("details").asText().strip());
      if (n.path("database_specific") instanceof ObjectNode db
          && AdvisoryWriter.NO_REASON.equals(db.path("withdrawn_reason").asText())) {
        db.remove("withdrawn_reason");
        if (db.isEmpty()) n.remove("database_specific");
      }
    }
  }
}
