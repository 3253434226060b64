package dev.disclose.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every record of ../shared/corpora (the Go vulnerability database, PyPA's, RustSec's OSV and its
 * advisory-db files) imported into one site: nothing refused, the site validates with warnings only
 * and builds, and every OSV record it exports is valid under the official schema 1.7.5.
 */
class WholeCorpusSiteTest {
  static final Path CORPORA = Path.of("../../shared/corpora");
  static final Path SCHEMA = Path.of("../../shared/schemas/osv-schema-1.7.5.json");
  static final Pattern FINDING = Pattern.compile(": (error|warning)\\[([A-Z]\\d{3})\\]");

  @TempDir Path site;

  @Test
  void theWholeCorpusImportsValidatesBuildsAndExportsValidOsv() throws Exception {
    assumeTrue(Files.isDirectory(CORPORA), "../shared/corpora is not present");
    assumeTrue(Files.exists(SCHEMA), "../shared/schemas is not present");
    TestSites.withConfig(site);
    String corpora = CORPORA.toAbsolutePath().normalize() + "/";
    CliRun osv =
        CliRun.in(
            site,
            "import",
            "osv",
            corpora + "go-vulndb-osv",
            corpora + "pypa-osv",
            corpora + "rustsec/osv");
    assertThat(osv.exitCode()).as(tail(osv.out())).isZero();
    assertThat(tail(osv.out())).contains(" 0 not imported");
    // RustSec's own files of the same advisories merge into those imported from its OSV.
    CliRun rustsec = CliRun.in(site, "import", "rustsec", corpora + "rustsec/crates");
    assertThat(rustsec.exitCode()).as(tail(rustsec.out())).isZero();
    assertThat(tail(rustsec.out())).contains(" 0 not imported");

    CliRun validate = CliRun.in(site, "validate", "--now", CliRun.NOW.toString());
    Map<String, Integer> byRule = new TreeMap<>();
    Matcher m = FINDING.matcher(validate.out());
    while (m.find()) byRule.merge(m.group(1) + " " + m.group(2), 1, Integer::sum);
    String summary =
        validate.out().lines().filter(l -> l.startsWith("checked ")).findFirst().orElse("");
    System.out.println("whole corpus: " + summary + "; by rule " + byRule);
    assertThat(validate.out()).doesNotContain(": error[");
    assertThat(validate.exitCode()).isZero();

    CliRun build = CliRun.in(site, "build", "--now", CliRun.NOW.toString());
    assertThat(build.exitCode()).as(build.out() + build.err()).isZero();
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(Files.readString(SCHEMA), InputFormat.JSON);
    ObjectMapper json = new ObjectMapper();
    List<String> invalid = new ArrayList<>();
    int records = 0;
    try (Stream<Path> files = Files.list(site.resolve("_site/osv"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        if (f.getFileName().toString().equals("all.json")) continue;
        records++;
        List<Error> errors = schema.validate(json.readTree(f.toFile()));
        if (!errors.isEmpty()) invalid.add(f.getFileName() + ": " + errors);
      }
    }
    System.out.println("whole corpus: " + records + " OSV records exported");
    assertThat(invalid).isEmpty();
    assertThat(records).isGreaterThan(3700);
  }

  private static String tail(String out) {
    List<String> lines = out.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
  }
}
