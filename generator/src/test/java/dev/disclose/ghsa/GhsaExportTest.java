package dev.disclose.ghsa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code disclose export ghsa}: the demo's bodies as golden files, GitHub's JSON round-tripped
 * through an import on every field GitHub's create endpoint takes, and sync.sh run against a stub
 * {@code gh} that records what it was asked.
 */
class GhsaExportTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/exports/ghsa");
  static final Path FIXTURES = Path.of("src/test/resources/ghsa");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  static Map<String, String> files(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList())
        out.put(root.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  void theDemosBodiesAndScriptMatchTheirGoldenFiles() throws Exception {
    Path out = temp.resolve("ghsa");
    CliRun run =
        CliRun.in(
            Path.of(".."),
            "export",
            "ghsa",
            "--out",
            out.toString(),
            "--now",
            "2026-11-23T00:00:00Z");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out() + run.err())
        .contains("1 withdrawn advisories are not exported")
        .contains("credits name no GitHub profile");
    Map<String, String> files = files(out);
    assertThat(files).containsKeys("sync.sh", "create/DEMO-2026-0003.json");
    assertThat(files.keySet().stream().filter(f -> f.startsWith("update/GHSA-"))).hasSize(14);
    for (Map.Entry<String, String> f : files.entrySet())
      Golden.assertMatches(GOLDEN.resolve(f.getKey()), f.getValue());
  }

  @Test
  void githubsJsonSurvivesImportAndExportOnEveryFieldCreateTakes() throws Exception {
    Path site = temp.resolve("site");
    Files.createDirectories(site.resolve("advisories"));
    Files.writeString(
        site.resolve("site-config.yaml"),
        "title: T\nbase_url: https://example.org/\nid_prefix: IMP\n"
            + "security_contact: mailto:s@example.org\n");
    Path input = FIXTURES.resolve("published.json").toAbsolutePath();
    assertThat(CliRun.in(site, "import", "ghsa", input.toString()).exitCode()).isZero();
    CliRun export = CliRun.in(site, "export", "ghsa", "--out", "ghsa");
    assertThat(export.exitCode()).as(export.out() + export.err()).isZero();

    JsonNode in = JSON.readTree(input.toFile());
    JsonNode body = JSON.readTree(site.resolve("ghsa/update/GHSA-x3m8-f7g5-qhm7.json").toFile());
    for (String field : List.of("summary", "description", "cve_id", "cwe_ids"))
      assertThat(body.get(field)).as(field).isEqualTo(in.get(field));
    assertThat(body.get("cvss_vector_string").asText())
        .isEqualTo(in.at("/cvss_severities/cvss_v3/vector_string").asText());
    assertThat(body.has("severity")).isFalse();
    List<JsonNode> expected = new ArrayList<>();
    for (JsonNode v : in.get("vulnerabilities")) {
      var copy = JSON.createObjectNode();
      copy.set("package", v.get("package"));
      copy.set("vulnerable_version_range", v.get("vulnerable_version_range"));
      copy.set("patched_versions", v.get("patched_versions"));
      copy.set("vulnerable_functions", v.get("vulnerable_functions"));
      expected.add(copy);
    }
    assertThat(body.get("vulnerabilities")).containsExactlyElementsOf(expected);
    List<String> credits = new ArrayList<>();
    for (JsonNode c : in.get("credits_detailed"))
      credits.add(c.at("/user/login").asText() + " " + c.get("type").asText());
    List<String> exported = new ArrayList<>();
    for (JsonNode c : body.get("credits"))
      exported.add(c.get("login").asText() + " " + c.get("type").asText());
    assertThat(exported).isEqualTo(credits);
  }

  @Test
  void syncUpdatesWhatGithubHasAndCreatesTheRestThroughGh() throws Exception {
    Path out = temp.resolve("ghsa");
    CliRun run = CliRun.in(Path.of(".."), "export", "ghsa", "--out", out.toString());
    assertThat(run.exitCode()).isZero();
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path log = temp.resolve("gh.log");
    Path gh = bin.resolve("gh");
    Files.writeString(
        gh,
        "#!/bin/sh\n"
            + "printf '%s\\n' \"$*\" >> '"
            + log
            + "'\n"
            + "case \"$*\" in *POST*) echo GHSA-2222-3333-4444 ;; esac\n");
    Files.setPosixFilePermissions(gh, PosixFilePermissions.fromString("rwxr-xr-x"));

    Process sync = sync(out, bin, Map.of());
    String printed = new String(sync.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(sync.waitFor()).as(printed).isZero();
    List<String> calls = Files.readAllLines(log);
    assertThat(calls).hasSize(15);
    assertThat(calls)
        .contains(
            "api --method POST repos/corvid-dev/corvid-vmm/security-advisories --input"
                + " create/DEMO-2026-0003.json --jq .ghsa_id",
            "api --method PATCH repos/corvid-dev/console/security-advisories/GHSA-869m-pcrf-pvrc"
                + " --input update/GHSA-869m-pcrf-pvrc.json");
    assertThat(printed)
        .contains(
            "created draft GHSA-2222-3333-4444 in corvid-dev/corvid-vmm for DEMO-2026-0003: add"
                + " GHSA-2222-3333-4444 to its aliases",
            "updated GHSA-869m-pcrf-pvrc in corvid-dev/console");
  }

  @Test
  void anAdvisoryNamingNoRepositoryNeedsGhsaRepository() throws Exception {
    Path site = temp.resolve("site");
    Files.createDirectories(site.resolve("advisories"));
    Files.writeString(
        site.resolve("site-config.yaml"),
        "title: T\nbase_url: https://example.org/\nid_prefix: IMP\n"
            + "security_contact: mailto:s@example.org\n");
    Files.writeString(
        site.resolve("advisories/IMP-2025-0001.md"),
        "---\nid: IMP-2025-0001\ntitle: A flaw\npublished: 2025-03-04\n"
            + "severity: {level: low}\naffected:\n  - ecosystem: PyPI\n    package: p\n"
            + "    ranges: [{introduced: '1.0', fixed: '1.1'}]\n"
            + "references:\n  - {type: WEB, url: \"https://github.com/o/r$(touch%20pwned)/x\"}\n"
            + "---\nDetails.\n");
    CliRun export = CliRun.in(site, "export", "ghsa", "--out", "ghsa");
    assertThat(export.exitCode()).as(export.out() + export.err()).isZero();
    Path out = site.resolve("ghsa");
    assertThat(Files.readString(out.resolve("sync.sh"))).doesNotContain("pwned");
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Files.writeString(bin.resolve("gh"), "#!/bin/sh\necho GHSA-2222-3333-4444\n");
    Files.setPosixFilePermissions(bin.resolve("gh"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Process without = sync(out, bin, Map.of());
    String said = new String(without.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(without.waitFor()).isNotZero();
    assertThat(said)
        .contains("set GHSA_REPOSITORY=owner/name: IMP-2025-0001 names no GitHub repository");
    Process with = sync(out, bin, Map.of("GHSA_REPOSITORY", "example/project"));
    assertThat(with.waitFor()).isZero();
    assertThat(new String(with.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("created draft GHSA-2222-3333-4444 in example/project for IMP-2025-0001");
    assertThat(out.resolve("pwned")).doesNotExist();
  }

  private static Process sync(Path out, Path bin, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("sh", out.resolve("sync.sh").toString());
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.environment().remove("GHSA_REPOSITORY");
    pb.environment().putAll(env);
    Process p = pb.start();
    p.waitFor(30, TimeUnit.SECONDS);
    return p;
  }

  @Test
  void aRecordKeptUnderItsGhsaIdUpdatesThatAdvisory() throws Exception {
    Path site = temp.resolve("site");
    Files.createDirectories(site.resolve("advisories"));
    Files.writeString(
        site.resolve("site-config.yaml"),
        "title: T\nbase_url: https://example.org/\nid_prefix: IMP\n"
            + "security_contact: mailto:s@example.org\n");
    Path input = FIXTURES.resolve("published.json").toAbsolutePath();
    assertThat(CliRun.in(site, "import", "ghsa", "--keep-ids", input.toString()).exitCode())
        .isZero();
    CliRun export = CliRun.in(site, "export", "ghsa", "--out", "ghsa");
    assertThat(export.exitCode()).as(export.out() + export.err()).isZero();
    assertThat(site.resolve("ghsa/update/GHSA-x3m8-f7g5-qhm7.json")).exists();
    assertThat(site.resolve("ghsa/create")).doesNotExist();
  }
}
