package dev.disclose.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code disclose import rustsec}: an advisory-db layout, every field the format holds, what it
 * cannot hold reported per record, bad files reported while the rest are imported, twice changes
 * nothing.
 */
class RustSecImportTest {
  static final String ADVISORY =
      """
      ```toml
      [advisory]
      id = "RUSTSEC-2021-0020"
      package = "hyper"
      date = "2021-02-05"
      url = "https://github.com/hyperium/hyper/security/advisories/GHSA-6hfq-h8hq-87mf"
      references = ["https://github.com/hyperium/hyper/issues/2400"]
      categories = ["format-injection"]
      keywords = ["http", "request-smuggling"]
      aliases = ["CVE-2021-21299"]
      cvss = "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H"
      license = "CC-BY-4.0"

      [affected]
      os = ["linux"]

      [affected.functions]
      "hyper::server::conn::Http::serve_connection" = ["< 0.14.3"]

      [versions]
      patched = [">= 0.14.3", "0.13.10", "^0.12.36"]
      unaffected = ["< 0.12.0"]
      ```

      # Multiple Transfer-Encoding headers misinterprets request payload

      hyper's HTTP server code had a flaw.

      Upgrade.
      """;

  @TempDir Path temp;
  Path site;
  Path db;

  @BeforeEach
  void emptySiteAndAdvisoryDb() throws Exception {
    site = temp.resolve("site");
    Files.createDirectories(site.resolve("advisories"));
    Files.writeString(
        site.resolve("site-config.yaml"),
        "title: T\nbase_url: https://example.org/\nid_prefix: IMP\n"
            + "security_contact: mailto:s@example.org\n");
    db = temp.resolve("advisory-db");
    Files.createDirectories(db.resolve("crates/hyper"));
    Files.writeString(db.resolve("README.md"), "# RustSec Advisory Database\n");
    Files.writeString(db.resolve("crates/hyper/RUSTSEC-2021-0020.md"), ADVISORY);
  }

  @Test
  void importsEveryFieldAndAgainChangesNothing() throws Exception {
    CliRun first = CliRun.in(site, "import", "rustsec", db.toString());
    assertThat(first.exitCode()).as(first.out()).isZero();
    assertThat(first.out()).contains("1 records: 1 written, 0 unchanged, 0 not imported");
    Path written = site.resolve("advisories/2021/IMP-2021-0001.md");
    assertThat(Files.readString(written))
        .isEqualTo(
            """
        ---
        id: IMP-2021-0001
        title: Multiple Transfer-Encoding headers misinterprets request payload
        published: 2021-02-05
        aliases:
          - RUSTSEC-2021-0020
          - CVE-2021-21299
        severity:
          cvss_v3: CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H
        keywords:
          - http
          - request-smuggling
        categories:
          - format-injection
        affected:
          - ecosystem: crates.io
            package: hyper
            ranges:
              - type: SEMVER
                introduced: 0.12.0
                fixed: 0.12.36
              - type: SEMVER
                introduced: 0.13.0-0
                fixed: 0.13.10
              - type: SEMVER
                introduced: 0.14.0-0
                fixed: 0.14.3
            functions:
              hyper::server::conn::Http::serve_connection:
                - < 0.14.3
            os:
              - linux
        references:
          - type: ADVISORY
            url: https://github.com/hyperium/hyper/security/advisories/GHSA-6hfq-h8hq-87mf
          - type: REPORT
            url: https://github.com/hyperium/hyper/issues/2400
        imported_from:
          database: the RustSec advisory database
          id: RUSTSEC-2021-0020
        database_specific:
          license: CC-BY-4.0
        ---
        hyper's HTTP server code had a flaw.

        Upgrade.
        """);
    CliRun validate = CliRun.in(site, "validate", "--now", "2026-01-01T00:00:00Z");
    assertThat(validate.exitCode()).as(validate.out()).isZero();

    CliRun again = CliRun.in(site, "import", "rustsec", db.toString());
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("1 records: 0 written, 1 unchanged, 0 not imported");

    // Exported to RustSec again: RustSec's ID, the same versions, the license kept.
    Path out = temp.resolve("export");
    CliRun export =
        CliRun.in(
            site, "export", "rustsec", "--out", out.toString(), "--now", "2026-01-01T00:00:00Z");
    assertThat(export.exitCode()).as(export.out()).isZero();
    assertThat(Files.readString(out.resolve("IMP-2021-0001/crates/hyper/RUSTSEC-2021-0020.md")))
        .contains(
            "id = \"RUSTSEC-2021-0020\"",
            "aliases = [\"CVE-2021-21299\"]",
            "license = \"CC-BY-4.0\"",
            "patched = [\">= 0.12.36, < 0.13.0-0\", \">= 0.13.10, < 0.14.0-0\", \">= 0.14.3\"]",
            "unaffected = [\"< 0.12.0\"]");
  }

  @Test
  void keepIds() throws Exception {
    CliRun run =
        CliRun.in(
            site,
            "import",
            "rustsec",
            "--keep-ids",
            db.resolve("crates/hyper/RUSTSEC-2021-0020.md").toString());
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(Files.readString(site.resolve("advisories/2021/RUSTSEC-2021-0020.md")))
        .startsWith("---\nid: RUSTSEC-2021-0020\n");
  }

  @Test
  void reportsWhatTheFormatCannotHold() throws Exception {
    Files.writeString(
        db.resolve("crates/hyper/RUSTSEC-2021-0020.md"),
        ADVISORY
            .replace(
                "license = \"CC-BY-4.0\"",
                "license = \"CC-BY-4.0\"\nsource = \"https://example.org/registry\"\n"
                    + "informational = \"custom-kind\"")
            .replace("[versions]", "[frobnicate]\nx = 1\n\n[versions]"));
    CliRun run = CliRun.in(site, "import", "rustsec", db.toString());
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out())
        .contains(
            "note: cannot represent [advisory] source: the advisory format has no field for it",
            "note: cannot represent `informational = \"custom-kind\"`",
            "note: cannot represent [frobnicate]");
  }

  @Test
  void badFilesAreReportedPerFileAndTheRestImported() throws Exception {
    Path crates = db.resolve("crates");
    Files.createDirectories(crates.resolve("bad"));
    Files.writeString(
        crates.resolve("bad/RUSTSEC-2020-0001.md"),
        "```toml\n[advisory]\nid = \"RUSTSEC-2020-0001\"\npackage = \n```\n");
    Files.writeString(
        crates.resolve("bad/RUSTSEC-2020-0002.md"),
        "```toml\n[advisory]\nid = \"RUSTSEC-2020-0002\"\n"
            + "package = \"bad\"\ndate = \"2020-01-01\"\n\n[versions]\npatched = [\">= 1.0.0\"]\nunaffected = [\"< 1.2.0\"]\n```\n\n# T\n\nD\n");
    Files.writeString(
        crates.resolve("bad/RUSTSEC-2020-0003.md"),
        "```toml\n[advisory]\nid = \"RUSTSEC-2020-0003\"\n");
    Files.writeString(
        crates.resolve("bad/RUSTSEC-2020-0004.md"),
        "```toml\n[advisory]\nid = \"RUSTSEC-2020-0004\"\n"
            + "package = \"bad\"\ndate = \"2020-01-01\"\n\n[versions]\npatched = [\"1.*\"]\n```\n\n# T\n\nD\n");
    Files.write(
        crates.resolve("bad/RUSTSEC-2020-0005.md"),
        "```toml\n[advisory]\nid = \"RUSTSEC-2020-0005\"\nauthor = \"\u00ff\"\n```\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    Files.createDirectories(crates.resolve("copy"));
    Files.writeString(crates.resolve("copy/RUSTSEC-2021-0020.md"), ADVISORY);
    CliRun run = CliRun.in(site, "import", "rustsec", db.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("RUSTSEC-2020-0001.md: error: not a RustSec advisory: line 4: invalid TOML")
        .contains(
            "RUSTSEC-2020-0002.md: error: not a RustSec advisory: [versions]: the version requirements `< 1.2.0` and `>= 1.0.0` overlap")
        .contains(
            "RUSTSEC-2020-0003.md: error: not a RustSec advisory: line 1: the ```toml block is never closed")
        .contains(
            "RUSTSEC-2020-0004.md: error: not a RustSec advisory: [versions]: `1.*` is not a Cargo version requirement")
        .contains(
            "RUSTSEC-2020-0005.md: error: not a RustSec advisory: line 4, column 11: not UTF-8 text")
        .contains("a second record with the ID RUSTSEC-2021-0020 in this import")
        .contains("7 records: 1 written, 0 unchanged, 6 not imported");
    assertThat(run.out()).doesNotContain("README.md").doesNotContain("Exception");
  }
}
