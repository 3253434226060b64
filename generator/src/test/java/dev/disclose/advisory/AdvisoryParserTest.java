package dev.disclose.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.TestSites;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdvisoryParserTest {
  private static Advisory parse(String text) {
    AdvisoryParser.Parsed parsed = AdvisoryParser.parse(text, Path.of("X.md"), "advisories/X.md");
    assertThat(parsed.diagnostics()).isEmpty();
    return parsed.advisory().orElseThrow();
  }

  @Test
  void readsTheTypicalAdvisory() {
    Advisory a = parse(TestSites.validAdvisory("DEMO-2025-0001"));
    assertThat(a.id()).isEqualTo("DEMO-2025-0001");
    assertThat(a.status()).isEqualTo(Status.PUBLISHED);
    assertThat(a.published()).contains(Timestamp.ofDate(LocalDate.of(2025, 3, 4)));
    assertThat(a.aliases()).containsExactly("CVE-2025-31337");
    assertThat(a.severity().cvssV3()).contains("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");
    Affected p = a.affected().get(0);
    assertThat(p.ecosystem()).isEqualTo("PyPI");
    assertThat(p.ranges())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.type()).isEqualTo(RangeType.ECOSYSTEM);
              assertThat(r.introduced()).contains("0.5.0");
              assertThat(r.fixed()).contains("0.7.2");
            });
    assertThat(a.references())
        .containsExactly(
            new Reference(
                Reference.ReferenceType.FIX,
                "https://github.com/corvid-dev/corvid-serve/commit/3f1c2a9"));
    assertThat(a.details())
        .isEqualTo(
            "The download endpoint joined the requested path to the model folder without normalizing it.");
    assertThat(a.source().key("affected[0].ranges[0].fixed").line()).isEqualTo(14);
  }

  @Test
  void appliesTheShortForms() {
    Advisory a =
        parse(
            """
        ---
        id: DEMO-2025-0002
        title: T
        published: 2025-03-04T16:30:00+02:00
        cwes: CWE-79
        severity: CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N
        affected:
          - ecosystem: Go
            package: github.com/corvid-dev/corvid-operator
            ranges:
              - fixed: 1.4.2
              - repo: https://github.com/corvid-dev/corvid-operator
                fixed: 5d2e7b1c0a9f8e7d6c5b4a39281706f5e4d3c2b1
        references: [https://example.org/post]
        credits: [Ana Lima]
        ---
        Body.
        """);
    assertThat(a.published().orElseThrow().instant())
        .isEqualTo(Instant.parse("2025-03-04T14:30:00Z"));
    assertThat(a.published().orElseThrow().dateOnly()).isFalse();
    assertThat(a.cwes()).containsExactly("CWE-79");
    assertThat(a.severity().cvssV4()).isPresent();
    List<AffectedRange> ranges = a.affected().get(0).ranges();
    assertThat(ranges.get(0).type()).isEqualTo(RangeType.SEMVER);
    assertThat(ranges.get(0).introducedOrBeginning()).isEqualTo("0");
    assertThat(ranges.get(1).type()).isEqualTo(RangeType.GIT);
    assertThat(a.references().get(0).type()).isEqualTo(Reference.ReferenceType.WEB);
    assertThat(a.credits().get(0)).isEqualTo(new Credit("Ana Lima", List.of(), Optional.empty()));
  }

  @Test
  void carriesFreeFormDataUntouched() {
    Advisory a =
        parse(
            """
        ---
        id: DEMO-2025-0003
        title: T
        published: 2025-03-04
        database_specific:
          score: 7.5
          count: 3
          huge: 123456789012345678901234567890
          flag: true
          nothing: null
          nested: {list: [a, 1]}
          text: "1.10"
          yaml11: [yes, on, 012, 1_000, 1e3, 0x1F]
        affected:
          - ecosystem: PyPI
            package: x
        ---
        Body.
        """);
    Map<String, Object> ds = a.databaseSpecific();
    assertThat(ds)
        .containsEntry("score", new BigDecimal("7.5"))
        .containsEntry("count", 3L)
        .containsEntry("flag", true)
        .containsEntry("nothing", null)
        .containsEntry("text", "1.10")
        .containsEntry("huge", new BigInteger("123456789012345678901234567890"));
    assertThat(ds.get("nested")).isEqualTo(Map.of("list", List.of("a", 1L)));
    // YAML 1.1 spellings are not reinterpreted: `yes` stays "yes", not false; 012 stays "012".
    assertThat(ds.get("yaml11")).isEqualTo(List.of("yes", "on", "012", "1_000", "1e3", "0x1F"));
    assertThat(List.copyOf(ds.keySet()))
        .containsExactly("score", "count", "huge", "flag", "nothing", "nested", "text", "yaml11");
  }

  @Test
  void effectiveModifiedPrefersWrittenThenGitThenPublished() {
    Advisory a = parse(TestSites.validAdvisory("DEMO-2025-0001"));
    Instant commit = Instant.parse("2025-05-01T10:00:00Z");
    assertThat(a.effectiveModified(Optional.of(commit))).contains(Timestamp.ofInstant(commit));
    assertThat(a.effectiveModified(Optional.empty())).isEqualTo(a.published());
  }
}
