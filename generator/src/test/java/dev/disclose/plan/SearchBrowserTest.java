package dev.disclose.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.disclose.testing.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo site's search page in a real browser (Debian's Chromium, headless, driven by
 * playwright-core from {@code src/test/browser/search.test.mjs}): queries typed and their first
 * result, facet counts following a chosen facet, the first result in a phone's first viewport with
 * the facets after it, no layout shift, named search landmarks, axe-core with no violation, and the
 * page without JavaScript. Screenshots go to {@code target/browser/}.
 */
class SearchBrowserTest {
  @TempDir Path temp;

  @Test
  void aReaderSearchesTheDemoSite() throws Exception {
    Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    ExternalTools.require(
        Files.isExecutable(chromium), chromium + " is missing (apt-get install chromium)");
    ExternalTools.require(
        ExternalTools.works("node", "--version"),
        "node is not installed (apt-get install nodejs npm)");
    SiteTools.npmPackages();

    Path site = SiteTools.buildDemo(temp.resolve("site"));
    List<String> hidden = SiteTools.unpublishedDemoIds();
    Path shots = Path.of("target/browser").toAbsolutePath();
    HttpServer server = SiteTools.serve(site, BrowserTest.PREFIX);
    try {
      List<String> command =
          new ArrayList<>(
              List.of(
                  "node",
                  "search.test.mjs",
                  SiteTools.base(server, BrowserTest.PREFIX).toString(),
                  shots.toString()));
      command.addAll(hidden);
      SiteTools.Result r = SiteTools.run(command, SiteTools.BROWSER, Duration.ofMinutes(3));
      System.out.println(r.output());
      assertThat(r.exitCode()).as(r.output()).isZero();
      assertThat(r.output()).contains(" 0 failed");
    } finally {
      server.stop(0);
    }
    for (String shot : List.of("search-desktop.png", "search-mobile.png"))
      assertThat(shots.resolve(shot)).as(shot).isNotEmptyFile();
  }
}
