package dev.disclose.rustsec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code disclose export rustsec}: one folder per advisory laid out as advisory-db is, files
 * RustSec's tools accept, and a note for what they would not.
 */
class RustSecExportTest {
  static final String NOW = "2026-01-01T00:00:00Z";

  @TempDir Path temp;

  @Test
  void theDemosExportIsWhatAdvisoryDbAccepts() throws IOException {
    Path out = temp.resolve("demo");
    CliRun run =
        CliRun.in(
            Path.of(".."),
            "export",
            "rustsec",
            "--out",
            out.toString(),
            "--now",
            "2026-11-23T00:00:00Z");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    Map<String, String> files = files(out);
    assertThat(files).isNotEmpty();
    for (Map.Entry<String, String> f : files.entrySet()) {
      // <ID>/crates/<crate>/RUSTSEC-0000-0000.md: a pull request's files under the advisory's ID.
      String[] parts = f.getKey().split("/", 2);
      assertThat(parts[0]).startsWith("DEMO-");
      assertThat(parts[1]).matches("crates/[a-z0-9-]+/RUSTSEC-0000-0000\\.md");
      assertThat(RustSecLint.check(parts[1], f.getValue())).as(f.getKey()).isEmpty();
    }
    // DEMO-2025-0008 has a CVSS 4.0 vector alone: no `cvss`, and a note saying why.
    String v4only = files.get("DEMO-2025-0008/crates/corvid-virtio/RUSTSEC-0000-0000.md");
    assertThat(toml(v4only).at("/advisory/cvss").isMissingNode()).isTrue();
    assertThat(run.err())
        .contains(
            "note: advisories/2025/DEMO-2025-0008.md:6: DEMO-2025-0008 has only a CVSS 4.0 vector:"
                + " its RustSec file has no `cvss`")
        .doesNotContain("would refuse");
    assertThat(String.join("", files.values())).doesNotContain("CVSS:4.0");
  }

  @Test
  void eachAdvisoryIsAFolderOfItsOwnAndARustSecIdMakesAnUpdate() throws IOException {
    Path site = TestSites.withConfig(temp.resolve("site"));
    advisory(
        site, "DEMO-2025-0001", "[CVE-2025-10001]", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");
    advisory(
        site, "DEMO-2025-0002", "[CVE-2025-10002]", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N");
    advisory(
        site,
        "DEMO-2025-0003",
        "[RUSTSEC-2025-0042, CVE-2025-10003]",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H");
    Path out = export(site).getKey();
    Map<String, String> files = files(out);
    assertThat(files.keySet())
        .containsExactly(
            "DEMO-2025-0001/crates/corvid-vmm/RUSTSEC-0000-0000.md",
            "DEMO-2025-0002/crates/corvid-vmm/RUSTSEC-0000-0000.md",
            "DEMO-2025-0003/crates/corvid-vmm/RUSTSEC-2025-0042.md");
    JsonNode update = toml(files.get("DEMO-2025-0003/crates/corvid-vmm/RUSTSEC-2025-0042.md"));
    assertThat(update.at("/advisory/id").asText()).isEqualTo("RUSTSEC-2025-0042");
    assertThat(update.at("/advisory/aliases").toString()).isEqualTo("[\"CVE-2025-10003\"]");
    JsonNode draft = toml(files.get("DEMO-2025-0001/crates/corvid-vmm/RUSTSEC-0000-0000.md"));
    // advisory-db's ID job replaces exactly this line.
    assertThat(files.get("DEMO-2025-0001/crates/corvid-vmm/RUSTSEC-0000-0000.md"))
        .contains("\nid = \"RUSTSEC-0000-0000\"\n");
    assertThat(draft.at("/advisory/cvss").asText()).startsWith("CVSS:3.1/");
  }

  @Test
  void whatRustSecWouldRefuseIsNotedWithWhereToFixIt() throws IOException {
    Path site = TestSites.withConfig(temp.resolve("site"));
    Path file =
        advisory(
            site,
            "DEMO-2025-0001",
            "[CVE-2025-10001]",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");
    Files.writeString(
        file,
        Files.readString(file)
            .replace("categories: [memory-corruption]", "categories: [memory-corruption, bugs]")
            .replace("    os: [linux]\n", "    functions: [corvid::Region::unmap]\n")
            .replace(
                "Found by the fuzzer.", "Found by @ada-l, fixed by [@bo](https://github.com/bo)."));
    Path config = site.resolve("site-config.yaml");
    Files.writeString(config, Files.readString(config).replace("https://", "http://"));
    Map.Entry<Path, String> run = export(site);
    String text = files(run.getKey()).get("DEMO-2025-0001/crates/corvid-vmm/RUSTSEC-0000-0000.md");
    assertThat(toml(text).at("/advisory/categories").toString())
        .isEqualTo("[\"memory-corruption\"]");
    assertThat(run.getValue())
        .contains(
            "note: advisories/2025/DEMO-2025-0001.md:6: RustSec has no category bugs: left out of"
                + " DEMO-2025-0001's RustSec file",
            "note: DEMO-2025-0001/crates/corvid-vmm/RUSTSEC-0000-0000.md:6: RustSec's tools would"
                + " refuse this file: `url` must start with https://; the URL is the advisory's"
                + " page: set base_url in site-config.yaml to https://",
            "note: DEMO-2025-0001/crates/corvid-vmm/RUSTSEC-0000-0000.md:15: RustSec's tools would"
                + " refuse this file: `corvid::Region::unmap` must start with the crate,"
                + " `corvid_vmm::`; fix `functions` at advisories/2025/DEMO-2025-0001.md:13",
            "note: DEMO-2025-0001/crates/corvid-vmm/RUSTSEC-0000-0000.md:23: RustSec's tools would"
                + " refuse this file: a bare @ada-l notifies that user on GitHub; fix the title or"
                + " details at advisories/2025/DEMO-2025-0001.md:18");
  }

  @Test
  void whatCannotBeSubmittedIsLeftOutWithANote() throws IOException {
    Path site = TestSites.withConfig(temp.resolve("site"));
    // A CVSS 4.0 vector alone.
    advisory(
        site,
        "DEMO-2025-0001",
        "[CVE-2025-10001]",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N");
    // Withdrawn before RustSec had it.
    Path withdrawn =
        advisory(
            site,
            "DEMO-2025-0002",
            "[CVE-2025-10002]",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");
    Files.writeString(
        withdrawn,
        Files.readString(withdrawn)
            .replace(
                "published: 2025-03-04\n",
                "published: 2025-03-04\nstatus: withdrawn\nwithdrawn: {date: 2025-03-05, reason:"
                    + " not a vulnerability}\n"));
    // A RUSTSEC ID and two crates: which crate the ID is is not written down.
    Path two =
        advisory(
            site,
            "DEMO-2025-0003",
            "[RUSTSEC-2025-0042]",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");
    Files.writeString(
        two,
        Files.readString(two)
            .replace(
                "references:",
                "  - ecosystem: crates.io\n    package: corvid-virtio\n    ranges:\n"
                    + "      - fixed: 1.0.1\nreferences:"));
    Map.Entry<Path, String> run = export(site);
    assertThat(files(run.getKey()).keySet())
        .containsExactly("DEMO-2025-0001/crates/corvid-vmm/RUSTSEC-0000-0000.md");
    assertThat(run.getValue())
        .contains(
            "note: advisories/2025/DEMO-2025-0001.md:7: DEMO-2025-0001 has only a CVSS 4.0 vector",
            "note: advisories/2025/DEMO-2025-0002.md:6: DEMO-2025-0002 is withdrawn and RustSec never"
                + " had it: nothing to submit",
            "note: advisories/2025/DEMO-2025-0003.md:5: DEMO-2025-0003 is RUSTSEC-2025-0042 at"
                + " RustSec and affects 2 crates");
  }

  @Test
  void aRecordKeptUnderGitHubsIdNamesItAsAnAlias() throws IOException {
    Path site = TestSites.withConfig(temp.resolve("site"));
    String ghsa = "GHSA-4v5w-6x7r-8q9p";
    Path file =
        advisory(
            site,
            "DEMO-2025-0001",
            "[CVE-2025-10001]",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");
    Files.move(file, file.resolveSibling(ghsa + ".md"));
    Path moved = file.resolveSibling(ghsa + ".md");
    Files.writeString(moved, Files.readString(moved).replace("id: DEMO-2025-0001", "id: " + ghsa));
    Map<String, String> files = files(export(site).getKey());
    String text = files.get(ghsa + "/crates/corvid-vmm/RUSTSEC-0000-0000.md");
    assertThat(toml(text).at("/advisory/aliases").toString())
        .isEqualTo("[\"" + ghsa + "\",\"CVE-2025-10001\"]");
  }

  @Test
  void aListedVersionThatIsNotSemVerIsLeftOutOfVersionsWithANote() throws IOException {
    Path site = TestSites.withConfig(temp.resolve("site"));
    Path file =
        advisory(
            site,
            "DEMO-2025-0001",
            "[CVE-2025-10001]",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");
    Files.writeString(
        file, Files.readString(file).replace("    os: [linux]\n", "    versions: [0.9, 1.0.0]\n"));
    Map.Entry<Path, String> run = export(site);
    String text = files(run.getKey()).get("DEMO-2025-0001/crates/corvid-vmm/RUSTSEC-0000-0000.md");
    assertThat(toml(text).at("/versions/patched").toString())
        .isEqualTo("[\">= 0.7.2, < 1.0.0\",\"> 1.0.0\"]");
    assertThat(run.getValue())
        .contains(
            "note: advisories/2025/DEMO-2025-0001.md:13: DEMO-2025-0001 lists 0.9, not SemVer,"
                + " which Cargo's requirements cannot name: left out of its RustSec file's"
                + " [versions]; write the crate's release as crates.io lists it");
  }

  /** A valid crates.io advisory of corvid-vmm with these aliases and this vector. */
  private static Path advisory(Path site, String id, String aliases, String vector)
      throws IOException {
    return TestSites.write(
        site,
        "advisories/2025/" + id + ".md",
        """
        ---
        id: %s
        title: Use-after-free in Region::unmap
        published: 2025-03-04
        aliases: %s
        categories: [memory-corruption]
        severity: %s
        affected:
          - ecosystem: crates.io
            package: corvid-vmm
            ranges:
              - fixed: 0.7.2
            os: [linux]
        references:
          - type: FIX
            url: https://github.com/corvid-dev/corvid-vmm/commit/3f1c2a9
        ---
        `Region::unmap` freed the mapping early. Found by the fuzzer.
        """
            .formatted(id, aliases, vector));
  }

  /** Exports the site's RustSec files: where they are, and what the export said on stderr. */
  private Map.Entry<Path, String> export(Path site) {
    Path out = temp.resolve("out-" + site.getFileName());
    CliRun run = CliRun.in(site, "export", "rustsec", "--out", out.toString(), "--now", NOW);
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    return Map.entry(out, run.err());
  }

  private static JsonNode toml(String text) throws IOException {
    return new TomlMapper().readTree(text.substring(7, text.indexOf("\n```\n")));
  }

  private static Map<String, String> files(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String name = root.relativize(p).toString().replace('\\', '/');
        if (!name.equals(".disclose-output")) out.put(name, Files.readString(p));
      }
    }
    return out;
  }
}
