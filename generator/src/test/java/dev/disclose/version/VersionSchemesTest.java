package dev.disclose.version;

import static dev.disclose.version.VersionAssertions.assertRejected;
import static dev.disclose.version.VersionAssertions.assertRejectedContaining;
import static dev.disclose.version.VersionAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class VersionSchemesTest {

  @Test
  void schemesHaveTheirDocumentedNamesAndOrderedness() {
    assertThat(VersionSchemes.SEMVER.name()).isEqualTo("SemVer 2.0");
    assertThat(VersionSchemes.PEP440.name()).isEqualTo("PEP 440");
    assertThat(VersionSchemes.MAVEN.name()).isEqualTo("Maven");
    assertThat(VersionSchemes.UNORDERED.name()).isEqualTo("any (unordered)");
    assertThat(VersionSchemes.SEMVER.isOrdered()).isTrue();
    assertThat(VersionSchemes.PEP440.isOrdered()).isTrue();
    assertThat(VersionSchemes.MAVEN.isOrdered()).isTrue();
    assertThat(VersionSchemes.UNORDERED.isOrdered()).isFalse();
  }

  @Test
  void versionsOfDifferentSchemesAreNeitherComparableNorEqual() {
    Version semver = parse(VersionSchemes.SEMVER, "1.0.0");
    Version pep440 = parse(VersionSchemes.PEP440, "1.0.0");
    Version maven = parse(VersionSchemes.MAVEN, "1.0.0");
    assertThatThrownBy(() -> semver.compareTo(pep440))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot compare SemVer 2.0 version `1.0.0` with PEP 440 version `1.0.0`");
    assertThatThrownBy(() -> maven.compareTo(semver)).isInstanceOf(IllegalArgumentException.class);
    assertThat(semver).isNotEqualTo(pep440).isNotEqualTo(maven);
    assertThat(pep440).isNotEqualTo(semver);
  }

  @Test
  void unorderedAcceptsAnyVisibleTextAndComparesByExactTextOnly() {
    VersionScheme unordered = VersionSchemes.UNORDERED;
    for (String text : List.of("1:2.3-4~deb12u1", "2.0.0-r1", "7.2p1", "Ünïcödé", "a/b", "0")) {
      assertThat(parse(unordered, text).text()).isEqualTo(text);
    }
    Version a = parse(unordered, "1.0");
    assertThat(a).isEqualTo(parse(unordered, "1.0"));
    assertThat(a.hashCode()).isEqualTo(parse(unordered, "1.0").hashCode());
    assertThat(a).isNotEqualTo(parse(unordered, "1.0.0"));
    assertThatThrownBy(() -> a.compareTo(parse(unordered, "2.0")))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage(
            "versions of scheme any (unordered) have no known order: cannot compare `1.0` with"
                + " `2.0`");
    assertThatThrownBy(() -> a.compareTo(a)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void unorderedRejectsEmptyBlankAndInvisibleCharacters() {
    VersionScheme unordered = VersionSchemes.UNORDERED;
    assertRejected(unordered, "", "the version is empty");
    assertRejected(unordered, "  ", "`  ` is not a valid version: it is blank");
    assertRejected(
        unordered,
        "1.0 beta",
        "`1.0 beta` is not a valid version: it contains a space at position 4");
    assertRejected(
        unordered,
        "1.0\r\n",
        "`1.0\\r\\n` is not a valid version: it contains a line break at position 4");
    assertRejected(
        unordered,
        "1.0\u0007",
        "`1.0\\u0007` is not a valid version: it contains a control character (U+0007) at position"
            + " 4");
    assertRejected(
        unordered,
        "\u202E1.0",
        "`\\u202E1.0` is not a valid version: it contains an invisible formatting character"
            + " (U+202E) at position 1");
    assertRejected(
        unordered,
        "\uFEFF1.0",
        "`\\uFEFF1.0` is not a valid version: it contains an invisible formatting character"
            + " (U+FEFF) at position 1");
  }

  @Test
  void everySchemeRejectsOverlongVersionsAndQuotesThemShortened() {
    String longText = "1." + "2".repeat(300);
    for (VersionScheme scheme :
        List.of(
            VersionSchemes.SEMVER,
            VersionSchemes.PEP440,
            VersionSchemes.MAVEN,
            VersionSchemes.UNORDERED)) {
      assertThatThrownBy(() -> scheme.parse(longText))
          .isInstanceOf(InvalidVersionException.class)
          .hasMessageEndingWith("it is 302 characters long; at most 256 are allowed")
          .hasMessageStartingWith("`1." + "2".repeat(62) + "…` is not ");
    }
    assertThat(parse(VersionSchemes.PEP440, "1." + "2".repeat(254)).text()).hasSize(256);
  }

  @Test
  void everySchemeRejectsNull() {
    for (VersionScheme scheme :
        List.of(
            VersionSchemes.SEMVER,
            VersionSchemes.PEP440,
            VersionSchemes.MAVEN,
            VersionSchemes.UNORDERED)) {
      assertThatThrownBy(() -> scheme.parse(null)).isInstanceOf(NullPointerException.class);
    }
  }

  @Test
  void positionsCountCharactersNotUtf16Units() {
    assertRejectedContaining(VersionSchemes.UNORDERED, "\uD83D\uDE00 1", "a space at position 2");
  }

  @Test
  void intervalsIncludeTheirStartAndLastAffectedButNotTheFix() throws Exception {
    VersionScheme semver = VersionSchemes.SEMVER;
    Function<String, Version> v =
        text -> {
          try {
            return semver.parse(text);
          } catch (InvalidVersionException e) {
            throw new IllegalStateException(e);
          }
        };
    Optional<String> none = Optional.empty();
    Assertions.assertThat(
            VersionSchemes.inInterval(
                semver, v.apply("1.0.0"), "1.0.0", Optional.of("1.1.0"), none))
        .isTrue();
    Assertions.assertThat(
            VersionSchemes.inInterval(
                semver, v.apply("1.1.0"), "1.0.0", Optional.of("1.1.0"), none))
        .isFalse();
    Assertions.assertThat(VersionSchemes.inInterval(semver, v.apply("0.9.0"), "1.0.0", none, none))
        .isFalse();
    Assertions.assertThat(
            VersionSchemes.inInterval(semver, v.apply("0.0.1"), "0", none, Optional.of("0.0.1")))
        .isTrue();
    Assertions.assertThat(
            VersionSchemes.inInterval(semver, v.apply("0.0.2"), "0", none, Optional.of("0.0.1")))
        .isFalse();
  }
}
