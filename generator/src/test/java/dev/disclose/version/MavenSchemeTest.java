package dev.disclose.version;

import static dev.disclose.version.VersionAssertions.assertAllEqual;
import static dev.disclose.version.VersionAssertions.assertRejected;
import static dev.disclose.version.VersionAssertions.assertRejectedContaining;
import static dev.disclose.version.VersionAssertions.assertStrictlyAscending;
import static dev.disclose.version.VersionAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins the order of maven-artifact's ComparableVersion, quirks included. */
class MavenSchemeTest {
  private static final VersionScheme MAVEN = VersionSchemes.MAVEN;

  @Test
  void mavenOrdersKnownQualifiersThenReleaseThenServicePacksThenOthers() {
    assertStrictlyAscending(
        MAVEN,
        List.of(
            "1.0-alpha-1",
            "1.0-alpha-2",
            "1.0-beta-1",
            "1.0-milestone-1",
            "1.0-rc-1",
            "1.0-SNAPSHOT",
            "1.0",
            "1.0-sp-1",
            "1.0-bar",
            "1.0-foo",
            "1.0-1",
            "1.0.1",
            "1.1",
            "1.10",
            "2"));
  }

  @Test
  void mavenTreatsReleaseAliasesAndTrailingZerosAsTheSameVersion() {
    assertAllEqual(
        MAVEN, "1", "1.0", "1.0.0", "1.0-ga", "1.0-final", "1.0.Final", "1.0.RELEASE", "1-0");
    assertAllEqual(MAVEN, "1.0-RC1", "1.0-rc1", "1.0.rc1", "1.0-rc-1", "1.0-cr1", "1.0-CR-1");
    assertAllEqual(MAVEN, "1.0-alpha-1", "1.0-alpha1", "1.0-a1", "1.0a1", "1.0-ALPHA-1");
    assertAllEqual(MAVEN, "1.0-beta-1", "1.0-b1");
    assertAllEqual(MAVEN, "1.0-milestone-1", "1.0-m1");
    assertAllEqual(MAVEN, "1.0-SNAPSHOT", "1.0-snapshot", "1.0.0-SNAPSHOT");
  }

  @Test
  void mavenQuirksArePreservedAsComparableVersionDefinesThem() {
    // "a" is alpha only when a digit follows; alone it is an unknown qualifier, after the release.
    assertStrictlyAscending(MAVEN, List.of("1.0-alpha", "1.0", "1.0-a"));
    // A dot and a hyphen before a number are not interchangeable after a qualifier.
    assertStrictlyAscending(MAVEN, List.of("1.0-alpha-1", "1.0-alpha.1"));
    // So do a dot and a hyphen between a qualifier and its number.
    assertStrictlyAscending(MAVEN, List.of("1.0.rc1", "1.0.rc-1"));
    // A snapshot of a pre-release comes before that pre-release.
    assertStrictlyAscending(MAVEN, List.of("1.0-alpha-1-SNAPSHOT", "1.0-alpha-1"));
  }

  @Test
  void mavenComparesLongNumbersExactly() {
    assertStrictlyAscending(
        MAVEN,
        List.of(
            "1.0.99999999999999999998", "1.0.99999999999999999999", "1.0.100000000000000000000"));
  }

  @Test
  void mavenKeepsTheTextAsWritten() {
    Version version = parse(MAVEN, "2.0.0.RELEASE");
    assertThat(version.text()).isEqualTo("2.0.0.RELEASE");
    assertThat(version).hasToString("2.0.0.RELEASE");
    assertThat(version.scheme()).isSameAs(MAVEN);
  }

  @Test
  void mavenRejectsBlankWhitespaceRangesPropertiesAndMetaVersions() {
    assertRejected(MAVEN, "", "the version is empty");
    assertRejected(MAVEN, " ", "` ` is not a Maven version: it is blank");
    assertRejected(
        MAVEN, "1.0 ", "`1.0 ` is not a Maven version: it contains a space at position 4");
    assertRejected(
        MAVEN,
        "1.0\u00a0",
        "`1.0\\u00A0` is not a Maven version: it contains whitespace (U+00A0) at position 4");
    assertRejected(
        MAVEN,
        "[1.0,2.0)",
        "`[1.0,2.0)` is not a Maven version: `[` is range syntax; write a single version like"
            + " 1.2.0, not a range");
    assertRejectedContaining(MAVEN, "1.0,2.0", "`,` is range syntax");
    assertRejectedContaining(MAVEN, "${project.version}", "it is a property reference");
    assertRejectedContaining(MAVEN, "LATEST", "it is a meta-version");
    assertRejectedContaining(MAVEN, "RELEASE", "it is a meta-version");
  }

  @Test
  void mavenAcceptsUnusualButRealVersions() {
    for (String text :
        List.of(
            "r09", "1.0.0.v20140518", "2.5-20081017.143045-2", "1.0_01", "3.0.0-M7", "jdk1.4")) {
      assertThat(parse(MAVEN, text).text()).isEqualTo(text);
    }
  }
}
