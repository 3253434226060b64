package dev.disclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.osv.OsvImporter;
import dev.disclose.osv.OsvRecord;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestSites;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code disclose merge-osv}: this site's OSV records merged into osv-scanner's offline database
 * for their ecosystem, {@code <local db dir>/osv-scanner/<Ecosystem>/all.zip} (or osv-scalibr/, as
 * newer osv-scanners name it), which osv-scanner --offline-vulnerabilities reads instead of
 * OSV.dev's whole database: every {@code .json} entry of the zip, each an OSV record.
 */
class MergeOsvCommandTest {
  static final String NOW = "2026-11-22T12:00:00Z";

  @TempDir Path temp;
  Path site;
  Path cache;

  @BeforeEach
  void siteAndOsvDevsDatabase() throws IOException {
    site = temp.resolve("site");
    TestSites.copyTree(Path.of("src/test/resources/sites/go"), site);
    CliRun export = CliRun.in(site, "export", "osv", "--out", "osv", "--now", NOW);
    assertThat(export.exitCode()).as(export.err()).isZero();
    cache = temp.resolve("cache/osv-scanner");
    // OSV.dev's Go database: one record of its own, an older copy of one of ours, and a copy of
    // another that it has since updated.
    Map<String, String> osvDev = new LinkedHashMap<>();
    osvDev.put("GO-2024-9999.json", record("GO-2024-9999", "2024-05-01T00:00:00Z", "x/other"));
    osvDev.put(
        "x_GOX-2025-0001.json",
        record("x_GOX-2025-0001", "2025-01-01T00:00:00Z", "github.com/example/proxy"));
    osvDev.put(
        "x_GOX-2025-0003.json",
        record("x_GOX-2025-0003", "2027-01-01T00:00:00Z", "github.com/example/legacy-login"));
    Files.createDirectories(cache.resolve("Go"));
    try (OutputStream out = Files.newOutputStream(cache.resolve("Go/all.zip"));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> e : osvDev.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
  }

  static String record(String id, String modified, String module) {
    return "{\"id\": \""
        + id
        + "\", \"modified\": \""
        + modified
        + "\", \"affected\": [{\"package\": {\"ecosystem\": \"Go\", \"name\": \""
        + module
        + "\"}, \"ranges\": [{\"type\": \"SEMVER\", \"events\": [{\"introduced\": \"0\"}]}]}]}";
  }

  @Test
  void theSitesRecordsJoinOsvDevsInTheEcosystemsZip() throws Exception {
    CliRun run = CliRun.in(site, "merge-osv", "--into", cache.toString(), "osv");
    // The site has a PyPI record too, and there is no PyPI database to merge it into: a note.
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .isEqualTo(
            cache.resolve("Go/all.zip") + ": 2 added, 1 replaced, 1 kept (OSV.dev's is newer)\n");
    assertThat(run.err())
        .contains(
            "note: "
                + cache.resolve("PyPI/all.zip")
                + " is missing: skipped 1 PyPI records;"
                + " download OSV.dev's PyPI database there first");

    Map<String, byte[]> merged = entries(cache.resolve("Go/all.zip"));
    assertThat(merged.keySet())
        .containsExactly(
            "GO-2024-9999.json",
            "x_GOX-2025-0001.json",
            "x_GOX-2025-0003.json",
            "x_GOX-2025-0002.json",
            "x_GOX-2025-0005.json");
    // As osv-scanner loads the zip: every .json entry is an OSV record.
    for (Map.Entry<String, byte[]> e : merged.entrySet()) {
      OsvRecord r = OsvImporter.read(e.getValue());
      assertThat(e.getKey()).isEqualTo(r.id() + ".json");
    }
    assertThat(merged.get("x_GOX-2025-0001.json"))
        .isEqualTo(Files.readAllBytes(site.resolve("osv/x_GOX-2025-0001.json")));
    assertThat(merged.get("x_GOX-2025-0002.json"))
        .isEqualTo(Files.readAllBytes(site.resolve("osv/x_GOX-2025-0002.json")));
    assertThat(new String(merged.get("x_GOX-2025-0003.json"), StandardCharsets.UTF_8))
        .contains("2027-01-01T00:00:00Z");
    assertThat(new String(merged.get("GO-2024-9999.json"), StandardCharsets.UTF_8))
        .isEqualTo(record("GO-2024-9999", "2024-05-01T00:00:00Z", "x/other"));

    // Merging again, here from the site's per-ecosystem zip, changes no record.
    CliRun again = CliRun.in(site, "merge-osv", "--into", cache.toString(), "osv/Go/all.zip");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains(": 0 added, 3 replaced, 1 kept");
    Map<String, byte[]> twice = entries(cache.resolve("Go/all.zip"));
    assertThat(twice.keySet()).containsExactlyElementsOf(merged.keySet());
    for (String name : merged.keySet())
      assertThat(twice.get(name)).as(name).isEqualTo(merged.get(name));
  }

  @Test
  void withoutTheFolderOrWithABrokenZipNothingIsWrittenAndTheMessageSaysWhatToDo()
      throws Exception {
    Files.createDirectories(temp.resolve("empty"));
    CliRun nothing =
        CliRun.in(site, "merge-osv", "--into", temp.resolve("empty").toString(), "osv");
    assertThat(nothing.exitCode()).isEqualTo(1);
    assertThat(nothing.err()).contains("Go/all.zip is missing: skipped 4 Go records");

    CliRun none = CliRun.in(site, "merge-osv", "--into", "nowhere", "osv");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("is not a folder; give osv-scanner's local database folder");

    Files.writeString(cache.resolve("Go/all.zip"), "not a zip");
    CliRun broken = CliRun.in(site, "merge-osv", "--into", cache.toString(), "osv/Go/all.zip");
    assertThat(broken.exitCode()).isEqualTo(2);
    assertThat(broken.err()).contains("download OSV.dev's database for Go again, then merge");
    assertThat(Files.readString(cache.resolve("Go/all.zip"))).isEqualTo("not a zip");
    try (var files = Files.list(cache.resolve("Go"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("all.zip");
    }

    Files.writeString(site.resolve("osv/bad.json"), "{\"id\": \"X\"}");
    CliRun bad = CliRun.in(site, "merge-osv", "--into", cache.toString(), "osv");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err())
        .contains("bad.json is not an OSV record: it has no `id` or no `modified`");
  }

  static Map<String, byte[]> entries(Path zip) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in =
        new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(zip)))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) out.put(e.getName(), in.readAllBytes());
    }
    return out;
  }
}
