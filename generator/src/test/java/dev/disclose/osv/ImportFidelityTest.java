package dev.disclose.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryParser;
import dev.disclose.importing.AdvisoryImport;
import dev.disclose.importing.AdvisoryWriter;
import dev.disclose.importing.OsvImport;
import dev.disclose.urls.SiteUrls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Import fidelity on real records: OSV → advisory file (what `disclose import` writes) → parsed
 * back → OSV equals the original under the documented normalization (OsvRoundTripTest.normalize),
 * for the Go vulnerability database, PyPA (YAML) and RustSec's OSV in ../shared/corpora.
 */
class ImportFidelityTest {
  static final Path CORPORA = Path.of("../../shared/corpora");

  @Test
  void realRecordsSurviveImportAsAFileAndExport() throws Exception {
    assumeTrue(Files.isDirectory(CORPORA), "../shared/corpora is not present");
    ObjectMapper json = new ObjectMapper();
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    OsvExporter.Settings settings =
        new OsvExporter.Settings(new SiteUrls("https://example.org/"), "IMP", false);
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("rustsec/osv", "go-vulndb-osv", "pypa-osv")) {
      try (Stream<Path> walk = Files.walk(CORPORA.resolve(dir))) {
        walk.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".yaml"))
            .sorted()
            .forEach(files::add);
      }
    }
    int same = 0;
    Map<String, Integer> causes = new TreeMap<>();
    List<String> examples = new ArrayList<>();
    for (Path f : files) {
      JsonNode original =
          f.toString().endsWith(".yaml")
              ? json.valueToTree(yaml.readTree(f.toFile()))
              : json.readTree(f.toFile());
      OsvRecord record = json.treeToValue(original, OsvRecord.class);
      // As `disclose import osv` reads it.
      Advisory imported =
          OsvImport.candidates(
                  List.of(
                      new AdvisoryImport.Input(
                          f.toString(), Files.readAllBytes(f), f.toString().endsWith(".yaml"))),
                  "IMP")
              .get(0)
              .advisory()
              .orElseThrow();
      String file = AdvisoryWriter.write(imported);
      AdvisoryParser.Parsed parsed =
          AdvisoryParser.parse(file, Path.of(record.id() + ".md"), record.id() + ".md");
      if (parsed.advisory().isEmpty()) {
        causes.merge("file does not parse back", 1, Integer::sum);
        if (examples.size() < 5) examples.add(f.getFileName() + ": " + parsed.diagnostics());
        continue;
      }
      JsonNode again =
          json.readTree(
              OsvExporter.json(
                  OsvExporter.toOsv(parsed.advisory().get(), settings, Optional.empty())));
      JsonNode a = OsvRoundTripTest.normalize(again, original.deepCopy());
      JsonNode b = OsvRoundTripTest.normalize(original.deepCopy(), original.deepCopy());
      // Two normalizations of the file format: details without leading blank lines and trailing
      // whitespace (as a Markdown body is read), and the withdrawal reason the format requires.
      // A `modified` before `published` (the Go database's zero time, 0001-01-01: never
      // modified) is left out on import, which the format requires: the export then dates the
      // record from its publication.
      if (b.hasNonNull("modified")
          && b.hasNonNull("published")
          && Instant.parse(b.get("modified").asText())
              .isBefore(Instant.parse(b.get("published").asText()))) {
        ((ObjectNode) b).put("modified", b.get("published").asText());
        causes.merge("(normalized) modified before published", 1, Integer::sum);
      }
      for (JsonNode n : List.of(a, b)) {
        if (n.hasNonNull("details"))
          ((ObjectNode) n)
              .put(
                  "details",
                  n.get("details").asText().replaceFirst("^(\\s*\\n)+", "").stripTrailing());
        if (n.path("database_specific") instanceof ObjectNode db
            && AdvisoryWriter.NO_REASON.equals(db.path("withdrawn_reason").asText())) {
          db.remove("withdrawn_reason");
          if (db.isEmpty()) ((ObjectNode) n).remove("database_specific");
        }
      }
      if (a.equals(b)) {
        same++;
      } else {
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
        if (examples.size() < 4) examples.add(f.getFileName() + "\n  was " + b + "\n  now " + a);
      }
    }
    double share = 100.0 * same / files.size();
    System.out.printf(
        "import fidelity: %d of %d records (%.2f %%) identical; differences by field: %s%n",
        same, files.size(), share, causes);
    assertThat(files).hasSizeGreaterThan(3000);
    assertThat(share)
        .as(
            "records identical after import as a file and export; causes %s; e.g. %s",
            causes, examples)
        .isGreaterThanOrEqualTo(99.0);
  }
}
