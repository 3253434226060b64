package dev.disclose.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Importing a record that shares an ID with a hand-written advisory merges into it: the record
 * brings versions, IDs, references and a missing CVSS vector; the maintainers' fields survive byte
 * for byte; a field both sides changed is a conflict until the maintainer settles it.
 */
class ImportMergeTest {
  static final String HAND_WRITTEN =
      """
      ---
      id: IMP-2025-0001
      title: Prompt template injection in the chat endpoint
      published: 2025-03-04
      aliases: [GHSA-x3m8-f7g5-qhm7]  # CVE requested
      cwes: [CWE-94]
      affected:
        - ecosystem: PyPI
          package: fixture-server
          ranges:
            - introduced: 0.5.0
              fixed: 0.8.1
          functions: [fixture_server.chat.render_template]
      references:
        - type: REPORT
          url: https://bugs.example.org/1234
      credits:
        - name: Ada Reporter
          type: FINDER
      timeline:
        reported: 2025-02-10
        acknowledged: 2025-02-11
        fixed: 2025-02-28
      ---
      The chat endpoint rendered user text as a Jinja template.
      """;

  /** GitHub's record of the same vulnerability, after it assigned the CVE. */
  static final String GITHUB_RECORD =
      """
      {"schema_version": "1.7.5", "id": "GHSA-x3m8-f7g5-qhm7", "modified": "2025-03-20T00:00:00Z",
       "published": "2025-03-04T00:00:00Z", "aliases": ["CVE-2025-29783"],
       "summary": "fixture-server vulnerable to template injection",
       "details": "GitHub's own words.",
       "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
       "affected": [{"package": {"ecosystem": "PyPI", "name": "fixture-server"},
         "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0.5.0"}, {"fixed": "0.8.1"}]}]},
        {"package": {"ecosystem": "PyPI", "name": "fixture-client"},
         "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.0.3"}]}]}],
       "references": [{"type": "ADVISORY", "url": "https://github.com/example/fixture/security/advisories/GHSA-x3m8-f7g5-qhm7"},
                      {"type": "WEB", "url": "https://bugs.example.org/1234"}]}
      """;

  @TempDir Path temp;
  Path site;
  Path advisory;
  Path record;

  @BeforeEach
  void siteWithAHandWrittenAdvisory() throws Exception {
    site = temp.resolve("site");
    Files.createDirectories(site.resolve("advisories/2025"));
    Files.writeString(
        site.resolve("site-config.yaml"),
        "title: T\nbase_url: https://example.org/\nid_prefix: IMP\n"
            + "security_contact: mailto:s@example.org\n");
    advisory = site.resolve("advisories/2025/IMP-2025-0001.md");
    Files.writeString(advisory, HAND_WRITTEN);
    record = temp.resolve("GHSA-x3m8-f7g5-qhm7.json");
    Files.writeString(record, GITHUB_RECORD);
  }

  @Test
  void theHandWrittenFieldsSurviveAndTheImportedCveAndRangeAppear() throws Exception {
    CliRun run = CliRun.in(site, "import", "osv", record.toString());
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains("1 records: 1 written, 0 unchanged, 0 not imported");
    String merged = Files.readString(advisory);
    // Ours: title, details, timeline, credits, functions, CWEs, the reference's type, the comment.
    assertThat(merged)
        .contains(
            "title: Prompt template injection in the chat endpoint",
            "The chat endpoint rendered user text as a Jinja template.",
            "timeline:\n  reported: 2025-02-10\n  acknowledged: 2025-02-11\n  fixed: 2025-02-28",
            "credits:\n  - name: Ada Reporter\n    type: FINDER",
            "fixture_server.chat.render_template",
            "cwes: [CWE-94]",
            "  - type: REPORT\n    url: https://bugs.example.org/1234")
        .doesNotContain("GitHub's own words", "template injection\n");
    // Theirs: the CVE, the second package's range, GitHub's advisory link, the CVSS vector.
    assertThat(merged)
        .contains(
            "aliases: [GHSA-x3m8-f7g5-qhm7, CVE-2025-29783]  # CVE requested",
            "package: fixture-client",
            "fixed: 2.0.3",
            "url: https://github.com/example/fixture/security/advisories/GHSA-x3m8-f7g5-qhm7",
            "cvss_v3: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
        .doesNotContain("type: WEB");
    // The first package, which the record does not change, keeps its lines.
    assertThat(merged)
        .contains(
            "  - ecosystem: PyPI\n    package: fixture-server\n    ranges:\n"
                + "      - introduced: 0.5.0\n        fixed: 0.8.1\n"
                + "    functions: [fixture_server.chat.render_template]\n  - ecosystem: PyPI\n");
    // Lines the merge did not touch are as the maintainer wrote them.
    assertThat(merged).startsWith(HAND_WRITTEN.substring(0, HAND_WRITTEN.indexOf("aliases:")));
    assertThat(merged).endsWith(HAND_WRITTEN.substring(HAND_WRITTEN.indexOf("credits:")));
    CliRun validate = CliRun.in(site, "validate");
    assertThat(validate.exitCode()).as(validate.out()).isZero();

    CliRun again = CliRun.in(site, "import", "osv", record.toString());
    assertThat(again.out()).contains("1 records: 0 written, 1 unchanged, 0 not imported");
    assertThat(Files.readString(advisory)).isEqualTo(merged);
    assertThat(site.resolve(".disclose/imported/GHSA-x3m8-f7g5-qhm7.md")).exists();
  }

  @Test
  void aDryRunShowsEachFieldsChangeAndWritesNothing() throws Exception {
    CliRun run = CliRun.in(site, "import", "osv", "--dry-run", record.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "GHSA-x3m8-f7g5-qhm7 → advisories/2025/IMP-2025-0001.md (would write)",
            "  aliases: + CVE-2025-29783",
            "  severity: + cvss_v3 CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "  affected: + PyPI fixture-client introduced 0, fixed 2.0.3",
            "  references: + ADVISORY https://github.com/example/fixture/security/advisories/"
                + "GHSA-x3m8-f7g5-qhm7",
            "1 records: 1 to write");
    assertThat(Files.readString(advisory)).isEqualTo(HAND_WRITTEN);
    assertThat(site.resolve(".disclose")).doesNotExist();
  }

  @Test
  void theirLaterFixedVersionIsTakenWhenOnlyTheyChangedIt() throws Exception {
    CliRun.in(site, "import", "osv", record.toString());
    Files.writeString(
        record, GITHUB_RECORD.replace("\"fixed\": \"0.8.1\"", "\"fixed\": \"0.8.2\""));
    CliRun run = CliRun.in(site, "import", "osv", record.toString());
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out())
        .contains(
            "  affected PyPI fixture-server: - introduced 0.5.0, fixed 0.8.1",
            "  affected PyPI fixture-server: + introduced 0.5.0, fixed 0.8.2");
    assertThat(Files.readString(advisory))
        .contains(
            "fixed: 0.8.2", "functions: [fixture_server.chat.render_template]".substring(0, 10))
        .contains("fixture_server.chat.render_template");
  }

  @Test
  void aVersionBothSidesChangedIsAConflictUntilSettled() throws Exception {
    CliRun.in(site, "import", "osv", record.toString());
    Files.writeString(advisory, Files.readString(advisory).replace("fixed: 0.8.1", "fixed: 0.8.3"));
    String ours = Files.readString(advisory);
    Files.writeString(
        record, GITHUB_RECORD.replace("\"fixed\": \"0.8.1\"", "\"fixed\": \"0.8.2\""));

    CliRun conflict = CliRun.in(site, "import", "osv", record.toString());
    assertThat(conflict.exitCode()).isEqualTo(1);
    assertThat(conflict.out())
        .contains(
            "both IMP-2025-0001 and the record changed affected PyPI fixture-server: ours"
                + " `introduced 0.5.0, fixed 0.8.3`, theirs `introduced 0.5.0, fixed 0.8.2`",
            "--prefer ours or --prefer theirs");
    assertThat(Files.readString(advisory)).isEqualTo(ours);

    CliRun keepOurs = CliRun.in(site, "import", "osv", "--prefer", "ours", record.toString());
    assertThat(keepOurs.exitCode()).as(keepOurs.out()).isZero();
    assertThat(Files.readString(advisory)).isEqualTo(ours);
    // Settled: the record as imported is the new base, so the next import is quiet.
    CliRun after = CliRun.in(site, "import", "osv", record.toString());
    assertThat(after.exitCode()).as(after.out()).isZero();
    assertThat(Files.readString(advisory)).isEqualTo(ours);

    Files.writeString(
        record, GITHUB_RECORD.replace("\"fixed\": \"0.8.1\"", "\"fixed\": \"0.8.4\""));
    CliRun theirs = CliRun.in(site, "import", "osv", "--prefer", "theirs", record.toString());
    assertThat(theirs.exitCode()).as(theirs.out()).isZero();
    assertThat(Files.readString(advisory)).contains("fixed: 0.8.4").doesNotContain("0.8.3");
  }

  @Test
  void aRecordMatchingTwoAdvisoriesIsNotImported() throws Exception {
    Files.writeString(
        site.resolve("advisories/2025/IMP-2025-0002.md"),
        HAND_WRITTEN
            .replace("IMP-2025-0001", "IMP-2025-0002")
            .replace("[GHSA-x3m8-f7g5-qhm7]", "[CVE-2025-29783]"));
    CliRun run = CliRun.in(site, "import", "osv", record.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("the record's IDs match IMP-2025-0001 and IMP-2025-0002");
    assertThat(Files.readString(advisory)).isEqualTo(HAND_WRITTEN);
  }

  @Test
  void withoutABaseARecordThatOnlyAddsARangeIsMergedAndOneThatLacksOursIsNot() throws Exception {
    // GitHub lists the package once per range: one range ours has, and a later branch.
    Path github = temp.resolve("github.json");
    Files.writeString(
        github,
        """
        {"ghsa_id": "GHSA-x3m8-f7g5-qhm7", "state": "published",
         "updated_at": "2025-03-20T00:00:00Z", "published_at": "2025-03-04T00:00:00Z",
         "summary": "s", "description": "d",
         "vulnerabilities": [
           {"package": {"ecosystem": "pip", "name": "fixture-server"},
            "vulnerable_version_range": ">= 0.5.0, < 0.8.1", "patched_versions": "0.8.1"},
           {"package": {"ecosystem": "pip", "name": "fixture-server"},
            "vulnerable_version_range": ">= 1.0.0, < 1.0.4", "patched_versions": "1.0.4"}]}
        """);
    CliRun added = CliRun.in(site, "import", "ghsa", "--dry-run", github.toString());
    assertThat(added.exitCode()).as(added.out()).isZero();
    assertThat(added.out())
        .contains("  affected PyPI fixture-server: + introduced 1.0.0, fixed 1.0.4")
        .doesNotContain("- introduced");

    // The same record without the branch ours lists: ours is kept, nothing conflicts.
    String threeBranches =
        HAND_WRITTEN.replace(
            "        fixed: 0.8.1\n",
            "        fixed: 0.8.1\n      - introduced: 1.0.0\n        fixed: 1.0.4\n"
                + "      - introduced: 2.0.0\n        fixed: 2.0.1\n");
    assertThat(threeBranches).contains("fixed: 2.0.1");
    Files.writeString(advisory, threeBranches);
    String ours = Files.readString(advisory);
    CliRun kept = CliRun.in(site, "import", "ghsa", github.toString());
    assertThat(kept.exitCode()).as(kept.out()).isZero();
    assertThat(kept.out()).doesNotContain("affected PyPI");
    assertThat(Files.readString(advisory))
        .contains("fixed: 2.0.1")
        .contains(ours.substring(0, 200));
  }
}
