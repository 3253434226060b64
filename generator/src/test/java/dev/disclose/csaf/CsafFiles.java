package dev.disclose.csaf;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.disclose.check.CheckedSite;
import dev.disclose.format.FileSink;
import dev.disclose.load.LoadRequest;
import dev.disclose.load.PathDisplay;
import dev.disclose.load.SiteRoot;
import dev.disclose.pipeline.OutputFormats;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.sealing.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the CSAF tests share: a site's CSAF files made as {@code disclose export csaf} makes them
 * (without git, so revisions come from the advisories alone), and the CSAF 2.0 schemas of {@code
 * ../shared}, when that folder is there.
 */
final class CsafFiles {
  static final Path SCHEMAS = Path.of("../../shared/schemas/csaf-2.0");
  static final Path DEMO = Path.of("..");
  static final Path CVE_FIXTURE = Path.of("src/test/resources/sites/cve");
  static final Path EXPORTS_FIXTURE = Path.of("src/test/resources/sites/exports");
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  private CsafFiles() {}

  /** Every CSAF file of the site at {@code root} as of {@code now}, path → bytes, sorted. */
  static Map<String, byte[]> of(Path root, Instant now, Optional<SigningKey> key) throws Exception {
    SiteRoot site = SiteRoot.open(root, new PathDisplay(root));
    CheckedSite checked = Pipeline.oneOff().checkClean(LoadRequest.toCheck(site), now);
    Map<String, byte[]> files = new TreeMap<>();
    Pipeline.oneOff()
        .export(checked, OutputFormats.signing(new CsafFormat(), key), FileSink.inMemory(files));
    return files;
  }

  static Map<String, byte[]> of(Path root) throws Exception {
    return of(root, NOW, Optional.empty());
  }

  /** The documents among {@code files}: the JSON files in the year folders. */
  static List<String> documents(Map<String, byte[]> files) {
    return files.keySet().stream().filter(p -> p.matches("white/[0-9]{4}/[^/]+\\.json")).toList();
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The schema of CSAF documents, with FIRST's CVSS schemas it refers to. */
  static Optional<Schema> documentSchema() throws IOException {
    return schema("csaf_json_schema.json");
  }

  /** The schema of provider-metadata.json, which refers to the document schema's publisher. */
  static Optional<Schema> providerSchema() throws IOException {
    return schema("provider_json_schema.json");
  }

  private static Optional<Schema> schema(String name) throws IOException {
    if (!Files.isDirectory(SCHEMAS)) return Optional.empty();
    Map<String, String> byId = new TreeMap<>();
    byId.put(
        "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json",
        Files.readString(SCHEMAS.resolve("csaf_json_schema.json")));
    for (String cvss : List.of("cvss-v2.0.json", "cvss-v3.0.json", "cvss-v3.1.json"))
      byId.put("https://www.first.org/cvss/" + cvss, Files.readString(SCHEMAS.resolve(cvss)));
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, builder -> builder.schemas(byId));
    return Optional.of(
        registry.getSchema(Files.readString(SCHEMAS.resolve(name)), InputFormat.JSON));
  }
}
