package dev.disclose.govulndb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.Golden;
import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code disclose export go} on a fixture site whose Go advisories use what govulncheck reads and
 * what it does not: symbols in sub-packages, a {@code v}-tagged version, a Go ECOSYSTEM range, a
 * {@code last_affected}, GIT ranges only, a value it cannot decode, another database's ID and an
 * embargo.
 */
class GoExportTest {
  static final Path FIXTURE = Path.of("src/test/resources/sites/go");
  static final Path GOLDEN = Path.of("src/test/resources/golden/go/fixture");
  static final String NOW = "2026-11-22T12:00:00Z";
  static final Instant NOW_INSTANT = Instant.parse(NOW);
  static final String PROXY = "github.com/example/proxy";

  @TempDir Path temp;
  Path site;

  @BeforeEach
  void copyFixture() throws IOException {
    site = temp.resolve("site");
    TestSites.copyTree(FIXTURE, site);
  }

  private CliRun export(String out, String now) {
    CliRun run = CliRun.in(site, "export", "go", "--out", out, "--now", now);
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    return run;
  }

  @Test
  void theDatabaseMatchesItsGoldenFilesAndIsTheSameOnEveryRun() throws Exception {
    export("go", NOW);
    Map<String, byte[]> files = files(site.resolve("go"));
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      if (f.getKey().endsWith(".gz")) continue;
      Golden.assertMatches(
          GOLDEN.resolve(f.getKey()), new String(f.getValue(), StandardCharsets.UTF_8));
    }
    assertThat(files.keySet())
        .containsExactly(
            "ID/x_GOX-2025-0001.json",
            "ID/x_GOX-2025-0001.json.gz",
            "ID/x_GOX-2025-0002.json",
            "ID/x_GOX-2025-0002.json.gz",
            "ID/x_GOX-2025-0003.json",
            "ID/x_GOX-2025-0003.json.gz",
            "index/db.json",
            "index/db.json.gz",
            "index/modules.json",
            "index/modules.json.gz",
            "index/vulns.json",
            "index/vulns.json.gz");
    export("again", NOW);
    Map<String, byte[]> again = files(site.resolve("again"));
    for (String name : files.keySet())
      assertThat(again.get(name)).as(name).isEqualTo(files.get(name));
  }

  @Test
  void govulncheckReadsEachPackageAsTheAdvisorySaysOrAsTheNotesWarn() throws Exception {
    export("go", NOW);
    Govulncheck client = Govulncheck.http(files(site.resolve("go")));
    assertThat(client.vulnerabilities(PROXY, "v0.2.9", NOW_INSTANT)).isEmpty();
    assertThat(client.vulnerabilities(PROXY, "v0.3.0", NOW_INSTANT))
        .containsExactly("x_GOX-2025-0001");
    // fixed: v0.5.1 is read as 0.5.1.
    assertThat(client.vulnerabilities(PROXY, "v0.5.1", NOW_INSTANT)).isEmpty();
    assertThat(client.vulnerabilities(PROXY, "v0.6.3", NOW_INSTANT))
        .containsExactly("x_GOX-2025-0001");
    assertThat(client.vulnerabilities(PROXY, "v0.7.1", NOW_INSTANT))
        .containsExactly("x_GOX-2025-0002");
    // Past last_affected 0.7.2 govulncheck still reports it, as the export's note says.
    assertThat(client.vulnerabilities(PROXY, "v0.9.0", NOW_INSTANT))
        .containsExactly("x_GOX-2025-0002");
    // The ECOSYSTEM range is read as the SEMVER range it is.
    assertThat(client.vulnerabilities("github.com/example/codec", "v1.0.5", NOW_INSTANT))
        .containsExactly("x_GOX-2025-0002");
    assertThat(client.vulnerabilities("github.com/example/codec", "v1.1.0", NOW_INSTANT)).isEmpty();
    // GO-2024-0001 keeps the Go database's ID: that database has it, this one does not.
    assertThat(client.vulnerabilities("github.com/example/codec", "v0.8.0", NOW_INSTANT)).isEmpty();
    // GIT ranges only: every version, as the note says.
    assertThat(client.vulnerabilities("github.com/example/legacy-login", "v9.0.0", NOW_INSTANT))
        .containsExactly("x_GOX-2025-0003");
  }

  @Test
  void entriesHoldTheGoPackagesWithEachSymbolUnderItsPackage() throws Exception {
    export("go", NOW);
    ObjectMapper json = new ObjectMapper();
    var entry = json.readTree(site.resolve("go/ID/x_GOX-2025-0001.json").toFile());
    assertThat(entry.get("affected")).hasSize(1); // the PyPI package is the OSV record's only
    assertThat(entry.at("/affected/0/ecosystem_specific/imports").toString())
        .isEqualTo(
            "[{\"path\":\"github.com/example/proxy/internal/proxy\",\"goos\":[\"linux\"],"
                + "\"symbols\":[\"Server.handlePrefill\",\"Dial\"]},"
                + "{\"path\":\"github.com/example/proxy\",\"goos\":[\"linux\"],"
                + "\"symbols\":[\"Parse\"]}]");
    assertThat(json.readTree(site.resolve("go/ID/x_GOX-2025-0002.json").toFile()).toString())
        .contains(
            "{\"type\":\"SEMVER\",\"events\":[{\"introduced\":\"1.0.0\"},{\"fixed\":\"1.1.0\"}]}");
  }

  @Test
  void theNotesNameTheLineAndWhatToDo() {
    CliRun run = export("go", NOW);
    assertThat(run.err().lines().filter(l -> !l.startsWith("note: OSV records are exported as")))
        .containsExactly(
            "note: GO-2024-0001 keeps another database's ID and, as in the OSV export, is left"
                + " out: that database publishes the record",
            "note: advisories/2025/GOX-2025-0002.md:12: govulncheck reads `fixed` but not"
                + " `last_affected`, so it reports every version of `github.com/example/proxy` from"
                + " 0.7.0 on as affected; write `fixed` once a release has the fix",
            "note: advisories/2025/GOX-2025-0003.md:9: govulncheck reads only version ranges, and"
                + " `github.com/example/legacy-login` has none (GIT ranges or `versions` only), so"
                + " it reports every version as affected; add a range with `introduced` and"
                + " `fixed` versions",
            "note: advisories/2025/GOX-2025-0005.md:12: `database_specific.review_status` is"
                + " `MAYBE`, which govulncheck cannot read; write UNREVIEWED or REVIEWED, or remove"
                + " it; GOX-2025-0005 is left out of the Go database");
  }

  @Test
  void anEmbargoedAdvisoryIsInTheDatabaseOnlyFromItsTime() throws Exception {
    export("go", NOW);
    StringBuilder everything = new StringBuilder();
    for (Map.Entry<String, byte[]> f : files(site.resolve("go")).entrySet()) {
      byte[] bytes = f.getKey().endsWith(".gz") ? Govulncheck.gunzip(f.getValue()) : f.getValue();
      everything.append(f.getKey()).append(new String(bytes, StandardCharsets.UTF_8));
    }
    assertThat(everything.toString()).doesNotContain("GOX-2025-0004", "EMBARGO-CANARY", "canary");
    export("later", "2030-01-01T00:00:00Z");
    assertThat(site.resolve("later/ID/x_GOX-2025-0004.json.gz")).exists();
  }

  @Test
  void theSitePublishesTheDatabaseUnderGo() throws Exception {
    CliRun build = CliRun.in(site, "build", "--now", NOW);
    assertThat(build.exitCode()).as(build.out() + build.err()).isZero();
    assertThat(site.resolve("_site/go/index/modules.json.gz")).exists();
    export("go", NOW);
    for (String name : files(site.resolve("go")).keySet())
      assertThat(site.resolve("_site/go/" + name))
          .as(name)
          .hasSameBinaryContentAs(site.resolve("go/" + name));
  }

  @Test
  void aSiteThatDeclaresAGoPackageHasAnEmptyDatabaseBeforeItsFirstAdvisory() throws Exception {
    Path empty = TestSites.withConfig(temp.resolve("empty"));
    Files.writeString(
        empty.resolve("site-config.yaml"),
        TestSites.CONFIG + "packages:\n  - ecosystem: Go\n    name: github.com/example/new\n");
    CliRun run = CliRun.in(empty, "export", "go", "--out", "go", "--now", NOW);
    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, byte[]> files = files(empty.resolve("go"));
    assertThat(new String(files.get("index/modules.json"), StandardCharsets.UTF_8)).isEqualTo("[]");
    Govulncheck client = Govulncheck.file(files);
    assertThat(client.lastModified()).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
    assertThat(client.vulnerabilities("github.com/example/new", "v1.0.0", NOW_INSTANT)).isEmpty();
  }

  @Test
  void aSiteWithoutGoPackagesHasNoDatabaseAndTheExportSaysWhy() throws Exception {
    Path pypi = TestSites.withConfig(temp.resolve("pypi"));
    TestSites.write(
        pypi, "advisories/2025/DEMO-2025-0001.md", TestSites.validAdvisory("DEMO-2025-0001"));
    CliRun run = CliRun.in(pypi, "export", "go", "--out", "go", "--now", NOW);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .contains(
            "note: no Go package in site-config.yaml's `packages` or in a public advisory: no Go"
                + " vulnerability database");
    assertThat(files(pypi.resolve("go"))).isEmpty();
    CliRun build = CliRun.in(pypi, "build", "--now", NOW);
    assertThat(build.exitCode()).as(build.err()).isZero();
    assertThat(pypi.resolve("_site/go")).doesNotExist();
  }

  static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    if (!Files.isDirectory(root)) return out;
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String name = root.relativize(p).toString().replace('\\', '/');
        if (!name.equals(".disclose-output")) out.put(name, Files.readAllBytes(p));
      }
    }
    return out;
  }
}
