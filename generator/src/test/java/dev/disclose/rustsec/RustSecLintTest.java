package dev.disclose.rustsec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks advisory-db's CI makes that need no network: a valid file passes, and each fixture is
 * that file with one defect, reported at its line with what is wrong.
 */
class RustSecLintTest {
  static final String DRAFT = "crates/corvid-vmm/RUSTSEC-0000-0000.md";

  static final String VALID =
      """
      ```toml
      [advisory]
      id = "RUSTSEC-0000-0000"
      package = "corvid-vmm"
      date = "2025-03-04"
      url = "https://corvid.example.org/security/advisories/DEMO-2025-0002/"
      references = ["https://github.com/corvid-dev/corvid-vmm/issues/731"]
      categories = ["memory-corruption"]
      keywords = ["use-after-free"]
      aliases = ["CVE-2025-31337", "GHSA-4v5w-6x7r-8q9p"]
      cvss = "CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:H/A:H"

      [affected]
      os = ["linux"]
      arch = ["x86_64"]

      [affected.functions]
      "corvid_vmm::Region::unmap" = [">= 0.5.0, < 0.7.2"]

      [versions]
      patched = [">= 0.7.2"]
      unaffected = ["< 0.5.0"]
      ```

      # Use-after-free in Region::unmap

      `Region::unmap` freed the mapping early. Found by [@ada](https://github.com/ada)
      (ada@example.org); `@corvid/console` is not affected.
      """;

  static List<String> lint(String path, String text) {
    return RustSecLint.check(path, text).stream().map(p -> p.line() + ": " + p.message()).toList();
  }

  @Test
  void aValidFileHasNoProblems() {
    assertThat(lint(DRAFT, VALID)).isEmpty();
    String assigned = VALID.replace("RUSTSEC-0000-0000", "RUSTSEC-2025-0042");
    assertThat(lint("crates/corvid-vmm/RUSTSEC-2025-0042.md", assigned)).isEmpty();
    // An unbounded function requirement, as the export writes for a function affected everywhere.
    assertThat(lint(DRAFT, VALID.replace("[\">= 0.5.0, < 0.7.2\"]", "[\"*\"]"))).isEmpty();
  }

  static Stream<Arguments> defects() {
    return Stream.of(
        // [advisory]
        defect("url = \"https://", "url = \"http://", "6: `url` must start with https://"),
        defect(
            "keywords = [\"use-after-free\"]",
            "keywords = [\"use-after-free\"]\nseverity = \"high\"",
            "10: unknown key `severity`"),
        defect("[\"memory-corruption\"]", "[\"memory-leak\"]", "8: unknown category `memory-leak`"),
        defect("[\"use-after-free\"]", "[1]", "9: `keywords` must be a list of strings"),
        defect(
            "\"CVE-2025-31337\"",
            "\"CVE-1999-0001\"",
            "10: `CVE-1999-0001` is not PREFIX-YEAR-NUMBER with a year from 2000 to 2100"),
        defect(
            "CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:H/A:H",
            "CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
            "11: cargo-audit releases without CVSS 4.0 support read only CVSS 3.x here"),
        defect(
            "cvss = ",
            "informational = \"critical\"\ncvss = ",
            "11: unknown informational kind `critical`"),
        defect(
            "cvss = ",
            "license = \"MIT\"\ncvss = ",
            "11: unknown license `MIT`: CC0-1.0 or CC-BY-4.0"),
        defect(
            "cvss = ",
            "collection = \"crates\"\ncvss = ",
            "11: `collection` must not be written: the file's folder says it"),
        defect(
            "cvss = ",
            "title = \"Use-after-free\"\ncvss = ",
            "11: `title` belongs in the Markdown after the TOML, not in it"),
        defect(
            "date = \"2025-03-04\"",
            "date = \"2025-02-30\"",
            "5: `date` must be a YYYY-MM-DD date from 2000 to 2100"),
        defect("date = \"2025-03-04\"\n", "", "2: [advisory] needs `date` as a string"),
        // [affected]
        defect("[\"linux\"]", "[\"Linux\"]", "14: unknown operating system `Linux`"),
        defect("[\"x86_64\"]", "[\"x64\"]", "15: unknown architecture `x64`"),
        defect(
            "arch = ", "platform = [\"x\"]\narch = ", "15: unknown key `platform` in [affected]"),
        defect(
            "\"corvid_vmm::Region::unmap\"",
            "\"corvid::Region::unmap\"",
            "18: `corvid::Region::unmap` must start with the crate, `corvid_vmm::`"),
        defect(
            "\"corvid_vmm::Region::unmap\"",
            "\"corvid_vmm::Region::unmap()\"",
            "18: `corvid_vmm::Region::unmap()` is not a Rust path without parameters"),
        // [versions]
        defect(
            "unaffected = [\"< 0.5.0\"]",
            "unaffected = [\"< 0.8.0\"]",
            "20: the version requirements `< 0.8.0` and `>= 0.7.2` overlap"),
        defect(
            "unaffected = ",
            "affected = [\"0.6.0\"]\nunaffected = ",
            "22: unknown key `affected` in [versions]"),
        // The file as a whole
        defect(
            "```\n\n# Use-after-free", "```\n\nUse-after-free", "25: a `# title` line must follow"),
        defect("```toml\n", "```\n", "1: the file must start with a ```toml line"),
        defect("[versions]", "[versions", "20: the TOML does not parse"),
        defect(
            "[affected]\n",
            "[frobnicate]\nx = 1\n\n[affected]\n",
            "13: unknown key `frobnicate` at the top"),
        // The text: a bare handle notifies that user on GitHub.
        defect(
            "freed the mapping early.",
            "freed the mapping early, as @ada-lovelace (and @bo) reported.",
            "27: a bare @ada-lovelace notifies that user on GitHub"));
  }

  private static Arguments defect(String from, String to, String expected) {
    return Arguments.of(from, to, expected);
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("defects")
  void eachDefectIsReportedAtItsLine(String from, String to, String expected) {
    assertThat(VALID).contains(from);
    List<String> problems = lint(DRAFT, VALID.replace(from, to));
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0)).startsWith(expected);
  }

  @Test
  void theIdMatchesTheFileNameTheDateAndTheCratesFolder() {
    String assigned = VALID.replace("RUSTSEC-0000-0000", "RUSTSEC-2024-0042");
    assertThat(lint("crates/corvid-vmm/RUSTSEC-2024-0042.md", assigned))
        .containsExactly("3: the year of `RUSTSEC-2024-0042` is not the year of `date`");
    assertThat(lint("crates/corvid-vmm/RUSTSEC-2025-0042.md", VALID))
        .containsExactly(
            "3: a new advisory is `RUSTSEC-0000-0000` in RUSTSEC-0000-0000.md, and only there");
    String other = VALID.replace("RUSTSEC-0000-0000", "RUSTSEC-2025-0042");
    assertThat(lint(DRAFT, other))
        .containsExactly(
            "3: a new advisory is `RUSTSEC-0000-0000` in RUSTSEC-0000-0000.md, and only there");
    assertThat(lint("crates/corvid-vmm/RUSTSEC-2025-0043.md", other))
        .containsExactly("1: the file must be named after its ID, RUSTSEC-2025-0042.md");
    assertThat(lint("crates/corvid-virtio/RUSTSEC-0000-0000.md", VALID))
        .containsExactly("1: the file must be in the folder of its crate, crates/corvid-vmm/");
    assertThat(lint("DEMO-2025-0002/crates/corvid-vmm/RUSTSEC-0000-0000.md", VALID))
        .containsExactly("1: the file must be crates/corvid-vmm/<ID>.md in advisory-db");
    String own = VALID.replace("id = \"RUSTSEC-0000-0000\"", "id = \"DEMO-2025-0002\"");
    assertThat(lint("crates/corvid-vmm/DEMO-2025-0002.md", own))
        .containsExactly(
            "3: `DEMO-2025-0002` is no kind of ID advisory-db knows (RUSTSEC, CVE, GHSA)");
  }

  @Test
  void everyProblemOfAFileIsReportedInTheOrderOfItsLines() {
    String bad =
        VALID
            .replace("https://corvid", "http://corvid")
            .replace("[\"x86_64\"]", "[\"x64\"]")
            .replace("early.", "early; thanks @ada.\nAnd @bo");
    assertThat(lint(DRAFT, bad))
        .containsExactly(
            "6: `url` must start with https://",
            "15: unknown architecture `x64`",
            "28: a bare @bo notifies that user on GitHub");
  }
}
