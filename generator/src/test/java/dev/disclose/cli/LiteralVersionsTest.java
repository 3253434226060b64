package dev.disclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.Golden;
import dev.disclose.testing.TestSites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An affected package's {@code versions} are the ecosystem's literal release names: PyPI releases
 * PEP 440 does not accept pass validation, and every export carries them as written.
 */
class LiteralVersionsTest {
  static final Path FIXTURE = Path.of("src/test/resources/sites/literal-versions");
  static final Path GOLDEN = Path.of("src/test/resources/golden/literal-versions");
  static final String NOW = "2026-01-01T00:00:00Z";
  static final List<String> LISTED = List.of("2.0.0-final", "0.1-bulbasaur", "0.9-doduo");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;
  Path site;

  @BeforeEach
  void copyFixture() throws Exception {
    site = temp.resolve("site");
    TestSites.copyTree(FIXTURE, site);
  }

  /** The exported file {@code file} of {@code format}, checked against its golden file. */
  private String export(String format, String file) throws Exception {
    CliRun run = CliRun.in(site, "export", format, "--out", format, "--now", NOW);
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    String text = Files.readString(site.resolve(format).resolve(file), StandardCharsets.UTF_8);
    Golden.assertMatches(GOLDEN.resolve(format).resolve(file), text);
    return text;
  }

  /** Each element's text, or its {@code field}'s when one is named. */
  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add((field.isEmpty() ? n : n.path(field)).asText()));
    return out;
  }

  @Test
  void listedReleaseNamesOutsidePep440PassValidation() {
    CliRun run = CliRun.in(site, "validate", "--now", NOW);
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).doesNotContain("R001").contains("checked 1 file: no problems");
  }

  @Test
  void osvListsTheVersionsAsWritten() throws Exception {
    JsonNode record = JSON.readTree(export("osv", "x_LIT-2025-0001.json"));
    assertThat(texts(record.path("affected").get(0).path("versions"), "")).isEqualTo(LISTED);
  }

  @Test
  void csafNamesEachVersionAsAnAffectedProductWithoutAFix() throws Exception {
    JsonNode doc = JSON.readTree(export("csaf", "white/2025/lit-2025-0001.json"));
    JsonNode vulnerability = doc.path("vulnerabilities").get(0);
    List<String> ids = LISTED.stream().map(v -> "PyPI/pokedex-loader@" + v).toList();
    assertThat(texts(vulnerability.path("product_status").path("known_affected"), ""))
        .containsAll(ids);
    JsonNode none = vulnerability.path("remediations").get(1);
    assertThat(none.path("category").asText()).isEqualTo("none_available");
    assertThat(none.path("details").asText())
        .isEqualTo(
            "The advisory names no fixed version of pokedex-loader (PyPI) for 2.0.0-final,"
                + " 0.1-bulbasaur, 0.9-doduo.");
    assertThat(doc.toString()).contains("\"purl\":\"pkg:pypi/pokedex-loader@0.1-bulbasaur\"");
  }

  @Test
  void cycloneDxMarksEachVersionAffected() throws Exception {
    JsonNode vulnerability =
        JSON.readTree(export("cyclonedx", "vex.json")).path("vulnerabilities").get(0);
    List<String> affected = new ArrayList<>();
    vulnerability
        .path("affects")
        .get(0)
        .path("versions")
        .forEach(
            v -> {
              if (v.has("version") && v.path("status").asText().equals("affected"))
                affected.add(v.path("version").asText());
            });
    assertThat(affected).isEqualTo(LISTED);
    assertThat(vulnerability.path("recommendation").asText())
        .endsWith("pokedex-loader (PyPI) 2.0.0-final, 0.1-bulbasaur, 0.9-doduo are affected too.");
  }

  @Test
  void githubGetsOneExactRangePerVersion() throws Exception {
    JsonNode body = JSON.readTree(export("ghsa", "create/LIT-2025-0001.json"));
    assertThat(texts(body.path("vulnerabilities"), "vulnerable_version_range"))
        .containsExactly(">= 1.0.0, < 1.4.2", "= 2.0.0-final", "= 0.1-bulbasaur", "= 0.9-doduo");
  }
}
