package dev.disclose.cve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.disclose.advisory.Advisory;
import dev.disclose.catalog.Catalog;
import dev.disclose.config.CveSettings;
import dev.disclose.config.SiteConfig;
import dev.disclose.load.LoadRequest;
import dev.disclose.load.PathDisplay;
import dev.disclose.load.SiteRoot;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Advisory → CVE JSON 5 record: every record of the demo and the fixture sites is valid under the
 * record schema cvelib submits against, the demo's match their golden files, and each field says
 * what the advisory says.
 */
class CveRecordExporterTest {
  static final Path SCHEMA =
      Path.of("../../shared/schemas/cve-5/CVE_Record_Format_bundled_5.1.1.json");
  static final Path FIXTURE = Path.of("src/test/resources/sites/cve");
  static final Path GOLDEN = Path.of("src/test/resources/golden/cve/demo");
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  /** A site's public advisories at {@link #NOW} and its settings, as the export reads them. */
  record Site(List<Advisory> advisories, CveRecordExporter.Settings settings) {
    static Site of(Path root) throws Exception {
      SiteRoot site = SiteRoot.open(root, new PathDisplay(root));
      SiteConfig config = Pipeline.oneOff().config(site);
      List<Advisory> all = Pipeline.oneOff().check(LoadRequest.toCheck(site), NOW).advisories();
      return new Site(
          Catalog.publicAt(all, NOW).advisories(), CveRecordExporter.Settings.of(config));
    }

    Advisory advisory(String id) {
      return advisories.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    /** The full record of {@code cveId}, as written and read back. */
    JsonNode record(String id, String cveId) throws Exception {
      String json =
          CveRecordExporter.json(
              CveRecordExporter.record(advisory(id), cveId, settings, Optional.empty())
                  .orElseThrow());
      return JSON.readTree(json);
    }
  }

  static Optional<Schema> schema() throws Exception {
    if (!Files.exists(SCHEMA)) return Optional.empty();
    return Optional.of(
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
            .getSchema(Files.readString(SCHEMA), InputFormat.JSON));
  }

  @Test
  void everyDemoAdvisoryWithACveIdMatchesItsGoldenRecord() throws Exception {
    Site demo = Site.of(Path.of(".."));
    int written = 0;
    for (Advisory a : demo.advisories()) {
      for (String cve : a.cveIds()) {
        ObjectNode record =
            CveRecordExporter.record(a, cve, demo.settings(), Optional.empty()).orElseThrow();
        Golden.assertMatches(GOLDEN.resolve(cve + ".json"), CveRecordExporter.json(record));
        // The CNA container is the record's, byte for byte.
        assertThat(CveRecordExporter.json(CveRecordExporter.container(a, demo.settings())))
            .isEqualTo(CveRecordExporter.json(record.get("containers").get("cna")));
        written++;
      }
    }
    assertThat(written).isEqualTo(14);
  }

  @Test
  void everyRecordIsValidAgainstTheCveRecordSchema() throws Exception {
    Optional<Schema> schema = schema();
    assumeTrue(schema.isPresent(), "../shared/schemas/cve-5 is not present");
    int checked = 0;
    for (Path root : List.of(Path.of(".."), FIXTURE, Path.of("src/test/resources/sites/exports"))) {
      Site site = Site.of(root);
      // A site that is no CNA gets containers only: checked as cvelib sends them, with the
      // providerMetadata it adds for the CNA it logs in as.
      CveRecordExporter.Settings settings =
          new CveRecordExporter.Settings(
              site.settings().urls(),
              site.settings().idPrefix(),
              new CveSettings(
                  true, Optional.of("0c2d3a51-58f9-4f4e-9a63-2fd8c1a7e0b4"), Optional.empty()));
      for (Advisory a : site.advisories()) {
        for (String cve : a.cveIds()) {
          JsonNode record =
              JSON.readTree(
                  CveRecordExporter.json(
                      CveRecordExporter.record(a, cve, settings, Optional.empty()).orElseThrow()));
          assertThat(schema.get().validate(record))
              .as("%s of %s:%n%s", cve, a.id(), record)
              .isEmpty();
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(18);

    // The check itself can fail: a record without references is refused.
    JsonNode bad = Site.of(FIXTURE).record("CVX-2025-0001", "CVE-2025-40001");
    ((ObjectNode) bad.get("containers").get("cna")).remove("references");
    assertThat(schema.get().validate(bad)).isNotEmpty();
  }

  @Test
  void theRecordSaysWhatTheAdvisorySays() throws Exception {
    Site site = Site.of(FIXTURE);
    JsonNode record = site.record("CVX-2025-0001", "CVE-2025-40001");
    JsonNode meta = record.get("cveMetadata");
    assertThat(meta.get("cveId").asText()).isEqualTo("CVE-2025-40001");
    assertThat(meta.get("state").asText()).isEqualTo("PUBLISHED");
    assertThat(meta.get("assignerOrgId").asText())
        .isEqualTo("0c2d3a51-58f9-4f4e-9a63-2fd8c1a7e0b4");
    assertThat(meta.get("assignerShortName").asText()).isEqualTo("example");
    assertThat(meta.get("datePublished").asText()).isEqualTo("2025-04-01T16:00:00Z");
    assertThat(meta.get("dateUpdated").asText()).isEqualTo("2025-04-03T09:30:00Z");

    JsonNode cna = record.get("containers").get("cna");
    assertThat(cna.get("providerMetadata").get("orgId").asText())
        .isEqualTo("0c2d3a51-58f9-4f4e-9a63-2fd8c1a7e0b4");
    assertThat(cna.get("title").asText())
        .isEqualTo("Cross-site scripting in the \"report\" view of the console & its API");
    assertThat(cna.get("datePublic").asText()).isEqualTo("2025-04-01T16:00:00Z");

    // The details as plain text, and as the page's HTML beside it.
    JsonNode description = cna.get("descriptions").get(0);
    assertThat(description.get("lang").asText()).isEqualTo("en");
    assertThat(description.get("value").asText())
        .startsWith("The report view rendered a user's display name as HTML, so a name such as")
        .contains(
            "- On 3.0, apply the patch (https://github.com/example/console/commit/0123456789abcdef0123456789abcdef01234567).")
        .doesNotContain("`", "*display name*");
    JsonNode media = description.get("supportingMedia").get(0);
    assertThat(media.get("type").asText()).isEqualTo("text/html");
    assertThat(media.get("value").asText())
        .contains("<code>report</code>", "<em>display name</em>");

    // Affected packages: collection and name, intervals in the ecosystem's version type.
    JsonNode affected = cna.get("affected");
    assertThat(affected).hasSize(6);
    JsonNode npm = affected.get(0);
    assertThat(npm.get("collectionURL").asText()).isEqualTo("https://www.npmjs.com");
    assertThat(npm.get("packageName").asText()).isEqualTo("@example/console");
    assertThat(npm.get("defaultStatus").asText()).isEqualTo("unaffected");
    assertThat(versions(npm))
        .containsExactly("2.4.0 affected semver <2.9.1", "3.0.0 affected semver <=3.0.4");
    JsonNode pypi = affected.get(1);
    assertThat(pypi.get("collectionURL").asText()).isEqualTo("https://pypi.org");
    assertThat(versions(pypi))
        .containsExactly(
            "1.0 affected python <1.2.post1", "2.0rc1 affected python <*", "0.9.1 affected");
    JsonNode git = affected.get(2);
    assertThat(git.get("packageName").asText()).isEqualTo("example-api");
    assertThat(git.get("repo").asText()).isEqualTo("https://github.com/example/example-api");
    assertThat(versions(git))
        .containsExactly(
            "1111111111111111111111111111111111111111 affected git"
                + " <2222222222222222222222222222222222222222");
    JsonNode go = affected.get(3);
    assertThat(go.get("collectionURL").asText()).isEqualTo("https://pkg.go.dev");
    assertThat(versions(go)).containsExactly("0 affected semver <1.4.0");
    assertThat(go.get("programRoutines").findValuesAsText("name"))
        .containsExactly("console.Render", "console.Report");
    JsonNode crate = affected.get(4);
    assertThat(crate.get("collectionURL").asText()).isEqualTo("https://crates.io");
    assertThat(crate.get("platforms").toString()).isEqualTo("[\"linux/x86_64\",\"linux/aarch64\"]");
    JsonNode maven = affected.get(5);
    assertThat(maven.get("collectionURL").asText())
        .isEqualTo("https://repo.maven.apache.org/maven2");
    assertThat(maven.get("packageName").asText()).isEqualTo("org.example:console-client");
    assertThat(versions(maven)).containsExactly("3.0.0 affected maven <3.0.2");

    // Weaknesses with MITRE's names.
    assertThat(cna.get("problemTypes").findValuesAsText("description"))
        .containsExactly(
            "CWE-79 Improper Neutralization of Input During Web Page Generation ('Cross-site"
                + " Scripting')",
            "CWE-116 Improper Encoding or Escaping of Output");
    assertThat(cna.get("problemTypes").findValuesAsText("cweId"))
        .containsExactly("CWE-79", "CWE-116");

    // CVSS 4.0 and 3.1 with their scores and ratings; a package's own vector for that package.
    JsonNode metrics = cna.get("metrics");
    assertThat(metrics.get(0).get("cvssV4_0").get("vectorString").asText())
        .isEqualTo("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:P/VC:H/VI:L/VA:N/SC:L/SI:L/SA:N");
    assertThat(metrics.get(0).get("cvssV4_0").get("version").asText()).isEqualTo("4.0");
    assertThat(metrics.get(0).get("cvssV4_0").get("baseScore").decimalValue())
        .isEqualByComparingTo("7.0");
    assertThat(metrics.get(0).get("cvssV4_0").get("baseSeverity").asText()).isEqualTo("HIGH");
    assertThat(metrics.get(1).get("cvssV3_1").get("baseScore").decimalValue())
        .isEqualByComparingTo("7.6");
    assertThat(metrics.get(1).get("cvssV3_1").get("baseSeverity").asText()).isEqualTo("HIGH");
    assertThat(metrics.get(2).get("cvssV3_1").get("baseScore").decimalValue())
        .isEqualByComparingTo("4.6");
    assertThat(metrics.get(2).get("scenarios").get(0).get("value").asText())
        .isEqualTo("Go package github.com/example/console-go");

    // Credits in CVE's words; an untyped one is "other", not the schema's default "finder".
    assertThat(cna.get("credits"))
        .extracting(c -> c.get("value").asText() + ": " + c.get("type").asText())
        .containsExactly(
            "Ada Finder: finder",
            "Bo Reporter: reporter",
            "Cy Analyst: analyst",
            "Di Coordinator: coordinator",
            "Ed Fixer: remediation developer",
            "Flo Reviewer: remediation reviewer",
            "Gus Verifier: remediation verifier",
            "fuzz-tool: tool",
            "Example Foundation: sponsor",
            "Hal Other: other",
            "Anonymous Helper: other");

    // The advisory's page first, then each reference once, tagged.
    assertThat(cna.get("references"))
        .extracting(r -> r.get("url").asText() + " " + r.path("tags").toString())
        .containsExactly(
            "https://example.org/security/advisories/CVX-2025-0001/ [\"vendor-advisory\"]",
            "https://github.com/example/console/security/advisories/GHSA-4v5w-6x7r-8q9p"
                + " [\"vendor-advisory\"]",
            "https://nvd.nist.gov/vuln/detail/CVE-2025-40001 [\"vdb-entry\"]",
            "https://github.com/example/console/commit/0123456789abcdef0123456789abcdef01234567"
                + " [\"patch\"]",
            "https://github.com/example/console/issues/42 [\"issue-tracking\"]",
            "https://example.org/blog/xss [\"technical-description\"]",
            "https://example.org/poc [\"exploit\"]",
            "https://www.npmjs.com/package/@example/console [\"product\"]",
            "https://example.org/rules/xss.yml [\"signature\"]",
            "https://example.org/release-notes ");

    // The response, with the CVE request where its date puts it.
    assertThat(cna.get("timeline"))
        .extracting(t -> t.get("time").asText() + " " + t.get("value").asText())
        .containsExactly(
            "2025-02-01T12:00:00Z Reported to the project",
            "2025-02-02T12:00:00Z Report acknowledged",
            "2025-02-05T12:00:00Z Report assessed",
            "2025-03-10T12:00:00Z CVE ID requested",
            "2025-03-20T12:00:00Z Fix released",
            "2025-04-01T12:00:00Z Advisory published");
  }

  @Test
  void aWithdrawnAdvisoryIsARejectedRecordWithItsReason() throws Exception {
    JsonNode record = Site.of(FIXTURE).record("CVX-2025-0002", "CVE-2025-40002");
    assertThat(record.get("cveMetadata").get("state").asText()).isEqualTo("REJECTED");
    assertThat(record.get("cveMetadata").get("dateRejected").asText())
        .isEqualTo("2025-06-12T12:00:00Z");
    JsonNode cna = record.get("containers").get("cna");
    assertThat(cna.get("rejectedReasons").get(0).get("value").asText())
        .isEqualTo("Not a vulnerability: the limit is enforced by the caller.");
    assertThat(cna.has("affected")).isFalse();
    assertThat(cna.has("descriptions")).isFalse();
  }

  @Test
  void anImportedRecordWithoutACollectionOrVectorSaysWhatItCan() throws Exception {
    JsonNode cna =
        Site.of(FIXTURE).record("CVE-2024-12345", "CVE-2024-12345").get("containers").get("cna");
    JsonNode product = cna.get("affected").get(0);
    assertThat(product.get("vendor").asText()).isEqualTo("n/a");
    assertThat(product.get("product").asText()).isEqualTo("example-legacy");
    assertThat(versions(product)).containsExactly("0 affected custom <1.4.2-r0");
    assertThat(cna.get("metrics").get(0).get("other").get("content").get("text").asText())
        .isEqualTo("high");
    // Another database's record on this site: not the vendor's advisory.
    assertThat(cna.get("references").get(0).get("tags").get(0).asText())
        .isEqualTo("third-party-advisory");
    // Details longer than a description holds: whole paragraphs, and where the rest is.
    String text = cna.get("descriptions").get(0).get("value").asText();
    assertThat(text.length()).isLessThanOrEqualTo(CveRecordExporter.DESCRIPTION_MAX);
    assertThat(text)
        .endsWith(
            "the buffer.\n\n(Abridged; the full advisory:"
                + " https://example.org/security/advisories/CVE-2024-12345/)");
    assertThat(cna.get("descriptions").get(0).has("supportingMedia")).isFalse();
  }

  @Test
  void withoutACnaOnlyTheContainerIsWrittenAndItNamesNoProvider() throws Exception {
    Site site = Site.of(FIXTURE);
    CveRecordExporter.Settings none =
        new CveRecordExporter.Settings(site.settings().urls(), "CVX", CveSettings.NONE);
    Advisory a = site.advisory("CVX-2025-0001");
    assertThat(CveRecordExporter.record(a, "CVE-2025-40001", none, Optional.empty())).isEmpty();
    ObjectNode container = CveRecordExporter.container(a, none);
    assertThat(container.has("providerMetadata")).isFalse();
    List<String> fields = new ArrayList<>();
    container.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactly(
            "title",
            "datePublic",
            "descriptions",
            "affected",
            "problemTypes",
            "metrics",
            "references",
            "credits",
            "timeline");
  }

  @Test
  void longTextsAreCutWhereTheyCanBeRead() {
    assertThat(CveRecordExporter.abridged("short", 10)).isEqualTo("short");
    assertThat(CveRecordExporter.abridged("one two three four", 12)).isEqualTo("one two…");
    String text = "a".repeat(50) + "\n\n" + "b".repeat(80);
    assertThat(CveRecordExporter.abridged(text, 110, "https://e.org/x/"))
        .isEqualTo("a".repeat(50) + "\n\n(Abridged; the full advisory: https://e.org/x/)");
  }

  /** A product's versions as {@code "version status type <limit"}. */
  private static List<String> versions(JsonNode product) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : product.get("versions")) {
      StringBuilder b =
          new StringBuilder(v.get("version").asText() + " " + v.get("status").asText());
      if (v.has("versionType")) b.append(' ').append(v.get("versionType").asText());
      if (v.has("lessThan")) b.append(" <").append(v.get("lessThan").asText());
      if (v.has("lessThanOrEqual")) b.append(" <=").append(v.get("lessThanOrEqual").asText());
      out.add(b.toString());
    }
    return out;
  }
}
