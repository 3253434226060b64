package dev.disclose.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every HTML page of the demo site, and the golden pages of a paged list, pass the Nu HTML Checker
 * (vnu, the W3C's validator) without errors.
 */
class HtmlConformanceTest {
  @TempDir Path temp;

  @Test
  void everyDemoPagePassesTheNuHtmlChecker() throws Exception {
    SiteTools.npmPackages();
    Path vnu = SiteTools.BROWSER.resolve("node_modules/vnu-jar/build/dist/vnu.jar");
    Path site = SiteTools.buildDemo(temp.resolve("site"));
    long pages;
    try (Stream<Path> files = Files.walk(site)) {
      pages = files.filter(p -> p.toString().endsWith(".html")).count();
    }
    assertThat(pages).as("HTML pages of the demo site").isGreaterThan(50);

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    SiteTools.Result r =
        SiteTools.run(
            List.of(
                java,
                "-jar",
                vnu.toString(),
                "--errors-only",
                "--skip-non-html",
                "--format",
                "json",
                site.toString(),
                // The demo's lists fit on one page; these goldens are pages of a paged list.
                Path.of("src/test/resources/golden/site/paged").toAbsolutePath().toString()),
            site,
            Duration.ofMinutes(3));
    int json = r.output().indexOf('{');
    assertThat(json)
        .as("vnu printed no JSON report (exit %d):%n%s", r.exitCode(), r.output())
        .isNotNegative();
    JsonNode report = new ObjectMapper().readTree(r.output().substring(json));
    List<String> errors = new ArrayList<>();
    for (JsonNode m : report.path("messages")) {
      errors.add(
          m.path("url").asText().replace("file:" + site, "")
              + ":"
              + m.path("lastLine").asText()
              + ": "
              + m.path("type").asText()
              + ": "
              + m.path("message").asText()
              + "  ["
              + m.path("extract").asText()
              + "]");
    }
    assertThat(errors).as("vnu on %d pages", pages).isEmpty();
    assertThat(r.exitCode()).as(r.output()).isZero();
  }
}
