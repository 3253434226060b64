package dev.disclose.osv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.disclose.advisory.AdvisoryId;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestSites;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record imported with {@code --keep-ids} keeps GitHub's ID as its page's name, but the site's
 * OSV export never publishes another database's ID as a record of its own: OSV already has that
 * record from its home database, and a second one under the same ID would compete with it.
 */
class OsvForeignIdTest {
  static final String GHSA = "GHSA-4v5w-6x7r-8q9p";
  static final String RECORD =
      """
      {"schema_version": "1.7.5", "id": "GHSA-4v5w-6x7r-8q9p", "modified": "2025-03-10T00:00:00Z",
       "published": "2025-03-04T00:00:00Z", "aliases": ["CVE-2025-10001"],
       "summary": "Path traversal in fixture-server",
       "details": "Joined paths without normalizing them.",
       "affected": [{"package": {"ecosystem": "PyPI", "name": "fixture-server"},
         "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "1.0.0"}, {"fixed": "1.4.2"}]}]}],
       "references": [{"type": "ADVISORY", "url": "https://github.com/advisories/GHSA-4v5w-6x7r-8q9p"}]}
      """;
  static final String NOW = "2026-01-01T00:00:00Z";

  @TempDir Path temp;
  Path site;
  Path record;

  @BeforeEach
  void siteWithOneAdvisoryOfItsOwn() throws IOException {
    site = TestSites.withConfig(temp.resolve("site"));
    TestSites.write(
        site, "advisories/2025/DEMO-2025-0001.md", TestSites.validAdvisory("DEMO-2025-0001"));
    record = TestSites.write(temp, "in/" + GHSA + ".json", RECORD);
  }

  @Test
  void importedWithKeepIdsTheRecordIsNotInTheOsvExport() throws IOException {
    CliRun imported = CliRun.in(site, "import", "osv", "--keep-ids", record.toString());
    assertThat(imported.exitCode()).as(imported.out()).isZero();
    assertThat(imported.out())
        .contains(
            "note: 1 of them keep another database's ID: their pages are named by it, and the"
                + " site's OSV export leaves them out");
    assertThat(site.resolve("advisories/2025/" + GHSA + ".md")).exists();

    CliRun export = CliRun.in(site, "export", "osv", "--out", "osv", "--now", NOW);
    assertThat(export.exitCode()).as(export.out() + export.err()).isZero();
    assertThat(export.err())
        .contains(
            "note: 1 advisory keeps another database's ID, which OSV knows from that database, so"
                + " the OSV export leaves them out rather than publish a rival record under it: "
                + GHSA);
    assertThat(recordIds(site.resolve("osv"))).containsOnly("x_DEMO-2025-0001");
  }

  @Test
  void theSitesOsvFolderHoldsNoGitHubIdAndThePageNoLinkToOne() throws IOException {
    assertThat(CliRun.in(site, "import", "osv", "--keep-ids", record.toString()).exitCode())
        .isZero();
    CliRun build = CliRun.in(site, "build", "--now", NOW);
    assertThat(build.exitCode()).as(build.out() + build.err()).isZero();
    Path out = site.resolve("_site");
    assertThat(recordIds(out.resolve("osv"))).containsOnly("x_DEMO-2025-0001");
    // The page keeps GitHub's ID as its name, without a link to an OSV file the site lacks.
    String page = Files.readString(out.resolve("advisories/" + GHSA + "/index.html"));
    assertThat(page).contains(GHSA).doesNotContain("OSV JSON").doesNotContain("osv/" + GHSA);
    assertThat(Files.readString(out.resolve("advisories/DEMO-2025-0001/index.html")))
        .contains("osv/x_DEMO-2025-0001.json");
  }

  @Test
  void importedAsTheSitesOwnTheRecordIsExportedWithGitHubsIdAsAnAlias() throws IOException {
    assertThat(CliRun.in(site, "import", "osv", record.toString()).exitCode()).isZero();
    CliRun export = CliRun.in(site, "export", "osv", "--out", "osv", "--now", NOW);
    assertThat(export.exitCode()).as(export.out() + export.err()).isZero();
    assertThat(export.err()).doesNotContain("another database's ID");
    assertThat(recordIds(site.resolve("osv"))).containsOnly("x_DEMO-2025-0001", "x_DEMO-2025-0002");
    JsonNode own = new ObjectMapper().readTree(site.resolve("osv/x_DEMO-2025-0002.json").toFile());
    assertThat(own.get("aliases").toString()).isEqualTo("[\"" + GHSA + "\",\"CVE-2025-10001\"]");
  }

  @Test
  void anotherDatabasesIdIsNeitherTheSitesOwnNorItsPlaceholder() {
    assertThat(AdvisoryId.isOtherDatabase(GHSA, "DEMO")).isTrue();
    assertThat(AdvisoryId.isOtherDatabase("RUSTSEC-2024-0001", "DEMO")).isTrue();
    assertThat(AdvisoryId.isOtherDatabase("PYSEC-2024-12", "DEMO")).isTrue();
    assertThat(AdvisoryId.isOtherDatabase("DEMO-2025-0001", "DEMO")).isFalse();
    assertThat(AdvisoryId.isOtherDatabase("DEMO-0000-0000", "DEMO")).isFalse();
    // A site whose prefix OSV registered: its own IDs are its own, others' are not.
    assertThat(AdvisoryId.isOtherDatabase("GO-2025-0001", "GO")).isFalse();
    assertThat(AdvisoryId.isOtherDatabase("GO-2025-0001", "DEMO")).isTrue();
  }

  /**
   * Every record ID an OSV folder publishes: its files' names and {@code id}s, all.json's, and
   * every zip's entries'; all of them, so that none can hide a GHSA.
   */
  private static List<String> recordIds(Path osv) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> ids = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(osv)) {
      for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.equals("all.json")) {
          for (JsonNode entry : json.readTree(f.toFile())) ids.add(entry.get("id").asText());
        } else if (name.endsWith(".json")) {
          ids.add(name.substring(0, name.length() - 5));
          ids.add(json.readTree(f.toFile()).get("id").asText());
        } else if (name.endsWith(".zip")) {
          try (ZipInputStream in =
              new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(f)))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
              ids.add(e.getName().replace(".json", ""));
              ids.add(json.readTree(in.readAllBytes()).get("id").asText());
            }
          }
        }
      }
    }
    assertThat(ids).isNotEmpty().noneMatch(id -> id.startsWith("GHSA-"));
    return ids;
  }
}
