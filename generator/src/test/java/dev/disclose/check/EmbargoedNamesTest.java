package dev.disclose.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryParser;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The names held back, found in every disguise a page renders the same, and only there. */
class EmbargoedNamesTest {
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  static Advisory advisory(String id, String frontMatter) {
    String text = "---\nid: " + id + "\ntitle: T\n" + frontMatter + "---\nDetails.\n";
    return AdvisoryParser.parse(text, Path.of(id + ".md"), id + ".md").advisory().orElseThrow();
  }

  static final Advisory EMBARGOED =
      advisory(
          "DEMO-2026-0004",
          "status: embargoed\nembargo: 2027-01-19T16:00:00Z\n"
              + "aliases: [CVE-2026-41277, GHSA-62rx-xx49-vqrj]\n");
  static final Advisory DRAFT = advisory("DEMO-2026-0005", "status: draft\n");
  static final Advisory PUBLIC =
      advisory("DEMO-2026-0001", "published: 2026-01-02\naliases: [CVE-2026-11111]\n");

  static final EmbargoedNames HELD =
      EmbargoedNames.of(List.of(EMBARGOED, DRAFT, PUBLIC), NOW, List.of("DEMO-2026-0009"));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CVE-2026-41277",
        "cve-2026-41277",
        "CVE\\-2026\\-41277",
        "CVE&#45;2026&#45;41277",
        "CVE&#x2d;2026&#X2D;41277",
        "CVE&hyphen;2026&minus;41277",
        "CVE\u20112026\u201141277",
        "CVE\u22122026\uFE6341277",
        "C\u200BVE-2026-\u00AD41277",
        "\uFF23\uFF36\uFF25\uFF0D\uFF12\uFF10\uFF12\uFF16-41277",
        "\u0421VE-2026-41277",
        "&Copf;VE-2026-41277",
        "ghsa-62RX-xx49-vqrj",
        "(DEMO-2026-0004).",
        "see demo-2026-0005, soon",
        "sealed DEMO-2026-0009",
      })
  void findsEveryDisguise(String text) {
    assertThat(HELD.find("x " + text + " y")).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CVE-2026-412770",
        "CVE-2026-4127",
        "XCVE-2026-41277",
        "DEMO-2026-00041",
        "CVE-2026-11111",
        "DEMO-2026-0001",
        "CVE 2026 41277",
        "CVE&amp;#45;2026-41277",
        "`CVE\\\\-2026-41277`x",
      })
  void leavesOtherNamesAlone(String text) {
    assertThat(HELD.find(text)).isEmpty();
  }

  @Test
  void reportsWhereTheNameIsInTheLineAsWritten() {
    String line = "Fixed (CVE&#45;2026-41277) and DEMO\\-2026\\-0004.";
    List<EmbargoedNames.Match> found = HELD.find(line);
    assertThat(found)
        .extracting(EmbargoedNames.Match::found)
        .containsExactly("CVE&#45;2026-41277", "DEMO\\-2026\\-0004");
    assertThat(found.get(0).start()).isEqualTo(line.indexOf("CVE"));
    assertThat(found.get(0).isId()).isFalse();
    assertThat(found.get(1).isId()).isTrue();
    assertThat(found.get(0).owner().id()).isEqualTo("DEMO-2026-0004");
  }

  @Test
  void nothingIsHeldBackOnceTheEmbargoLifts() {
    EmbargoedNames after =
        EmbargoedNames.of(
            List.of(EMBARGOED, PUBLIC), Instant.parse("2027-01-19T16:00:00Z"), List.of());
    assertThat(after.isEmpty()).isTrue();
    assertThat(after.find("CVE-2026-41277")).isEmpty();
  }

  @Test
  void anAliasAPublicAdvisoryAlsoCarriesIsNotHeldBack() {
    Advisory sharing =
        advisory("GHSA-2222-3333-4444", "published: 2026-01-02\naliases: [CVE-2026-41277]\n");
    EmbargoedNames held = EmbargoedNames.of(List.of(EMBARGOED, sharing), NOW, List.of());
    assertThat(held.find("CVE-2026-41277")).isEmpty();
    assertThat(held.find("DEMO-2026-0004")).hasSize(1);
  }

  @Test
  void equalSetsAreEqualForTheMemo() {
    assertThat(EmbargoedNames.of(List.of(EMBARGOED, DRAFT, PUBLIC), NOW, List.of("DEMO-2026-0009")))
        .isEqualTo(HELD)
        .hasSameHashCodeAs(HELD);
  }

  @Test
  void matchingTakesLinearTimeOnHostileText() {
    // Near misses everywhere: each start walks the trie only as deep as the longest name.
    String hostile =
        "cve-2026-4127-".repeat(100_000)
            + "&#45;".repeat(100_000)
            + "\\".repeat(100_000)
            + "\u2011".repeat(100_000);
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> HELD.find(hostile));
  }
}
