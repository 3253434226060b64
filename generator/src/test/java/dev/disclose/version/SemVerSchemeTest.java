package dev.disclose.version;

import static dev.disclose.version.VersionAssertions.assertAllEqual;
import static dev.disclose.version.VersionAssertions.assertRejected;
import static dev.disclose.version.VersionAssertions.assertRejectedContaining;
import static dev.disclose.version.VersionAssertions.assertStrictlyAscending;
import static dev.disclose.version.VersionAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SemVerSchemeTest {
  private static final VersionScheme SEMVER = VersionSchemes.SEMVER;

  @Test
  void semverOrdersThePrecedenceExampleFromTheSpec() {
    // semver.org §11.4.
    assertStrictlyAscending(
        SEMVER,
        List.of(
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0-rc.1",
            "1.0.0"));
  }

  @Test
  void semverOrdersMajorMinorPatchNumerically() {
    // semver.org §11.2: 1.0.0 < 2.0.0 < 2.1.0 < 2.1.1.
    assertStrictlyAscending(
        SEMVER,
        List.of(
            "0.0.0",
            "0.0.9",
            "0.0.10",
            "0.9.99",
            "0.10.0",
            "1.0.0",
            "2.0.0",
            "2.1.0",
            "2.1.1",
            "9.99.99",
            "10.0.0",
            "2147483647.0.0"));
  }

  @Test
  void semverPutsPreReleasesBeforeTheirRelease() {
    assertStrictlyAscending(SEMVER, List.of("0.9.9", "1.0.0-0", "1.0.0-alpha", "1.0.0", "1.0.1-0"));
  }

  @Test
  void semverComparesPreReleaseIdentifiersAsTheSpecSays() {
    // Numeric identifiers compare numerically, of any length, and below alphanumeric ones;
    // alphanumeric identifiers compare in ASCII order, so alpha10 < alpha9 and "-" < "0a".
    // semver4j's own compareTo gets several of these wrong (see SemVerScheme).
    assertStrictlyAscending(
        SEMVER,
        List.of(
            "1.0.0-1",
            "1.0.0-2",
            "1.0.0-10",
            "1.0.0-99999999999999999998",
            "1.0.0-99999999999999999999",
            "1.0.0--",
            "1.0.0-0a",
            "1.0.0-A",
            "1.0.0-a",
            "1.0.0-a.1",
            "1.0.0-a.undef",
            "1.0.0-alpha10",
            "1.0.0-alpha9",
            "1.0.0-undef"));
  }

  @Test
  void semverIgnoresBuildMetadataAndTheVPrefixForOrderingAndEquality() {
    assertAllEqual(SEMVER, "1.0.0", "1.0.0+build.1", "1.0.0+build.2", "v1.0.0", "v1.0.0+0");
    assertAllEqual(SEMVER, "1.0.0-rc.1", "1.0.0-rc.1+linux", "v1.0.0-rc.1+001");
    assertThat(parse(SEMVER, "1.0.0+zzz").compareTo(parse(SEMVER, "1.0.1+aaa"))).isNegative();
  }

  @Test
  void semverDistinguishesPreReleasesThatOnlyLookAlike() {
    assertThat(parse(SEMVER, "1.0.0-rc.1")).isNotEqualTo(parse(SEMVER, "1.0.0-rc1"));
    assertThat(parse(SEMVER, "1.0.0-RC.1")).isNotEqualTo(parse(SEMVER, "1.0.0-rc.1"));
    assertThat(parse(SEMVER, "1.0.0-RC.1").compareTo(parse(SEMVER, "1.0.0-rc.1"))).isNegative();
  }

  @Test
  void semverAcceptsGosVPrefixAndKeepsTheText() {
    Version go = parse(SEMVER, "v1.2.3");
    assertThat(go.text()).isEqualTo("v1.2.3");
    assertThat(go).hasToString("v1.2.3");
    assertThat(go.scheme()).isSameAs(SEMVER);
    assertThat(go).isEqualTo(parse(SEMVER, "1.2.3"));
    assertThat(go.compareTo(parse(SEMVER, "v1.2.4"))).isNegative();
    assertThat(go.compareTo(parse(SEMVER, "1.2.2"))).isPositive();
  }

  @Test
  void goPseudoVersionsOrderBetweenTheirNeighbouringReleases() {
    assertStrictlyAscending(
        SEMVER,
        List.of(
            "v0.0.0-20191109021931-daa7c04131f5",
            "v0.0.0-20210101000000-abcdef123456",
            "v0.0.1",
            "v1.2.3",
            "v1.2.4-0.20210101000000-abcdef123456",
            "v1.2.4-0.20210102000000-000000000000",
            "v1.2.4",
            "v1.2.5-pre.0.20210101000000-abcdef123456",
            "v1.2.5-pre.1",
            "v2.0.0+incompatible"));
  }

  @Test
  void semverExplainsWhyAVersionIsInvalid() {
    assertRejected(
        SEMVER, "1.2", "`1.2` is not a SemVer 2.0 version: expected MAJOR.MINOR.PATCH, like 1.2.0");
    assertRejected(
        SEMVER, "v2", "`v2` is not a SemVer 2.0 version: expected MAJOR.MINOR.PATCH, like v2.0.0");
    assertRejected(SEMVER, "", "the version is empty");
    assertRejected(
        SEMVER,
        "1.2.3 ",
        "`1.2.3 ` is not a SemVer 2.0 version: it contains a space at position 6");
    assertRejected(
        SEMVER,
        "1.2.3\t",
        "`1.2.3\\t` is not a SemVer 2.0 version: it contains a tab at position 6");
    assertRejected(
        SEMVER,
        "V1.2.3",
        "`V1.2.3` is not a SemVer 2.0 version: the `v` prefix must be lowercase, like v1.2.3");
    assertRejected(
        SEMVER,
        "V1.2",
        "`V1.2` is not a SemVer 2.0 version: expected MAJOR.MINOR.PATCH, like v1.2.0");
    assertRejectedContaining(SEMVER, "1.2.3.4", "expected exactly three numbers MAJOR.MINOR.PATCH");
    assertRejected(
        SEMVER,
        "1.2.3rc1",
        "`1.2.3rc1` is not a SemVer 2.0 version: a pre-release must follow a hyphen, like"
            + " 1.2.3-rc1");
    assertRejectedContaining(SEMVER, "01.2.3", "the number `01` must not have a leading zero");
    assertRejectedContaining(
        SEMVER, "1.2.3-01", "the numeric pre-release identifier `01` must not have a leading zero");
    assertRejectedContaining(SEMVER, "1.2.3-", "the pre-release after `-` is empty");
    assertRejectedContaining(SEMVER, "1.2.3-a..b", "the pre-release contains an empty identifier");
    assertRejectedContaining(
        SEMVER, "1.2.3-a_b", "pre-release identifier `a_b` may only contain ASCII letters");
    assertRejectedContaining(SEMVER, "1.2.3+", "the build metadata after `+` is empty");
    assertRejectedContaining(
        SEMVER, "1.2.3+a+b", "build metadata identifier `a+b` may only contain ASCII letters");
    assertRejectedContaining(
        SEMVER, "1.a.3", "MAJOR, MINOR and PATCH must be non-negative whole numbers");
    assertRejectedContaining(SEMVER, "foo", "expected MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]");
    for (String range :
        List.of(
            "^1.2.3",
            "~1.2.3",
            ">=1.0.0",
            "1.x",
            "1.2.*",
            "*",
            "[1.0.0,2.0.0)",
            "1.0.0 || 2.0.0")) {
      assertRejectedContaining(SEMVER, range, "is not a SemVer 2.0 version: ");
    }
    assertRejectedContaining(SEMVER, "^1.2.3", "it looks like a version range");
    assertRejectedContaining(SEMVER, "1.x", "it looks like a version range");
  }

  @Test
  void semverRejectsNumbersBeyondWhatSemver4jSupports() {
    assertRejected(
        SEMVER,
        "2147483648.0.0",
        "`2147483648.0.0` is not a SemVer 2.0 version: the number `2147483648` is too large;"
            + " numbers above 2147483647 are not supported");
    assertRejectedContaining(
        SEMVER, "1.99999999999999999999.0", "`99999999999999999999` is too large");
  }

  @Test
  void semverRejectsNonAsciiDigits() {
    assertRejectedContaining(SEMVER, "1.2.\u0663", "is not a SemVer 2.0 version");
    assertRejectedContaining(SEMVER, "1.2.3-\u00e9", "may only contain ASCII letters");
  }
}
