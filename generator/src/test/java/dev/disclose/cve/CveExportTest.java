package dev.disclose.cve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code disclose export cve}, and the site's {@code cve/} when {@code formats:} names it. */
class CveExportTest {
  static final String NOW = "2026-11-22T12:00:00Z";

  @TempDir Path temp;
  Path site;

  @BeforeEach
  void copyFixture() throws IOException {
    site = temp.resolve("site");
    TestSites.copyTree(CveRecordExporterTest.FIXTURE, site);
  }

  private CliRun export(String out) {
    CliRun run = CliRun.in(site, "export", "cve", "--out", out, "--now", NOW);
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    return run;
  }

  @Test
  void eachCveIdOfAPublicAdvisoryGetsItsRecordAndContainer() throws Exception {
    CliRun run = export("cve");
    Map<String, byte[]> files = files(site.resolve("cve"));
    assertThat(files.keySet())
        .containsExactly(
            "CVE-2024-12345.cna.json",
            "CVE-2024-12345.json",
            "CVE-2025-40001.cna.json",
            "CVE-2025-40001.json",
            "CVE-2025-40002.cna.json",
            "CVE-2025-40002.json");
    assertThat(run.out()).startsWith("4 public advisories exported as cve: 6 files -> ");
    assertThat(run.err())
        .contains(
            "note: 1 advisories wait for a requested CVE ID and have no record yet: CVX-2025-0005");
    ObjectMapper json = new ObjectMapper();
    JsonNode record = json.readTree(files.get("CVE-2025-40001.json"));
    assertThat(json.readTree(files.get("CVE-2025-40001.cna.json")))
        .isEqualTo(record.get("containers").get("cna"));
    // Written into the folder as the site would: a second export is the same bytes.
    export("again");
    Map<String, byte[]> again = files(site.resolve("again"));
    for (String name : files.keySet())
      assertThat(again.get(name)).as(name).isEqualTo(files.get(name));
  }

  @Test
  void embargoedAndDraftAdvisoriesHaveNoRecordUntilTheirTime() throws Exception {
    export("cve");
    StringBuilder everything = new StringBuilder();
    for (Map.Entry<String, byte[]> f : files(site.resolve("cve")).entrySet()) {
      everything.append(f.getKey()).append(new String(f.getValue(), StandardCharsets.UTF_8));
    }
    assertThat(everything.toString())
        .doesNotContain("CVE-2025-40003", "EMBARGO-CANARY", "CVE-2025-40004", "DRAFT-CANARY");
    CliRun later =
        CliRun.in(site, "export", "cve", "--out", "later", "--now", "2027-01-10T16:00:00Z");
    assertThat(later.exitCode()).as(later.err()).isZero();
    assertThat(site.resolve("later/CVE-2025-40003.json")).exists();
    assertThat(site.resolve("later/CVE-2025-40004.json")).doesNotExist();
  }

  @Test
  void withoutACnaTheExportWritesContainersAndSaysWhy() throws Exception {
    Path config = site.resolve("site-config.yaml");
    String text = Files.readString(config);
    Files.writeString(config, text.substring(0, text.indexOf("cve:")));
    CliRun run = export("cve");
    assertThat(files(site.resolve("cve")).keySet())
        .containsExactly(
            "CVE-2024-12345.cna.json", "CVE-2025-40001.cna.json", "CVE-2025-40002.cna.json");
    assertThat(run.err()).contains("note: site-config.yaml's `cve` names no CNA");
  }

  @Test
  void theSitePublishesCveRecordsOnlyWhenFormatsNamesThem() throws Exception {
    CliRun build = CliRun.in(site, "build", "--now", NOW);
    assertThat(build.exitCode()).as(build.out() + build.err()).isZero();
    assertThat(site.resolve("_site/cve")).doesNotExist();
    assertThat(site.resolve("_site/osv")).isDirectory();

    Files.writeString(
        site.resolve("site-config.yaml"),
        "formats: [osv, cve]\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    build = CliRun.in(site, "build", "--now", NOW);
    assertThat(build.exitCode()).as(build.out() + build.err()).isZero();
    assertThat(site.resolve("_site/cve/CVE-2025-40001.json")).exists();
    assertThat(site.resolve("_site/cve/CVE-2025-40001.cna.json")).exists();
  }

  static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String name = root.relativize(p).toString().replace('\\', '/');
        if (!name.equals(".disclose-output")) out.put(name, Files.readAllBytes(p));
      }
    }
    return out;
  }
}
