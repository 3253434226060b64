package dev.disclose.ecosystem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EcosystemSuggestionTest {

  @Test
  void wrongCaseSuggestsOsvSpelling() {
    assertThat(Ecosystems.suggest("pypi")).contains("PyPI");
    assertThat(Ecosystems.suggest("NPM")).contains("npm");
    assertThat(Ecosystems.suggest("rubygems")).contains("RubyGems");
  }

  @Test
  void commonAliasesMapToTheirEcosystem() {
    assertThat(Ecosystems.suggest("golang")).contains("Go");
    assertThat(Ecosystems.suggest("cargo")).contains("crates.io");
    assertThat(Ecosystems.suggest("rust")).contains("crates.io");
    assertThat(Ecosystems.suggest("crates")).contains("crates.io");
    assertThat(Ecosystems.suggest("pip")).contains("PyPI");
    assertThat(Ecosystems.suggest("Python")).contains("PyPI");
    assertThat(Ecosystems.suggest("java")).contains("Maven");
    assertThat(Ecosystems.suggest("nodejs")).contains("npm");
    assertThat(Ecosystems.suggest("node")).contains("npm");
  }

  @Test
  void typosFallBackToTheNearestName() {
    assertThat(Ecosystems.suggest("Packagest")).contains("Packagist");
    assertThat(Ecosystems.suggest("Hackge")).contains("Hackage");
  }

  @Test
  void aReleaseSuffixIsKeptInTheSuggestion() {
    assertThat(Ecosystems.suggest("debian:12")).contains("Debian:12");
    assertThat(Ecosystems.suggest("Debain:12")).contains("Debian:12");
    assertThat(Ecosystems.suggest("Debian:")).contains("Debian");
  }

  @Test
  void nothingIsSuggestedForKnownOrFarOffNames() {
    assertThat(Ecosystems.suggest("PyPI")).isEmpty();
    assertThat(Ecosystems.suggest("Alpine:v3.16")).isEmpty();
    assertThat(Ecosystems.suggest("xyzzyplugh")).isEmpty();
    assertThat(Ecosystems.suggest("")).isEmpty();
  }
}
