package dev.disclose.ecosystem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PackageUrlTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "PyPI|requests|pkg:pypi/requests",
        "PyPI|Zope.Interface|pkg:pypi/zope-interface",
        "PyPI|typing_extensions|pkg:pypi/typing-extensions",
        "npm|lodash|pkg:npm/lodash",
        "npm|@scope/name|pkg:npm/%40scope/name",
        "Go|github.com/foo/bar|pkg:golang/github.com/foo/bar",
        "Go|golang.org/x/net|pkg:golang/golang.org/x/net",
        "Go|stdlib|pkg:golang/stdlib",
        "crates.io|serde|pkg:cargo/serde",
        "Maven|org.apache:commons-text|pkg:maven/org.apache/commons-text",
        "RubyGems|rails|pkg:gem/rails",
        "NuGet|Newtonsoft.Json|pkg:nuget/Newtonsoft.Json",
        "Packagist|symfony/http-kernel|pkg:composer/symfony/http-kernel",
        "Hex|plug|pkg:hex/plug",
        "Pub|http|pkg:pub/http",
        "Hackage|aeson|pkg:hackage/aeson",
        "CRAN|ggplot2|pkg:cran/ggplot2",
        "SwiftURL|https://github.com/vapor/vapor.git|pkg:swift/github.com/vapor/vapor",
        "GitHub Actions|actions/checkout|pkg:github/actions/checkout",
        "Maven:https://maven.google.com|androidx.core:core|pkg:maven/androidx.core/core",
      })
  void derivesThePurlOsvGives(String ecosystem, String name, String purl) {
    assertThat(Ecosystems.purlFor(ecosystem, name)).contains(purl);
  }

  @Test
  void goPurlsAreLowerCasedByPackageUrlJava() {
    assertThat(Ecosystems.purlFor("Go", "github.com/Azure/go-autorest"))
        .contains("pkg:golang/github.com/azure/go-autorest");
  }

  @Test
  void noPurlWithoutAPurlTypeOrForAnInvalidName() {
    assertThat(Ecosystems.purlFor("Debian:12", "openssl")).isEmpty();
    assertThat(Ecosystems.purlFor("GIT", "https://github.com/foo/bar")).isEmpty();
    assertThat(Ecosystems.purlFor("Pypi", "requests")).isEmpty();
    assertThat(Ecosystems.purlFor("Maven", "commons-text")).isEmpty();
  }

  @Test
  void acceptsAMatchingPurlIgnoringVersionAndQualifiers() {
    assertThat(Ecosystems.purlProblem("pkg:pypi/requests@2.31.0", "PyPI", "requests")).isEmpty();
    assertThat(Ecosystems.purlProblem("pkg:pypi/Zope_Interface", "PyPI", "zope.interface"))
        .isEmpty();
    assertThat(Ecosystems.purlProblem("pkg:npm/%40babel/core@7.0.0", "npm", "@babel/core"))
        .isEmpty();
    assertThat(
            Ecosystems.purlProblem(
                "pkg:maven/org.apache/commons-text@1.10.0?type=jar",
                "Maven",
                "org.apache:commons-text"))
        .isEmpty();
    assertThat(
            Ecosystems.purlProblem(
                "pkg:golang/github.com/Azure/go-autorest@v14.2.0",
                "Go",
                "github.com/Azure/go-autorest"))
        .isEmpty();
    assertThat(Ecosystems.purlProblem("pkg:deb/debian/openssl", "Debian:12", "openssl")).isEmpty();
  }

  @Test
  void reportsAPurlThatDoesNotParse() {
    assertThat(Ecosystems.purlProblem("requests", "PyPI", "requests"))
        .get()
        .asString()
        .startsWith("'requests' is not a valid Package URL");
    assertThat(Ecosystems.purlProblem("pkg:npm/@babel/core", "npm", "@babel/core"))
        .get()
        .asString()
        .startsWith("'pkg:npm/@babel/core' is not a valid Package URL");
  }

  @Test
  void reportsAPurlOfAnotherType() {
    assertThat(Ecosystems.purlProblem("pkg:npm/requests", "PyPI", "requests"))
        .contains("purl type 'npm' does not match ecosystem PyPI, whose purls are pkg:pypi/…");
  }

  @Test
  void reportsAPurlOfAnotherPackage() {
    assertThat(Ecosystems.purlProblem("pkg:pypi/request@2.0", "PyPI", "requests"))
        .contains(
            "purl pkg:pypi/request names a different package than PyPI package 'requests',"
                + " whose purl is pkg:pypi/requests");
    assertThat(
            Ecosystems.purlProblem(
                "pkg:maven/org.apache/commons-lang3", "Maven", "org.apache:commons-text"))
        .get()
        .asString()
        .contains("names a different package");
    assertThat(Ecosystems.purlProblem("pkg:npm/core", "npm", "@babel/core"))
        .get()
        .asString()
        .contains("names a different package");
    assertThat(Ecosystems.purlProblem("pkg:npm/Lodash", "npm", "lodash"))
        .get()
        .asString()
        .contains("names a different package");
  }
}
