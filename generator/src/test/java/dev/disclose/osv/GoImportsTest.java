package dev.disclose.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryParser;
import dev.disclose.testing.TestSites;
import dev.disclose.urls.SiteUrls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Go functions as the Go vulnerability database lists them: each symbol under the import path of
 * its package, which is what govulncheck matches against the packages a program imports.
 */
class GoImportsTest {
  static final String MODULE = "github.com/x/y";
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aSymbolIsExportedUnderItsPackagesImportPathNotTheModule() {
    assertThat(GoImports.split(MODULE, "github.com/x/y/internal/proxy.Server.handlePrefill"))
        .isEqualTo(new GoImports.Symbol("github.com/x/y/internal/proxy", "Server.handlePrefill"));
    // The path inside the module, and the module's root package, written either way.
    assertThat(GoImports.split(MODULE, "internal/proxy.Server.handlePrefill"))
        .isEqualTo(new GoImports.Symbol("github.com/x/y/internal/proxy", "Server.handlePrefill"));
    assertThat(GoImports.split(MODULE, "Server.Serve"))
        .isEqualTo(new GoImports.Symbol(MODULE, "Server.Serve"));
    assertThat(GoImports.split(MODULE, "github.com/x/y.Parse"))
        .isEqualTo(new GoImports.Symbol(MODULE, "Parse"));
  }

  @Test
  void aModulePathWithDotsAndTheStandardLibrarySplitWhereTheirPackagesEnd() {
    assertThat(GoImports.split("gopkg.in/yaml.v3", "gopkg.in/yaml.v3.Unmarshal"))
        .isEqualTo(new GoImports.Symbol("gopkg.in/yaml.v3", "Unmarshal"));
    assertThat(GoImports.split("stdlib", "net/http.Server.Serve"))
        .isEqualTo(new GoImports.Symbol("net/http", "Server.Serve"));
    assertThat(GoImports.split("stdlib", "fmt.Println"))
        .isEqualTo(new GoImports.Symbol("fmt", "Println"));
    assertThat(GoImports.split(MODULE, "github.com/other/z/codec.Decode"))
        .isEqualTo(new GoImports.Symbol("github.com/other/z/codec", "Decode"));
  }

  @Test
  void functionsGroupByPackageInTheOrderTheyAreNamed() throws Exception {
    String advisory =
        TestSites.validAdvisory("DEMO-2025-0001")
            .replace(
                "  - ecosystem: PyPI\n    package: corvid-serve\n",
                "  - ecosystem: Go\n    package: github.com/x/y\n")
            .replace(
                "        fixed: 0.7.2\n",
                "        fixed: 0.7.2\n    os: [linux]\n    functions:\n"
                    + "      - github.com/x/y/internal/proxy.Server.handlePrefill\n"
                    + "      - Parse\n"
                    + "      - internal/proxy.Dial\n");
    Advisory a =
        AdvisoryParser.parse(advisory, Path.of("DEMO-2025-0001.md"), "DEMO-2025-0001.md")
            .advisory()
            .orElseThrow();
    OsvExporter.Settings settings =
        new OsvExporter.Settings(new SiteUrls("https://example.org/"), "DEMO", false);
    String json = OsvExporter.json(OsvExporter.toOsv(a, settings, Optional.empty()));
    assertThat(JSON.readTree(json).at("/affected/0/ecosystem_specific/imports").toString())
        .isEqualTo(
            "[{\"path\":\"github.com/x/y/internal/proxy\",\"goos\":[\"linux\"],"
                + "\"symbols\":[\"Server.handlePrefill\",\"Dial\"]},"
                + "{\"path\":\"github.com/x/y\",\"goos\":[\"linux\"],\"symbols\":[\"Parse\"]}]");
    // Imported back, the functions carry their packages' paths and export the same record.
    OsvRecord read = OsvImporter.read(json.getBytes(StandardCharsets.UTF_8));
    Advisory back = OsvImporter.toAdvisory(read, settings, Path.of("back.md"), "back.md");
    assertThat(back.affected().get(0).functions().keySet())
        .containsExactly(
            "github.com/x/y/internal/proxy.Server.handlePrefill",
            "github.com/x/y/internal/proxy.Dial",
            "Parse");
    assertThat(back.affected().get(0).ecosystemSpecific()).isEmpty();
    assertThat(OsvExporter.json(OsvExporter.toOsv(back, settings, Optional.empty())))
        .isEqualTo(json);
  }

  @Test
  void importsTheExporterCannotWriteBackStayAsTheyAre() {
    // A package without symbols beside one with them, differing platforms, a symbol listed twice.
    for (List<Map<String, Object>> imports :
        List.of(
            List.<Map<String, Object>>of(
                Map.of("path", "github.com/x/y/a"),
                Map.of("path", "github.com/x/y/b", "symbols", List.of("F"))),
            List.<Map<String, Object>>of(
                Map.of(
                    "path", "github.com/x/y/a", "goos", List.of("linux"), "symbols", List.of("F")),
                Map.of("path", "github.com/x/y/b", "symbols", List.of("G"))),
            List.<Map<String, Object>>of(Map.of("path", MODULE, "symbols", List.of("F", "F"))),
            List.<Map<String, Object>>of(Map.of("path", MODULE)))) {
      assertThat(GoImports.read(MODULE, imports)).as(imports.toString()).isEmpty();
    }
  }

  /**
   * The Go vulnerability database's own records: most of those naming symbols come into the model's
   * functions (the round-trip tests hold the export to giving each back byte for byte).
   */
  @Test
  void mostOfTheGoDatabasesImportsBecomeFunctions() throws Exception {
    Path corpus = Path.of("../../shared/corpora/go-vulndb-osv");
    assumeTrue(Files.isDirectory(corpus), "../shared/corpora is not present");
    int withImports = 0;
    int read = 0;
    try (Stream<Path> files = Files.list(corpus)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        OsvRecord r = OsvImporter.read(Files.readAllBytes(f));
        for (OsvRecord.Affected a : r.affected()) {
          Object imports =
              a.ecosystemSpecific() == null ? null : a.ecosystemSpecific().get("imports");
          if (imports == null) continue;
          withImports++;
          if (GoImports.read(a.pkg().name(), imports).isPresent()) read++;
        }
      }
    }
    System.out.printf("Go database imports read as functions: %d of %d%n", read, withImports);
    assertThat(withImports).isGreaterThan(200);
    assertThat(read).isGreaterThan(withImports * 3 / 4);
  }
}
