package dev.disclose.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.plan.SiteTools;
import dev.disclose.testing.ExternalTools;
import dev.disclose.testing.TestSites;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code disclose serve} in a real browser (Debian's Chromium, driven by playwright-core from
 * {@code src/test/browser/serve.test.mjs}): an alias page runs the reload script under its CSP, and
 * a broken edit shows its errors over the open tab until the fix.
 */
class PreviewBrowserTest {
  @TempDir Path temp;

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void anAliasPageReloadsAndABrokenEditShowsItsErrorsInTheTab() throws Exception {
    Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    ExternalTools.require(
        Files.isExecutable(chromium), chromium + " is missing (apt-get install chromium)");
    ExternalTools.require(
        ExternalTools.works("node", "--version"),
        "node is not installed (apt-get install nodejs npm)");
    SiteTools.npmPackages();

    Path site = temp.resolve("site");
    TestSites.copyTree(Path.of("src/test/resources/sites/basic"), site);
    Path shots = Path.of("target/browser").toAbsolutePath();
    StringWriter log = new StringWriter();
    try (PreviewServer server = PreviewServerFilesTest.start(site, log)) {
      Process node =
          new ProcessBuilder(
                  List.of(
                      "node",
                      "serve.test.mjs",
                      server.url().toString(),
                      site.toAbsolutePath().toString(),
                      shots.toString()))
              .directory(Path.of("src/test/browser").toFile())
              .redirectErrorStream(true)
              .start();
      node.getOutputStream().close();
      String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(node.waitFor(3, TimeUnit.MINUTES)).as(output).isTrue();
      System.out.println(output);
      assertThat(node.exitValue()).as(output + "\nserver log:\n" + log).isZero();
      assertThat(output).contains("0 failed").doesNotContain("FAILED");
    }
    assertThat(shots.resolve("serve-build-errors.png")).isNotEmptyFile();
  }
}
