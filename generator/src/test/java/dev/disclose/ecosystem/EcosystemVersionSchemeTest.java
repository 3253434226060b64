package dev.disclose.ecosystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.disclose.version.VersionSchemes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which version scheme each ecosystem of the table uses. */
class EcosystemVersionSchemeTest {

  @Test
  void versionSchemeMapsOsvEcosystemNamesToSchemes() {
    assertThat(Ecosystems.versionScheme("crates.io")).isSameAs(VersionSchemes.SEMVER);
    assertThat(Ecosystems.versionScheme("npm")).isSameAs(VersionSchemes.SEMVER);
    assertThat(Ecosystems.versionScheme("Go")).isSameAs(VersionSchemes.SEMVER);
    assertThat(Ecosystems.versionScheme("PyPI")).isSameAs(VersionSchemes.PEP440);
    assertThat(Ecosystems.versionScheme("Maven")).isSameAs(VersionSchemes.MAVEN);
  }

  @Test
  void versionSchemeIgnoresTheSuffixAfterAColon() {
    assertThat(Ecosystems.versionScheme("Maven:https://repo.example.org/maven2/"))
        .isSameAs(VersionSchemes.MAVEN);
    assertThat(Ecosystems.versionScheme("PyPI:")).isSameAs(VersionSchemes.PEP440);
    assertThat(Ecosystems.versionScheme("npm:private")).isSameAs(VersionSchemes.SEMVER);
    assertThat(Ecosystems.versionScheme("Debian:12")).isSameAs(VersionSchemes.UNORDERED);
    assertThat(Ecosystems.versionScheme(":PyPI")).isSameAs(VersionSchemes.UNORDERED);
  }

  @Test
  void versionSchemeIsCaseSensitiveAndFallsBackToUnordered() {
    for (String ecosystem :
        List.of(
            "pypi",
            "PYPI",
            "go",
            "NPM",
            "maven",
            "Crates.io",
            "RubyGems",
            "NuGet",
            "Debian",
            "Packagist",
            "",
            " PyPI",
            "PyPI ")) {
      assertThat(Ecosystems.versionScheme(ecosystem))
          .as("scheme of ecosystem `%s`", ecosystem)
          .isSameAs(VersionSchemes.UNORDERED);
    }
  }

  @Test
  void versionSchemeRejectsNull() {
    assertThatThrownBy(() -> Ecosystems.versionScheme(null))
        .isInstanceOf(NullPointerException.class);
  }
}
