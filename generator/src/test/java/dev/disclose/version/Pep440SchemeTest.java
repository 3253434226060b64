package dev.disclose.version;

import static dev.disclose.version.VersionAssertions.assertAllEqual;
import static dev.disclose.version.VersionAssertions.assertRejected;
import static dev.disclose.version.VersionAssertions.assertRejectedContaining;
import static dev.disclose.version.VersionAssertions.assertStrictlyAscending;
import static dev.disclose.version.VersionAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Pep440SchemeTest {
  private static final VersionScheme PEP440 = VersionSchemes.PEP440;

  @Test
  void pep440OrdersTheExampleListFromThePep() {
    // PEP 440, "Summary of permitted suffixes and relative ordering".
    assertStrictlyAscending(
        PEP440,
        List.of(
            "1.dev0",
            "1.0.dev456",
            "1.0a1",
            "1.0a2.dev456",
            "1.0a12.dev456",
            "1.0a12",
            "1.0b1.dev456",
            "1.0b2",
            "1.0b2.post345.dev456",
            "1.0b2.post345",
            "1.0rc1.dev456",
            "1.0rc1",
            "1.0",
            "1.0+abc.5",
            "1.0+abc.7",
            "1.0+5",
            "1.0.post456.dev34",
            "1.0.post456",
            "1.0.15",
            "1.1.dev1"));
  }

  @Test
  void pep440OrdersThePackagingTestSuiteVersionsWithAndWithoutEpoch() {
    // The ordered VERSIONS list of pypa/packaging's tests/test_version.py, under epochs 0 and 1.
    List<String> withoutEpoch =
        List.of(
            "1.0.dev456",
            "1.0a1",
            "1.0a2.dev456",
            "1.0a12.dev456",
            "1.0a12",
            "1.0b1.dev456",
            "1.0b2",
            "1.0b2.post345.dev456",
            "1.0b2.post345",
            "1.0b2-346",
            "1.0c1.dev456",
            "1.0c1",
            "1.0rc2",
            "1.0c3",
            "1.0",
            "1.0.post456.dev34",
            "1.0.post456",
            "1.1.dev1",
            "1.2+123abc",
            "1.2+123abc456",
            "1.2+abc",
            "1.2+abc123",
            "1.2+abc123def",
            "1.2+1234.abc",
            "1.2+123456",
            "1.2.r32+123456",
            "1.2.rev33+123456");
    List<String> all = new ArrayList<>(withoutEpoch);
    withoutEpoch.forEach(v -> all.add("1!" + v));
    assertStrictlyAscending(PEP440, all);
  }

  @Test
  void pep440OrdersDevBeforePreBeforeFinalBeforeLocalBeforePost() {
    // A local label only breaks ties among otherwise equal versions, so 1.0+local sorts
    // between 1.0 and any post release of 1.0.
    assertStrictlyAscending(
        PEP440,
        List.of(
            "1.0.dev1",
            "1.0a1.dev1",
            "1.0a1",
            "1.0a1.post1.dev1",
            "1.0a1.post1",
            "1.0b1",
            "1.0rc1",
            "1.0",
            "1.0+local",
            "1.0.post1.dev1",
            "1.0.post1",
            "1.0.post1+local",
            "1.0.1.dev1"));
  }

  @Test
  void pep440OrdersReleaseSegmentsNumericallyAndEpochsFirst() {
    assertStrictlyAscending(
        PEP440,
        List.of(
            "0.9", "0.9.1", "0.10", "1", "1.0.0.0.1", "1.1", "1.9", "1.10", "2", "1!0.1", "2!0"));
  }

  @Test
  void pep440OrdersLocalSegmentsNumbersAboveStringsAndShorterFirst() {
    assertStrictlyAscending(
        PEP440,
        List.of(
            "1.0+a",
            "1.0+abc",
            "1.0+abc.0",
            "1.0+abc.9",
            "1.0+abc.10",
            "1.0+abc10",
            "1.0+abc9",
            "1.0+b",
            "1.0+0",
            "1.0+1",
            "1.0+1.a",
            "1.0+1.0",
            "1.0+9",
            "1.0+10"));
  }

  @Test
  void pep440IgnoresTrailingZerosLeadingZerosCaseAndTheVPrefix() {
    assertAllEqual(
        PEP440, "1.0", "1", "1.0.0", "1.0.0.0", "v1.0", "V1.0.0", "0!1.0", "01.00", "000!1");
    assertAllEqual(PEP440, "1.2", "01.002", "1.2.0");
    assertAllEqual(PEP440, "1!1.0", "1!01.0", "01!1");
  }

  @Test
  void pep440DistinguishesALocalLabelEvenWhenItIsZero() {
    Version plain = parse(PEP440, "1.0");
    Version zeroLocal = parse(PEP440, "1.0+0");
    assertThat(plain).isNotEqualTo(zeroLocal);
    assertThat(plain.compareTo(zeroLocal)).isNegative();
    assertAllEqual(PEP440, "1.0+0", "1.0+00", "1.0.0+0");
  }

  @Test
  void pep440NormalizesAlternativeSpellings() {
    assertAllEqual(PEP440, "1.0a1", "1.0alpha1", "1.0-alpha-1", "1.0.ALPHA.1", "1.0A1", "1.0_a_1");
    assertAllEqual(PEP440, "1.0b2", "1.0beta2", "1.0-beta.2", "1.0B2");
    assertAllEqual(PEP440, "1.0rc1", "1.0c1", "1.0pre1", "1.0preview1", "1.0-RC-1", "1.0_rc_1");
    assertAllEqual(PEP440, "1.0rc0", "1.0rc", "1.0c", "1.0-c");
    assertAllEqual(PEP440, "1.0a0", "1.0a");
    assertAllEqual(
        PEP440, "1.0.post1", "1.0-1", "1.0post1", "1.0-post-1", "1.0r1", "1.0-rev1", "1.0.POST1");
    assertAllEqual(PEP440, "1.0.post0", "1.0.post", "1.0-r", "1.0rev");
    assertAllEqual(PEP440, "1.0.dev0", "1.0dev", "1.0-dev", "1.0_dev_0", "1.0-dev-");
    assertAllEqual(PEP440, "1.0.dev1", "1.0.DEV-1", "1.0dev1");
    assertAllEqual(PEP440, "1.0a1.post1", "1.0a1-1", "1.0alpha1.r1");
    assertAllEqual(PEP440, "1.0+abc.5", "1.0+ABC.05", "1.0+abc-5", "1.0+abc_5", "1.0.0+Abc.5");
  }

  @Test
  void pep440KeepsTheTextAsWritten() {
    Version version = parse(PEP440, "V1.0-Alpha-1");
    assertThat(version.text()).isEqualTo("V1.0-Alpha-1");
    assertThat(version).hasToString("V1.0-Alpha-1");
    assertThat(version.scheme()).isSameAs(PEP440);
  }

  @Test
  void pep440ComparesNumbersOfAnyLengthExactly() {
    assertStrictlyAscending(
        PEP440,
        List.of(
            "1.0.post99999999999999999999999999999",
            "1.0.post100000000000000000000000000000",
            "123456789012345678901234567890",
            "123456789012345678901234567891",
            "1!0"));
    assertAllEqual(PEP440, "1.0.dev00000000000000000000000000007", "1.0.dev7");
  }

  @Test
  void pep440AcceptsTheGrammarsCornerCases() {
    for (String text :
        List.of(
            "0",
            "1.0.0.0.0.0.0.0.0.0.0.0.1",
            "1!1.0a1.post2.dev3+ubuntu.4",
            "1.0-1.dev2",
            "1.0+ubuntu-1",
            "1.0+1a2b",
            "2012.10",
            "1.0.dev456+abc")) {
      assertThat(parse(PEP440, text).text()).isEqualTo(text);
    }
  }

  @Test
  void pep440RejectsWhatPackagingRejects() {
    for (String text :
        List.of(
            "french toast",
            "1.0+a+",
            "1.0++",
            "1.0+_foobar",
            "1.0+foo&asd",
            "1.0+1+1",
            "1.0a1a1",
            "1.0a1b1",
            "1.0.post1.post2",
            "1.0.dev1.dev2",
            "1.0.dev1a1",
            "1.0post1-1",
            "1.0-",
            "1.0.",
            "1..0",
            ".1",
            "1_0",
            "v",
            "1!",
            "!1.0",
            "1!2!3",
            "1.0+abc..d")) {
      assertThatThrownBy(() -> PEP440.parse(text))
          .as("parsing `%s`", text)
          .isInstanceOf(InvalidVersionException.class)
          .hasMessageStartingWith("`" + text + "` is not a PEP 440 version: ");
    }
  }

  @Test
  void pep440ExplainsWhyAVersionIsInvalid() {
    assertRejected(PEP440, "", "the version is empty");
    assertRejected(PEP440, "   ", "`   ` is not a PEP 440 version: it is blank");
    assertRejected(
        PEP440, "1.0 ", "`1.0 ` is not a PEP 440 version: it contains a space at position 4");
    assertRejected(
        PEP440, " 1.0", "` 1.0` is not a PEP 440 version: it contains a space at position 1");
    assertRejected(
        PEP440,
        "1.0\n",
        "`1.0\\n` is not a PEP 440 version: it contains a line break at position 4");
    assertRejected(
        PEP440,
        "1.0-SNAPSHOT",
        "`1.0-SNAPSHOT` is not a PEP 440 version: unexpected `-SNAPSHOT` after `1.0`; PEP 440"
            + " allows only aN, bN, rcN, .postN, .devN and +local after the release numbers");
    assertRejectedContaining(PEP440, "1.0.0-foo", "unexpected `-foo` after `1.0.0`");
    assertRejectedContaining(PEP440, "2.0.Alhpa1", "unexpected `.Alhpa1` after `2.0`");
    assertRejectedContaining(PEP440, "1.0a1.foo", "unexpected `.foo` after `1.0a1`");
    assertRejected(
        PEP440, "foo", "`foo` is not a PEP 440 version: it must start with a number, like 1.2.0");
    assertRejected(
        PEP440,
        ">=1.0",
        "`>=1.0` is not a PEP 440 version: it looks like a version specifier; write a single"
            + " version, like 1.2.0");
    assertRejectedContaining(PEP440, "1.0,<2", "looks like a version specifier");
    assertRejectedContaining(PEP440, "1.0.*", "wildcards (`*`)");
    assertRejected(
        PEP440,
        "1.0+",
        "`1.0+` is not a PEP 440 version: the local version label after `+` must be ASCII letters"
            + " and digits, separated by `.`, `-` or `_`");
    assertRejectedContaining(PEP440, "1.0+_x", "the local version label after `+`");
  }

  @Test
  void pep440RejectsNonAsciiDigitsAndLetters() {
    // Python's pattern matches ASCII only; Java's \d and case folding must not widen it.
    assertRejectedContaining(PEP440, "1.\u0664", "unexpected");
    assertRejectedContaining(PEP440, "1.0\u04301", "unexpected"); // Cyrillic а
    assertRejectedContaining(PEP440, "1.0+\u00e9", "the local version label");
    // Letters that Unicode case folding would equate with ASCII ones: long s, dotless i, Kelvin.
    assertRejectedContaining(PEP440, "1.0.po\u017Ft1", "unexpected");
    assertRejectedContaining(PEP440, "1.0prev\u0131ew1", "unexpected");
    assertRejectedContaining(PEP440, "1.0+\u212A", "the local version label");
  }
}
