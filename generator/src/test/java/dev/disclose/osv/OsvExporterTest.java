package dev.disclose.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryParser;
import dev.disclose.catalog.Catalog;
import dev.disclose.load.LoadRequest;
import dev.disclose.load.PathDisplay;
import dev.disclose.load.SiteRoot;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.testing.Golden;
import dev.disclose.testing.TestSites;
import dev.disclose.urls.SiteUrls;
import dev.disclose.version.VersionSchemes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OsvExporterTest {
  static final Path SCHEMA = Path.of("../../shared/schemas/osv-schema-1.7.5.json");
  static final OsvExporter.Settings SETTINGS =
      new OsvExporter.Settings(new SiteUrls("https://example.org/security/"), "FIX", false);

  private static List<Advisory> advisories(Path root) throws Exception {
    SiteRoot site = SiteRoot.open(root, new PathDisplay(root));
    Instant now = Instant.parse("2026-11-22T00:00:00Z");
    // What a build exports: the advisories public at that moment.
    return Catalog.publicAt(
            Pipeline.oneOff().check(LoadRequest.toCheck(site), now).advisories(), now)
        .advisories();
  }

  @Test
  void fixtureRecordMatchesItsGoldenFile() throws Exception {
    Advisory a =
        advisories(Path.of("src/test/resources/sites/basic")).stream()
            .filter(x -> x.id().equals("FIX-2025-0001"))
            .findFirst()
            .orElseThrow();
    String json = OsvExporter.json(OsvExporter.toOsv(a, SETTINGS, Optional.empty()));
    Golden.assertMatches(Path.of("src/test/resources/golden/osv/FIX-2025-0001.json"), json);
  }

  @Test
  void ownIdsGetTheXPrefixUntilTheirPrefixIsRegistered() {
    assertThat(OsvExporter.osvId("FIX-2025-0001", SETTINGS)).isEqualTo("x_FIX-2025-0001");
    assertThat(
            OsvExporter.osvId(
                "FIX-2025-0001",
                new OsvExporter.Settings(new SiteUrls("https://e.org/"), "FIX", true)))
        .isEqualTo("FIX-2025-0001");
    assertThat(OsvExporter.osvId("GHSA-2x2x-3c3c-4f4f", SETTINGS)).isEqualTo("GHSA-2x2x-3c3c-4f4f");
  }

  @Test
  void semverRangesWriteVersionsWithoutTheGoTagsV() throws Exception {
    String text =
        TestSites.validAdvisory("FIX-2025-0001")
            .replace(
                "  - ecosystem: PyPI\n    package: corvid-serve\n",
                "  - ecosystem: Go\n    package: github.com/x/y\n")
            .replace(
                "introduced: 0.5.0\n        fixed: 0.7.2",
                "introduced: v0.1.0\n        fixed: v0.2.1");
    Advisory a =
        AdvisoryParser.parse(text, Path.of("FIX-2025-0001.md"), "FIX-2025-0001.md")
            .advisory()
            .orElseThrow();
    JsonNode range =
        new ObjectMapper()
            .readTree(OsvExporter.json(OsvExporter.toOsv(a, SETTINGS, Optional.empty())))
            .at("/affected/0/ranges/0");
    assertThat(range.toString())
        .isEqualTo(
            "{\"type\":\"SEMVER\",\"events\":[{\"introduced\":\"0.1.0\"},{\"fixed\":\"0.2.1\"}]}");
    // A GIT range's events are commits, and an ECOSYSTEM range's versions the ecosystem's own.
    assertThat(VersionSchemes.withoutVPrefix("v1.2.3")).isEqualTo("1.2.3");
    assertThat(VersionSchemes.withoutVPrefix("0")).isEqualTo("0");
    assertThat(VersionSchemes.withoutVPrefix("vendor")).isEqualTo("vendor");
  }

  @Test
  void writtenRecordsReadBackIntoTheSameRecord() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    for (Advisory a : advisories(Path.of(".."))) {
      OsvRecord record = OsvExporter.toOsv(a, SETTINGS, Optional.empty());
      String json = OsvExporter.json(record);
      OsvRecord back = mapper.readValue(json, OsvRecord.class);
      assertThat(OsvExporter.json(back)).as(a.id()).isEqualTo(json);
    }
  }

  @Test
  void everyExportedRecordIsValidAgainstTheOfficialSchema() throws Exception {
    assumeTrue(Files.exists(SCHEMA), "../shared/schemas is not present");
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    Schema schema = registry.getSchema(Files.readString(SCHEMA), InputFormat.JSON);
    List<Advisory> all = new ArrayList<>(advisories(Path.of("..")));
    all.addAll(advisories(Path.of("src/test/resources/sites/basic")));
    all.addAll(advisories(Path.of("src/test/resources/sites/exports")));
    int checked = 0;
    for (Advisory a : all) {
      OsvExporter.Settings settings =
          new OsvExporter.Settings(new SiteUrls("https://e.org/"), a.id().split("-")[0], false);
      String json = OsvExporter.json(OsvExporter.toOsv(a, settings, Optional.empty()));
      JsonNode node = new ObjectMapper().readTree(json);
      List<Error> errors = schema.validate(node);
      assertThat(errors).as("%s:%n%s", a.id(), json).isEmpty();
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(23);

    // The check itself can fail: an ID without a registered prefix is rejected.
    JsonNode bad =
        new ObjectMapper()
            .readTree(
                OsvExporter.json(
                    OsvExporter.toOsv(
                        all.get(0),
                        new OsvExporter.Settings(new SiteUrls("https://e.org/"), "DEMO", true),
                        Optional.empty())));
    assertThat(schema.validate(bad)).isNotEmpty();
  }
}
