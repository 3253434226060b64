package dev.disclose.releases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.CliRun;
import dev.disclose.testing.Golden;
import dev.disclose.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code disclose link-release-notes}: reports, then writes, the security entries release notes
 * lack; twice changes nothing.
 */
class LinkReleaseNotesTest {
  static final Path FIXTURE = Path.of("src/test/resources/sites/releases");
  static final Path GOLDEN = Path.of("src/test/resources/golden/releases");
  static final String NOW = "2026-01-01T00:00:00Z";

  @TempDir Path temp;

  @Test
  void reportsWritesAndIsIdempotent() throws Exception {
    Path site = temp.resolve("site");
    TestSites.copyTree(FIXTURE, site);
    String changelog = "releases/serve/CHANGELOG.md";
    String folderFile = "releases/vmm/0.5.2.md";
    String before = Files.readString(site.resolve(changelog));

    CliRun report = CliRun.in(site, "link-release-notes", "--now", NOW);
    assertThat(report.exitCode()).isEqualTo(1);
    Golden.assertMatches(GOLDEN.resolve("report.txt"), report.out());
    assertThat(Files.readString(site.resolve(changelog)))
        .isEqualTo(before); // a report changes nothing

    CliRun write = CliRun.in(site, "link-release-notes", "--write", "--now", NOW);
    assertThat(write.exitCode()).as(write.err()).isZero();
    assertThat(write.out()).endsWith("3 entries added to 2 files\n");
    Map<String, String> expected = Map.of(changelog, "CHANGELOG.md", folderFile, "0.5.2.md");
    for (Map.Entry<String, String> e : expected.entrySet()) {
      Golden.assertMatches(
          GOLDEN.resolve(e.getValue()), Files.readString(site.resolve(e.getKey())));
    }
    // The lines that were there are all still there, in order: only lines were added.
    List<String> was = before.lines().toList();
    List<String> now = Files.readString(site.resolve(changelog)).lines().toList();
    int i = 0;
    for (String line : now) if (i < was.size() && line.equals(was.get(i))) i++;
    assertThat(i).as("the old file is a subsequence of the new one").isEqualTo(was.size());
    assertThat(now)
        .hasSize(was.size() + 4); // blank, heading and entry for 0.7.2; one entry for 0.6.1

    String afterFirst =
        Files.readString(site.resolve(changelog)) + Files.readString(site.resolve(folderFile));
    CliRun again = CliRun.in(site, "link-release-notes", "--write", "--now", NOW);
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).isEqualTo("release notes name every advisory their releases fix\n");
    assertThat(
            Files.readString(site.resolve(changelog)) + Files.readString(site.resolve(folderFile)))
        .isEqualTo(afterFirst);
    // And validation no longer finds a silent release.
    assertThat(CliRun.in(site, "validate", "--now", NOW).out()).doesNotContain("L005");
  }
}
