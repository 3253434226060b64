package dev.disclose.csaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import dev.disclose.testing.Golden;
import dev.disclose.testing.TestSites;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Advisory → CSAF 2.0 document: the demo's files match their golden copies, every document and
 * provider-metadata.json is valid under the CSAF 2.0 schemas, and each field says what the advisory
 * says.
 */
class CsafDocumentTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/csaf/demo");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  static JsonNode document(Map<String, byte[]> files, String path) throws Exception {
    assertThat(files).containsKey(path);
    return JSON.readTree(files.get(path));
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void everyDemoFileMatchesItsGoldenFile() throws Exception {
    Map<String, byte[]> files = CsafFiles.of(CsafFiles.DEMO);
    for (Map.Entry<String, byte[]> f : files.entrySet())
      Golden.assertMatches(GOLDEN.resolve(f.getKey()), CsafFiles.text(f.getValue()));
    // Every public advisory of the demo: its drafts and embargoed advisories have none.
    assertThat(CsafFiles.documents(files)).hasSize(16);
  }

  @Test
  void everyDocumentAndTheProviderMetadataAreValidAgainstTheCsafSchemas() throws Exception {
    Optional<Schema> documents = CsafFiles.documentSchema();
    assumeTrue(documents.isPresent(), "../shared/schemas/csaf-2.0 is not present");
    Schema provider = CsafFiles.providerSchema().orElseThrow();
    int checked = 0;
    for (Path root : List.of(CsafFiles.DEMO, CsafFiles.CVE_FIXTURE, CsafFiles.EXPORTS_FIXTURE)) {
      Map<String, byte[]> files = CsafFiles.of(root);
      for (String path : CsafFiles.documents(files)) {
        JsonNode doc = JSON.readTree(files.get(path));
        assertThat(documents.get().validate(doc)).as("%s of %s", path, root).isEmpty();
        checked++;
      }
      JsonNode metadata = JSON.readTree(files.get("provider-metadata.json"));
      assertThat(provider.validate(metadata)).as("provider-metadata.json of %s", root).isEmpty();
    }
    assertThat(checked).isEqualTo(16 + 4 + 5);

    // The check itself can fail: a document without a tracking ID is refused.
    JsonNode bad = document(CsafFiles.of(CsafFiles.CVE_FIXTURE), "white/2025/cvx-2025-0001.json");
    ((ObjectNode) bad.get("document").get("tracking")).remove("id");
    assertThat(documents.get().validate(bad)).isNotEmpty();
  }

  @Test
  void theDocumentSaysWhatTheAdvisorySays() throws Exception {
    JsonNode csaf = document(CsafFiles.of(CsafFiles.CVE_FIXTURE), "white/2025/cvx-2025-0001.json");
    JsonNode doc = csaf.get("document");
    assertThat(doc.get("category").asText()).isEqualTo("csaf_security_advisory");
    assertThat(doc.get("title").asText())
        .isEqualTo("Cross-site scripting in the \"report\" view of the console & its API");
    assertThat(doc.get("distribution").get("tlp").get("label").asText()).isEqualTo("WHITE");
    assertThat(doc.get("publisher").get("namespace").asText()).isEqualTo("https://example.org");
    assertThat(doc.get("aggregate_severity").get("text").asText()).isEqualTo("High");

    // Tracking: published, then the written modification.
    JsonNode tracking = doc.get("tracking");
    assertThat(tracking.get("id").asText()).isEqualTo("CVX-2025-0001");
    assertThat(tracking.get("initial_release_date").asText()).isEqualTo("2025-04-01T16:00:00Z");
    assertThat(tracking.get("current_release_date").asText()).isEqualTo("2025-04-03T09:30:00Z");
    assertThat(tracking.get("version").asText()).isEqualTo("2");
    assertThat(tracking.get("status").asText()).isEqualTo("final");
    assertThat(tracking.get("revision_history").findValuesAsText("summary"))
        .containsExactly("Initial publication.", "Updated.");
    assertThat(texts(tracking.get("aliases")))
        .containsExactly("CVE-2025-40001", "GHSA-4v5w-6x7r-8q9p");

    // References: the document itself, the page, then each address once.
    JsonNode refs = doc.get("references");
    assertThat(refs.get(0).get("url").asText())
        .isEqualTo("https://example.org/security/.well-known/csaf/white/2025/cvx-2025-0001.json");
    assertThat(refs.get(0).get("category").asText()).isEqualTo("self");
    assertThat(refs.get(1).get("url").asText())
        .isEqualTo("https://example.org/security/advisories/CVX-2025-0001/");
    assertThat(refs.findValuesAsText("url")).doesNotHaveDuplicates();
    assertThat(refs.get(2).get("summary").asText()).isEqualTo("Advisory");
    assertThat(doc.get("acknowledgments").get(0).get("summary").asText()).isEqualTo("finder");

    // Products: ecosystem → package → each interval in vers, each fix as a version.
    JsonNode vendors = csaf.get("product_tree").get("branches");
    assertThat(vendors.findValuesAsText("name"))
        .contains("npm", "PyPI", "Go", "crates.io", "Maven");
    JsonNode v = csaf.get("vulnerabilities").get(0);
    assertThat(texts(v.get("product_status").get("known_affected")))
        .containsExactly(
            "npm/@example/console@vers:npm/>=2.4.0|<2.9.1",
            "npm/@example/console@vers:npm/>=3.0.0|<=3.0.4",
            "PyPI/example-api@vers:pypi/>=1.0|<1.2.post1",
            "PyPI/example-api@vers:pypi/>=2.0rc1",
            "PyPI/example-api@0.9.1",
            "Go/github.com/example/console-go@vers:golang/<1.4.0",
            "crates.io/example-render@vers:cargo/>=0.5.0|<0.7.2",
            "Maven/org.example:console-client@vers:maven/>=3.0.0|<3.0.2");
    assertThat(texts(v.get("product_status").get("fixed")))
        .containsExactly(
            "npm/@example/console@2.9.1",
            "PyPI/example-api@1.2.post1",
            "Go/github.com/example/console-go@1.4.0",
            "crates.io/example-render@0.7.2",
            "Maven/org.example:console-client@3.0.2");
    assertThat(csaf.get("product_tree").findValuesAsText("purl"))
        .contains(
            "pkg:npm/%40example/console",
            "pkg:npm/%40example/console@2.9.1",
            "pkg:golang/github.com/example/console-go",
            "pkg:maven/org.example/console-client@3.0.2");

    // The vulnerability: its CVE, other IDs, first weakness, details.
    assertThat(v.get("cve").asText()).isEqualTo("CVE-2025-40001");
    assertThat(v.get("ids").findValuesAsText("text"))
        .containsExactly("CVX-2025-0001", "GHSA-4v5w-6x7r-8q9p");
    assertThat(v.get("ids").findValuesAsText("system_name"))
        .containsExactly("CVE Fixtures", "GHSA");
    assertThat(v.get("cwe").get("id").asText()).isEqualTo("CWE-79");
    assertThat(v.get("cwe").get("name").asText())
        .isEqualTo(
            "Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')");
    assertThat(v.get("notes").get(0).get("text").asText())
        .startsWith("The report view rendered a user's display name as HTML")
        .doesNotContain("`");
    assertThat(v.get("notes").get(1).get("text").asText()).startsWith("CWE-116 ");

    // What to do: each fix by its release line; nothing named after 3.0.4 or for 0.9.1.
    assertThat(v.get("remediations").findValuesAsText("details"))
        .contains(
            "Upgrade @example/console (npm) to 2.9.1, the fixed version of its release line.",
            "No fixed version of @example/console (npm) after 3.0.4 is named yet.",
            "No version of example-api (PyPI) from 2.0rc1 on is fixed yet.",
            "The advisory names no fixed version of example-api (PyPI) for 0.9.1.",
            "Upgrade github.com/example/console-go (Go) to 1.4.0 or later.");
    for (JsonNode r : v.get("remediations")) assertThat(r.get("product_ids")).isNotEmpty();

    // Scores: the Go package's own, the advisory's for the rest; no CVSS 4.0 in CSAF 2.0.
    JsonNode scores = v.get("scores");
    assertThat(scores).hasSize(2);
    assertThat(scores.get(0).get("cvss_v3").get("vectorString").asText())
        .isEqualTo("CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:H/I:L/A:N");
    assertThat(scores.get(0).get("cvss_v3").get("baseScore").asDouble()).isEqualTo(7.6);
    assertThat(texts(scores.get(1).get("products")))
        .containsExactly("Go/github.com/example/console-go@vers:golang/<1.4.0");
  }

  @Test
  void aWithdrawnAdvisoryIsAWithdrawnDocumentWithItsReason() throws Exception {
    JsonNode csaf = document(CsafFiles.of(CsafFiles.CVE_FIXTURE), "white/2025/cvx-2025-0002.json");
    JsonNode doc = csaf.get("document");
    // CSAF 2.1's profile, which a 2.0 document takes as its base profile.
    assertThat(doc.get("category").asText()).isEqualTo("Withdrawn");
    assertThat(doc.get("title").asText()).startsWith("Withdrawn: ");
    assertThat(csaf.has("product_tree")).isFalse();
    assertThat(csaf.has("vulnerabilities")).isFalse();
    assertThat(doc.has("aggregate_severity")).isFalse();
    assertThat(doc.get("notes")).hasSize(1);
    assertThat(doc.get("notes").get(0).get("title").asText()).isEqualTo("Reasoning for Withdrawal");
    JsonNode history = doc.get("tracking").get("revision_history");
    assertThat(history.size()).isGreaterThanOrEqualTo(2);
    assertThat(history.get(history.size() - 1).get("summary").asText()).startsWith("Withdrawn: ");
    assertThat(doc.get("tracking").get("status").asText()).isEqualTo("final");
  }

  @Test
  void anUnmaintainedPackageIsAnInformationalAdvisoryWithItsProducts() throws Exception {
    JsonNode csaf =
        document(CsafFiles.of(CsafFiles.EXPORTS_FIXTURE), "white/2025/exp-2025-0004.json");
    assertThat(csaf.get("document").get("category").asText())
        .isEqualTo("csaf_informational_advisory");
    assertThat(csaf.has("vulnerabilities")).isFalse();
    assertThat(csaf.get("product_tree").findValuesAsText("category"))
        .contains("product_version_range");
    assertThat(csaf.get("document").get("notes").get(0).get("category").asText())
        .isEqualTo("description");
    assertThat(csaf.get("document").get("references").findValuesAsText("category"))
        .contains("external");
  }

  @Test
  void eachCveIdIsAVulnerabilityAndOnlyWeaknessesAreItsCwe() throws Exception {
    Path site = TestSites.withConfig(temp.resolve("site"));
    TestSites.write(
        site,
        "advisories/2025/DEMO-2025-0001.md",
        TestSites.validAdvisory("DEMO-2025-0001")
            .replace("aliases: [CVE-2025-31337]", "aliases: [CVE-2025-31337, CVE-2025-31338]")
            .replace("cwes: [CWE-22]", "cwes: [CWE-16, CWE-22]")
            .replace(
                "  cvss_v3: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N",
                "  cvss_v3: CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N\n"
                    + "  cvss_v2: AV:N/AC:L/Au:N/C:P/I:N/A:N"));
    JsonNode csaf = document(CsafFiles.of(site), "white/2025/demo-2025-0001.json");
    JsonNode vulnerabilities = csaf.get("vulnerabilities");
    assertThat(vulnerabilities.findValuesAsText("cve"))
        .containsExactly("CVE-2025-31337", "CVE-2025-31338");
    JsonNode v = vulnerabilities.get(0);
    // CWE-16 is a category in MITRE's list, which CSAF's cwe does not take.
    assertThat(v.get("cwe").get("id").asText()).isEqualTo("CWE-22");
    assertThat(v.get("notes").get(1).get("text").asText()).startsWith("CWE-16 ");
    JsonNode score = v.get("scores").get(0);
    assertThat(score.get("cvss_v3").get("version").asText()).isEqualTo("3.0");
    assertThat(score.get("cvss_v2").get("baseScore").asDouble()).isEqualTo(5.0);
    assertThat(score.get("cvss_v2").has("baseSeverity")).isFalse();
    Optional<Schema> schema = CsafFiles.documentSchema();
    if (schema.isPresent()) assertThat(schema.get().validate(csaf)).isEmpty();
  }

  @Test
  void fileNamesFollowTheStandardsRule() {
    // The examples of CSAF 2.0 section 5.1.
    assertThat(CsafJson.fileName("2022_#01-A")).isEqualTo("2022_01-a.json");
    assertThat(CsafJson.fileName("Example Company - 2019-YH3234"))
        .isEqualTo("example_company_-_2019-yh3234.json");
    assertThat(CsafJson.fileName("RHBA-2019:0024")).isEqualTo("rhba-2019_0024.json");
    assertThat(CsafJson.fileName("DEMO-2025-0001")).isEqualTo("demo-2025-0001.json");
  }
}
