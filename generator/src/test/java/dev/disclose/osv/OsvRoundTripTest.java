package dev.disclose.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryParser;
import dev.disclose.advisory.Timestamp;
import dev.disclose.catalog.Catalog;
import dev.disclose.importing.AdvisoryWriter;
import dev.disclose.load.LoadRequest;
import dev.disclose.load.PathDisplay;
import dev.disclose.load.SiteRoot;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.testing.TestSites;
import dev.disclose.urls.SiteUrls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** OSV → model → OSV gives the record back: the model loses nothing OSV says. */
class OsvRoundTripTest {
  static final Path CORPORA = Path.of("../../shared/corpora");
  static final ObjectMapper JSON = new ObjectMapper();

  private static OsvRecord roundTrip(OsvRecord record, OsvExporter.Settings settings) {
    Advisory back = OsvImporter.toAdvisory(record, settings, Path.of("imported.md"), "imported.md");
    return OsvExporter.toOsv(back, settings, Optional.empty());
  }

  @Test
  void everyFixtureRecordSurvivesTheRoundTripByteForByte() throws Exception {
    int checked = 0;
    for (String fixture :
        List.of("src/test/resources/sites/exports", "src/test/resources/sites/basic", "..")) {
      SiteRoot site = SiteRoot.open(Path.of(fixture), new PathDisplay(Path.of(fixture)));
      Instant now = Instant.parse("2026-11-23T00:00:00Z");
      OsvExporter.Settings settings =
          new OsvExporter.Settings(
              Pipeline.oneOff().config(site).urls(),
              Pipeline.oneOff().config(site).idPrefix(),
              false);
      for (Advisory a :
          Catalog.publicAt(
                  Pipeline.oneOff().check(LoadRequest.toCheck(site), now).advisories(), now)
              .advisories()) {
        String json =
            OsvExporter.json(
                OsvExporter.toOsv(a, settings, Optional.of(Instant.parse("2026-01-02T03:04:05Z"))));
        OsvRecord read = OsvImporter.read(json.getBytes(StandardCharsets.UTF_8));
        assertThat(OsvExporter.json(roundTrip(read, settings))).as(a.id()).isEqualTo(json);
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(23);
  }

  @Test
  void theTimelineIsExportedInDatabaseSpecificAndImportedBackIntoTheTimeline() throws Exception {
    Path fixture = Path.of("src/test/resources/sites/exports");
    SiteRoot site = SiteRoot.open(fixture, new PathDisplay(fixture));
    Instant now = Instant.parse("2026-11-23T00:00:00Z");
    OsvExporter.Settings settings =
        new OsvExporter.Settings(
            Pipeline.oneOff().config(site).urls(),
            Pipeline.oneOff().config(site).idPrefix(),
            false);
    Advisory a =
        Pipeline.oneOff().check(LoadRequest.toCheck(site), now).advisories().stream()
            .filter(x -> x.id().equals("EXP-2025-0001"))
            .findFirst()
            .orElseThrow();
    assertThat(a.timeline().assessed()).isPresent();

    OsvRecord exported = OsvExporter.toOsv(a, settings, Optional.empty());
    assertThat(exported.databaseSpecific().get("timeline"))
        .isEqualTo(
            Map.of(
                "reported", "2025-02-01",
                "acknowledged", "2025-02-02",
                "assessed", "2025-02-05",
                "fixed", "2025-03-20",
                "disclosed", "2025-04-01"));
    OsvRecord read = OsvImporter.read(OsvExporter.json(exported).getBytes(StandardCharsets.UTF_8));
    Advisory back = OsvImporter.toAdvisory(read, settings, Path.of("imported.md"), "imported.md");
    assertThat(back.timeline()).isEqualTo(a.timeline());
    assertThat(back.databaseSpecific()).doesNotContainKey("timeline");
  }

  @Test
  void aRequestedCveIsExportedInDatabaseSpecificAndImportedBackIntoTheField() throws Exception {
    String text =
        TestSites.validAdvisory("DEMO-2025-0001")
            .replace(
                "aliases: [CVE-2025-31337]",
                "aliases: [GHSA-7q2x-4m9f-r3vc]\ncve_requested: 2025-02-20");
    Advisory a =
        AdvisoryParser.parse(text, Path.of("DEMO-2025-0001.md"), "DEMO-2025-0001.md")
            .advisory()
            .orElseThrow();
    assertThat(a.cveRequested()).hasValue(Timestamp.parse("2025-02-20").orElseThrow());
    assertThat(a.cvePending()).isTrue();
    OsvExporter.Settings settings =
        new OsvExporter.Settings(new SiteUrls("https://example.org/security/"), "DEMO", false);

    OsvRecord exported = OsvExporter.toOsv(a, settings, Optional.empty());
    assertThat(exported.databaseSpecific()).containsEntry("cve_requested", "2025-02-20");
    OsvRecord read = OsvImporter.read(OsvExporter.json(exported).getBytes(StandardCharsets.UTF_8));
    Advisory back = OsvImporter.toAdvisory(read, settings, Path.of("imported.md"), "imported.md");
    assertThat(back.cveRequested()).isEqualTo(a.cveRequested());
    assertThat(back.databaseSpecific()).doesNotContainKey("cve_requested");
    // As `disclose import` writes the file: the field, read back the same.
    String written = AdvisoryWriter.write(back);
    assertThat(written).contains("\ncve_requested: 2025-02-20\n");
    Advisory reread =
        AdvisoryParser.parse(written, Path.of("imported.md"), "imported.md")
            .advisory()
            .orElseThrow();
    assertThat(OsvExporter.json(OsvExporter.toOsv(reread, settings, Optional.empty())))
        .isEqualTo(OsvExporter.json(exported));
  }

  @Test
  void theBindingsRejectAPropertyOsvDoesNotDefine() {
    byte[] json =
        "{\"id\": \"GHSA-2x2x-3c3c-4f4f\", \"modified\": \"2025-01-01T00:00:00Z\", \"sumary\": \"typo\"}"
            .getBytes(StandardCharsets.UTF_8);
    Assertions.assertThatThrownBy(() -> OsvImporter.read(json)).hasMessageContaining("sumary");
  }

  /**
   * Real databases' records (RustSec's and the Go vulnerability database's OSV, from
   * ../shared/corpora): every one reads with our bindings, and comes back equal as JSON, apart from
   * what the export adds on purpose (the page URL and the severity label under database_specific, a
   * purl derived for a package without one, "introduced 0" for an entry without ranges or versions,
   * and the schema version it writes).
   */
  @Test
  void realDatabaseRecordsReadAndComeBackUnchanged() throws Exception {
    assumeTrue(Files.isDirectory(CORPORA), "../shared/corpora is not present");
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("rustsec/osv", "go-vulndb-osv")) {
      try (Stream<Path> walk = Files.walk(CORPORA.resolve(dir))) {
        walk.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
      }
    }
    OsvExporter.Settings settings =
        new OsvExporter.Settings(new SiteUrls("https://example.org/"), "EXP", false);
    List<String> different = new ArrayList<>();
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      OsvRecord read = OsvImporter.read(bytes);
      JsonNode original = normalize(JSON.readTree(bytes), JSON.readTree(bytes));
      JsonNode again =
          normalize(
              JSON.readTree(OsvExporter.json(roundTrip(read, settings))), JSON.readTree(bytes));
      if (!again.equals(original))
        different.add(file.getFileName() + "\n  was " + original + "\n  now " + again);
    }
    assertThat(files).hasSizeGreaterThan(1000);
    assertThat(different).as("%d of %d records differ", different.size(), files.size()).isEmpty();
  }

  private static JsonNode dropEmptyLists(JsonNode node) {
    if (node instanceof ObjectNode o) {
      List<String> empty = new ArrayList<>();
      o.fields()
          .forEachRemaining(
              e -> {
                dropEmptyLists(e.getValue());
                if ((e.getValue().isArray() || e.getValue().isObject()) && e.getValue().isEmpty())
                  empty.add(e.getKey());
              });
      o.remove(empty);
    } else if (node.isArray()) {
      node.forEach(OsvRoundTripTest::dropEmptyLists);
    }
    return node;
  }

  /**
   * Leaves out what the exporter adds on purpose, spells timestamps one way, and drops empty lists
   * and objects, which OSV reads as absent (RustSec writes {@code "related": []}, Go {@code
   * "ecosystem_specific": {}}, the exporter nothing).
   */
  static JsonNode normalize(JsonNode node, JsonNode original) {
    ObjectNode o = (ObjectNode) dropEmptyLists(node);
    o.remove("schema_version");
    if (o.get("database_specific") instanceof ObjectNode db) {
      JsonNode was = original.path("database_specific");
      for (String added : List.of("url", "severity")) if (!was.has(added)) db.remove(added);
      if (db.isEmpty()) o.remove("database_specific");
    }
    // The exporter derives a purl where a package has none, and says "every version" (introduced
    // 0) where an entry has neither ranges nor versions, which OSV consumers would skip.
    for (int i = 0; i < o.path("affected").size(); i++) {
      JsonNode was = original.path("affected").path(i);
      if (!was.path("package").has("purl")
          && o.get("affected").get(i).get("package") instanceof ObjectNode p) {
        p.remove("purl");
      }
      if (was.path("ranges").isEmpty()
          && was.path("versions").isEmpty()
          && o.get("affected").get(i) instanceof ObjectNode a) {
        a.remove("ranges");
      }
    }
    for (String time : List.of("modified", "published", "withdrawn")) {
      if (o.hasNonNull(time)) o.put(time, Instant.parse(o.get(time).asText()).toString());
    }
    // A withdrawal is a modification: the export never dates "modified" before "withdrawn".
    if (o.hasNonNull("withdrawn")
        && o.hasNonNull("modified")
        && Instant.parse(o.get("modified").asText())
            .isBefore(Instant.parse(o.get("withdrawn").asText()))) {
      o.put("modified", o.get("withdrawn").asText());
    }
    return o;
  }
}
