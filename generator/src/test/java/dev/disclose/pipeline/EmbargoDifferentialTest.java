package dev.disclose.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo site built one second before its embargo lifts, with and without an embargoed and a
 * draft advisory full of canaries: every output file is byte for byte the same, so nothing about
 * them (not even their number) shows. Each side door through which a public file could name them
 * makes the build refuse, and its messages carry none of their text.
 */
class EmbargoDifferentialTest {
  static final String LIFT = "2027-01-19T16:00:00Z";
  static final String BEFORE = "2027-01-19T15:59:59Z";

  /** Every canary the two advisories carry; none may be in the output or in a message. */
  static final List<String> TEXT_CANARIES =
      List.of(
          "embcanary",
          "drfcanary",
          "Embcanary-title",
          "Drfcanary-title",
          "embcanary-details",
          "drfcanary-details");

  static final String EMBARGOED =
      """
      ---
      id: DEMO-2026-0901
      title: Embcanary-title remote embcanary-word execution
      status: embargoed
      embargo: 2027-01-19T16:00:00Z
      aliases: [CVE-2099-424201, GHSA-x2m2-3c3c-4f4f]
      related: [CVE-2099-424202]
      upstream: [CVE-2099-424203]
      severity:
        cvss_v3: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H
      cwes: [CWE-94]
      keywords: [embcanary-keyword]
      affected:
        - ecosystem: PyPI
          package: corvid-serve
          ranges:
            - introduced: 1.1.0
              fixed: 1.1.2
          database_specific: {note: embcanary-affected-db}
          ecosystem_specific: {note: embcanary-affected-eco}
      references:
        - type: FIX
          url: https://example.org/embcanary-reference
      credits:
        - name: embcanary-credit-name
          contact: [mailto:embcanary@example.org]
          type: FINDER
      timeline:
        reported: 2026-11-02
      database_specific:
        ticket: embcanary-db-specific
      ---
      embcanary-details: the details of an embargoed advisory.
      """;

  static final String DRAFT =
      """
      ---
      id: DEMO-2026-0902
      title: Drfcanary-title heap drfcanary-word overflow
      status: draft
      aliases: [CVE-2099-434301]
      related: [CVE-2099-434302]
      keywords: [drfcanary-keyword]
      affected:
        - ecosystem: crates.io
          package: corvid-vmm
          ranges:
            - introduced: 0.1.0
      references:
        - type: REPORT
          url: https://example.org/drfcanary-reference
      credits:
        - name: drfcanary-credit-name
      ---
      drfcanary-details: the details of a draft.
      """;

  @TempDir Path temp;

  /** A copy of the demo site: its configuration, advisories, release notes, docs and theme. */
  Path demo(String name) throws IOException {
    Path site = temp.resolve(name);
    Path root = Path.of("..");
    Files.createDirectories(site);
    Files.copy(root.resolve("site-config.yaml"), site.resolve("site-config.yaml"));
    for (String dir : List.of("advisories", "releases", "docs", "themes"))
      TestSites.copyTree(root.resolve(dir), site.resolve(dir));
    return site;
  }

  Path withCanaries(String name) throws IOException {
    Path site = demo(name);
    TestSites.write(site, "advisories/2026/DEMO-2026-0901.md", EMBARGOED);
    TestSites.write(site, "advisories/2026/DEMO-2026-0902.md", DRAFT);
    return site;
  }

  static CliRun build(Path site, String now) {
    return CliRun.in(site, "build", "--out", "out", "--now", now);
  }

  static String untimed(String out) {
    return out.replaceAll(" in [0-9.]+ m?s\\b", "");
  }

  /** Every file under {@code out}, by its path relative to it. */
  static Map<String, byte[]> files(Path out) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path f : walk.filter(Files::isRegularFile).toList())
        files.put(out.relativize(f).toString(), Files.readAllBytes(f));
    }
    return files;
  }

  @Test
  void theOutputIsByteIdenticalWithAndWithoutTheHiddenAdvisories() throws Exception {
    Path plain = demo("plain");
    Path hidden = withCanaries("hidden");

    CliRun without = build(plain, BEFORE);
    CliRun with = build(hidden, BEFORE);
    assertThat(without.exitCode()).as(without.err()).isZero();
    assertThat(with.exitCode()).as(with.err()).isZero();
    // The same summary line, but for how long the build took.
    assertThat(untimed(with.out())).isEqualTo(untimed(without.out()));

    Map<String, byte[]> expected = files(plain.resolve("out"));
    Map<String, byte[]> actual = files(hidden.resolve("out"));
    assertThat(expected).isNotEmpty();
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    List<String> differing = new ArrayList<>();
    expected.forEach(
        (path, bytes) -> {
          if (!Arrays.equals(bytes, actual.get(path))) differing.add(path);
        });
    assertThat(differing).as("files that differ").isEmpty();

    // One second later the embargo lifts: the same comparison now sees the advisory, so it is not
    // blind; the draft stays out.
    CliRun lifted = build(hidden, LIFT);
    assertThat(lifted.exitCode()).as(lifted.err()).isZero();
    Map<String, byte[]> after = files(hidden.resolve("out"));
    assertThat(after).containsKey("advisories/DEMO-2026-0901/index.html");
    assertThat(after.keySet()).noneMatch(p -> p.contains("DEMO-2026-0902"));
    assertThat(CanaryLeakTest.found(hidden.resolve("out"), List.of("drfcanary", "2099-4343")))
        .isEmpty();
  }

  /** A public file of the demo, and what to change in it so that it names a hidden advisory. */
  record Door(String file, String find, String replace, String rule) {}

  static final Map<String, Door> DOORS =
      Map.of(
          "related",
          new Door(
              "advisories/2025/DEMO-2025-0001.md",
              "\nseverity:",
              "\nrelated: [CVE-2099-424201]\nseverity:",
              "I008"),
          "upstream",
          new Door(
              "advisories/2025/DEMO-2025-0001.md",
              "\nseverity:",
              "\nupstream: [DEMO-2026-0902]\nseverity:",
              "I008"),
          "details",
          new Door(
              "advisories/2025/DEMO-2025-0001.md",
              "\n---\n",
              "\n---\nSee also cve&#45;2099&#x2011;424201.\n\n",
              "C003"),
          "title",
          new Door(
              "advisories/2025/DEMO-2025-0001.md",
              "\ntitle: ",
              "\ntitle: Like GHSA\u2011x2m2\u20113c3c\u20114f4f, ",
              "C003"),
          "release-notes",
          new Door(
              "releases/corvid-serve/CHANGELOG.md",
              "## [1.1.1] - 2026-02-10\n",
              "## [1.1.1] - 2026-02-10\n\n- Hardening (DEMO\\-2026\\-0901).\n",
              "L003"),
          "release-after-now",
          new Door(
              "releases/corvid-serve/CHANGELOG.md",
              "## [1.1.1] - 2026-02-10\n",
              "## [1.1.2] - 2027-01-20\n\n### Security\n- Safer model loading.\n\n"
                  + "## [1.1.1] - 2026-02-10\n",
              "L006"));

  @ParameterizedTest
  @ValueSource(
      strings = {"related", "upstream", "details", "title", "release-notes", "release-after-now"})
  void eachSideDoorMakesTheBuildRefuse(String name) throws Exception {
    Door door = DOORS.get(name);
    Path site = withCanaries(name);
    Path file = site.resolve(door.file());
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int at = text.indexOf(door.find());
    assertThat(at).as("%s in %s", door.find(), door.file()).isNotNegative();
    Files.writeString(
        file,
        text.substring(0, at) + door.replace() + text.substring(at + door.find().length()),
        StandardCharsets.UTF_8,
        StandardOpenOption.TRUNCATE_EXISTING);

    CliRun run = build(site, BEFORE);
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(Files.exists(site.resolve("out"))).isFalse();
    String said = run.out() + run.err();
    assertThat(said).contains(door.file() + ":").contains("error[" + door.rule() + "]");
    for (String canary : TEXT_CANARIES) assertThat(said).doesNotContainIgnoringCase(canary);
  }
}
