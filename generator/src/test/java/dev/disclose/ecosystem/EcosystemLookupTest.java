package dev.disclose.ecosystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EcosystemLookupTest {

  @Test
  void findsOsvEcosystemsByTheirExactSpelling() {
    assertThat(Ecosystems.find("PyPI"))
        .hasValueSatisfying(
            e -> {
              assertThat(e.name()).isEqualTo("PyPI");
              assertThat(e.purlType()).contains("pypi");
              assertThat(e.ordered()).isTrue();
            });
    assertThat(Ecosystems.find("crates.io"))
        .hasValueSatisfying(
            e -> {
              assertThat(e.name()).isEqualTo("crates.io");
              assertThat(e.purlType()).contains("cargo");
              assertThat(e.ordered()).isTrue();
            });
    assertThat(Ecosystems.find("Go")).map(Ecosystem::purlType).contains(Optional.of("golang"));
    assertThat(Ecosystems.find("GitHub Actions"))
        .map(Ecosystem::purlType)
        .contains(Optional.of("github"));
    assertThat(Ecosystems.find("Red Hat")).map(Ecosystem::name).contains("Red Hat");
  }

  @Test
  void spellingIsCaseSensitive() {
    assertThat(Ecosystems.find("pypi")).isEmpty();
    assertThat(Ecosystems.find("NPM")).isEmpty();
    assertThat(Ecosystems.find("maven")).isEmpty();
  }

  @Test
  void releaseSuffixesResolveToTheBaseEcosystem() {
    assertThat(Ecosystems.find("Debian:12")).map(Ecosystem::name).contains("Debian");
    assertThat(Ecosystems.find("Alpine:v3.16")).map(Ecosystem::name).contains("Alpine");
    assertThat(Ecosystems.find("Ubuntu:Pro:18.04:LTS")).map(Ecosystem::name).contains("Ubuntu");
    assertThat(Ecosystems.find("Maven:https://maven.google.com"))
        .map(Ecosystem::name)
        .contains("Maven");
    assertThat(Ecosystems.find("Root:Alpine:3.18")).map(Ecosystem::name).contains("Root");
  }

  @Test
  void anEmptySuffixOrUnknownBaseIsNotAnEcosystem() {
    assertThat(Ecosystems.find("Debian:")).isEmpty();
    assertThat(Ecosystems.find("Debain:12")).isEmpty();
    assertThat(Ecosystems.find("")).isEmpty();
    assertThat(Ecosystems.find(":12")).isEmpty();
    assertThat(Ecosystems.find(null)).isEmpty();
  }

  @Test
  void gitIsAcceptedBecauseTheSchemaPatternAdmitsIt() {
    assertThat(Ecosystems.find("GIT")).map(Ecosystem::name).contains("GIT");
    assertThat(Ecosystems.find("GIT")).map(Ecosystem::purlType).contains(Optional.empty());
  }

  @Test
  void onlyTheFiveEcosystemsWithKnownVersionOrderAreOrdered() {
    assertThat(Ecosystems.names().stream().filter(n -> Ecosystems.find(n).orElseThrow().ordered()))
        .containsExactlyInAnyOrder("crates.io", "npm", "Go", "PyPI", "Maven");
  }

  @Test
  void namesComeFromTheBundledListInItsOrder() {
    assertThat(Ecosystems.names())
        .hasSize(49)
        .startsWith("AlmaLinux", "Alpaquita", "Alpine")
        .endsWith("VSCode", "Wolfi", "GIT")
        .doesNotHaveDuplicates()
        .noneMatch(n -> n.startsWith("#"));
    assertThat(Ecosystems.names()).allSatisfy(n -> assertThat(Ecosystems.find(n)).isPresent());
  }
}
