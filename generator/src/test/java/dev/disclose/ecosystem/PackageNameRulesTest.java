package dev.disclose.ecosystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PackageNameRulesTest {

  private static Optional<String> problem(String ecosystem, String name) {
    return Ecosystems.packageNameProblem(ecosystem, name);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "PyPI|requests",
        "PyPI|Django",
        "PyPI|zope.interface",
        "PyPI|typing_extensions",
        "PyPI|a",
        "npm|lodash",
        "npm|@babel/core",
        "npm|JSONStream",
        "npm|left-pad",
        "npm|@types/node",
        "Go|github.com/foo/bar",
        "Go|golang.org/x/net",
        "Go|github.com/Azure/azure-sdk-for-go/v68",
        "Go|gopkg.in/yaml.v3",
        "Go|stdlib",
        "Go|toolchain",
        "crates.io|serde",
        "crates.io|tokio-util",
        "crates.io|serde_json",
        "Maven|org.apache.commons:commons-text",
        "Maven|com.fasterxml.jackson.core:jackson-databind",
        "RubyGems|rails",
        "RubyGems|net-http_ok.2",
        "NuGet|Newtonsoft.Json",
        "NuGet|System.Text.Json",
        "Packagist|symfony/http-kernel",
        "Packagist|drupal/core",
        "Hex|plug",
        "Hex|phoenix_html",
        "Pub|http",
        "Pub|flutter_secure_storage",
        "CRAN|ggplot2",
        "CRAN|data.table",
        "Hackage|aeson",
        "Hackage|http-client",
        "GitHub Actions|actions/checkout",
        "GitHub Actions|tj-actions/changed-files",
        "Linux|Kernel",
        "Debian:12|openssl",
        "Alpine:v3.16|busybox",
        "Android|platform/frameworks/base",
        "SwiftURL|github.com/vapor/vapor",
      })
  void acceptsRealPackageNames(String ecosystem, String name) {
    assertThat(problem(ecosystem, name)).isEmpty();
  }

  @Test
  void pypiNamesFollowPep508() {
    String rule =
        "PyPI project names contain only ASCII letters, digits, '.', '_' and '-', and start and"
            + " end with a letter or digit (PEP 508)";
    assertThat(problem("PyPI", "-requests")).contains(rule);
    assertThat(problem("PyPI", "requests.")).contains(rule);
    assertThat(problem("PyPI", "my package")).contains(rule);
    assertThat(problem("PyPI", "café")).contains(rule);
  }

  @Test
  void npmRejectsLeadingDotOrUnderscoreSpacesAndUnsafeCharacters() {
    assertThat(problem("npm", ".hidden")).get().asString().contains("cannot start with '.' or '_'");
    assertThat(problem("npm", "_private"))
        .get()
        .asString()
        .contains("cannot start with '.' or '_'");
    assertThat(problem("npm", "left pad")).get().asString().contains("cannot contain spaces");
    assertThat(problem("npm", "a/b")).get().asString().contains("URL-safe characters");
    assertThat(problem("npm", "caf\u00e9")).get().asString().contains("URL-safe characters");
    assertThat(problem("npm", "node_modules"))
        .get()
        .asString()
        .contains("blocked npm package name");
    assertThat(problem("npm", "x".repeat(215))).get().asString().contains("at most 214 characters");
    assertThat(problem("npm", "x".repeat(214))).isEmpty();
    assertThat(problem("npm", "~tilde(ok)!*'")).isEmpty();
  }

  @Test
  void scopedNpmNamesNeedScopeAndName() {
    String rule = "scoped npm package names are @scope/name";
    assertThat(problem("npm", "@babel")).get().asString().startsWith(rule);
    assertThat(problem("npm", "@/core")).get().asString().startsWith(rule);
    assertThat(problem("npm", "@babel/")).get().asString().startsWith(rule);
    assertThat(problem("npm", "@a/b/c")).get().asString().startsWith(rule);
    assertThat(problem("npm", "@bab el/core")).get().asString().contains("cannot contain spaces");
  }

  @Test
  void goNamesAreModulePathsStartingWithADomain() {
    assertThat(problem("Go", "foo/bar"))
        .get()
        .asString()
        .contains("start with a domain name containing a dot");
    assertThat(problem("Go", "net/http"))
        .get()
        .asString()
        .contains("start with a domain name containing a dot");
    assertThat(problem("Go", "github.com//bar")).get().asString().contains("joined by single '/'");
    assertThat(problem("Go", "/github.com/foo"))
        .get()
        .asString()
        .contains("no leading or trailing '/'");
    assertThat(problem("Go", "github.com/foo/"))
        .get()
        .asString()
        .contains("no leading or trailing '/'");
    assertThat(problem("Go", "github.com/foo bar"))
        .get()
        .asString()
        .contains("contain only ASCII letters, digits, '-', '.', '_' and '~'");
    assertThat(problem("Go", "github.com/foo/.bar"))
        .get()
        .asString()
        .contains("cannot start or end with '.'");
    assertThat(problem("Go", "GitHub.com/foo")).get().asString().contains("lower-case domain name");
    assertThat(problem("Go", "github.com/foo/bar")).isEmpty();
  }

  @Test
  void crateNamesStartWithALetterAndAreShort() {
    assertThat(problem("crates.io", "1password"))
        .get()
        .asString()
        .contains("start with an ASCII letter (crates.io crate name rules)");
    assertThat(problem("crates.io", "_serde"))
        .get()
        .asString()
        .contains("start with an ASCII letter");
    assertThat(problem("crates.io", "serde.json"))
        .get()
        .asString()
        .contains("only ASCII letters, digits, '-' and '_'");
    assertThat(problem("crates.io", "a".repeat(65)))
        .get()
        .asString()
        .contains("at most 64 characters");
    assertThat(problem("crates.io", "a".repeat(64))).isEmpty();
  }

  @Test
  void mavenNamesAreGroupIdColonArtifactId() {
    String rule = "Maven package names are groupId:artifactId";
    assertThat(problem("Maven", "commons-text")).get().asString().startsWith(rule);
    assertThat(problem("Maven", "org.apache:")).get().asString().startsWith(rule);
    assertThat(problem("Maven", ":commons-text")).get().asString().startsWith(rule);
    assertThat(problem("Maven", "org.apache:commons:text")).get().asString().startsWith(rule);
    assertThat(problem("Maven", "org apache:text")).get().asString().startsWith(rule);
  }

  @Test
  void otherRegistriesHaveTheirOwnDocumentedRules() {
    assertThat(problem("RubyGems", "-rails"))
        .get()
        .asString()
        .contains("RubyGems specification rules");
    assertThat(problem("RubyGems", "123")).get().asString().contains("include at least one letter");
    assertThat(problem("NuGet", "Newtonsoft..Json"))
        .get()
        .asString()
        .contains("NuGet package ID rules");
    assertThat(problem("NuGet", "A".repeat(101)))
        .get()
        .asString()
        .contains("at most 100 characters");
    assertThat(problem("Packagist", "Symfony/http-kernel"))
        .get()
        .asString()
        .contains("Composer package name rules");
    assertThat(problem("Packagist", "symfony")).get().asString().contains("vendor/package");
    assertThat(problem("Hex", "Plug")).get().asString().contains("hex.pm package rules");
    assertThat(problem("Hex", "p")).get().asString().contains("at least 2 characters");
    assertThat(problem("Pub", "Http")).get().asString().contains("lower-case Dart identifiers");
    assertThat(problem("Pub", "2d")).get().asString().contains("not starting with a digit");
    assertThat(problem("Pub", "class")).get().asString().contains("Dart reserved word");
    assertThat(problem("CRAN", "ggplot2.")).get().asString().contains("Writing R Extensions");
    assertThat(problem("CRAN", "x")).get().asString().contains("at least two characters");
    assertThat(problem("Hackage", "http--client"))
        .get()
        .asString()
        .contains("Cabal package name rules");
    assertThat(problem("Hackage", "base-64")).get().asString().contains("at least one letter");
    assertThat(problem("GitHub Actions", "checkout")).get().asString().contains("{owner}/{repo}");
    assertThat(problem("Linux", "linux")).get().asString().contains("'Kernel'");
  }

  @Test
  void everyOtherEcosystemNeedsOnlyAPlainNonEmptyName() {
    assertThat(problem("Debian:12", "open ssl"))
        .contains("package names cannot contain whitespace or control characters");
    assertThat(problem("Wolfi", "tab\tname"))
        .contains("package names cannot contain whitespace or control characters");
    assertThat(problem("Ubuntu:22.04:LTS", "x".repeat(257)))
        .contains("package names are at most 256 characters");
    assertThat(problem("Ubuntu:22.04:LTS", "x".repeat(256))).isEmpty();
    assertThat(problem("PyPI", "")).contains("package names cannot be empty");
    assertThat(problem("Debian", "")).contains("package names cannot be empty");
  }
}
