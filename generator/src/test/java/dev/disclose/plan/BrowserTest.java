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
 * The demo site in a real browser (Debian's Chromium, headless, driven by playwright-core from
 * {@code src/test/browser/site.test.mjs}): the home page, a click through to an advisory, what a
 * reader sees there, axe-core accessibility checks in light and dark mode, keyboard access, and
 * every kind of page at a phone's and a desktop's width, light and dark: none scrolls sideways, and
 * an advisory's fix is in the first screen. Screenshots go to {@code target/browser/}.
 */
class BrowserTest {
  static final String PREFIX = "/security/";

  @TempDir Path temp;

  @Test
  void aReaderOpensTheHomePageAndFollowsALinkToAnAdvisory() throws Exception {
    Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    ExternalTools.require(
        Files.isExecutable(chromium), chromium + " is missing (apt-get install chromium)");
    ExternalTools.require(
        ExternalTools.works("node", "--version"),
        "node is not installed (apt-get install nodejs npm)");
    SiteTools.npmPackages();

    Path site = SiteTools.buildDemo(temp.resolve("site"));
    List<String> hidden = SiteTools.unpublishedDemoIds();
    assertThat(hidden)
        .as("the demo has an embargoed and a draft advisory to check")
        .hasSizeGreaterThanOrEqualTo(2);
    Path shots = Path.of("target/browser").toAbsolutePath();
    HttpServer server = SiteTools.serve(site, PREFIX);
    try {
      List<String> command =
          new ArrayList<>(
              List.of(
                  "node",
                  "site.test.mjs",
                  SiteTools.base(server, PREFIX).toString(),
                  shots.toString()));
      command.addAll(hidden);
      SiteTools.Result r = SiteTools.run(command, SiteTools.BROWSER, Duration.ofMinutes(10));
      System.out.println(r.output());
      assertThat(r.exitCode()).as(r.output()).isZero();
      assertThat(r.output()).contains("0 failed");
    } finally {
      server.stop(0);
    }
    for (String shot :
        List.of(
            "home.png",
            "advisory.png",
            "advisory-dark.png",
            "response.png",
            "advisory-390-light.png",
            "advisory-390-dark.png",
            "advisory-1280-light.png",
            "advisory-1280-dark.png",
            "policy-390-light.png",
            "404-390-dark.png")) {
      assertThat(shots.resolve(shot)).as(shot).isNotEmptyFile();
    }
  }
}
