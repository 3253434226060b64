package dev.disclose.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lighthouse ({@code src/test/browser/lighthouse.test.mjs}, Debian's Chromium) on the demo site's
 * home page, an advisory and a search, and on the list pages of a site of 10,000 advisories made by
 * {@code bench/generate.py}: accessibility 100 and performance at least 90 on a simulated mid-range
 * phone (and the largest list on a desktop too), with bounds on each page's DOM and bytes. Reports
 * go to {@code target/lighthouse/}.
 */
class LighthouseTest {
  static final String PREFIX = "/security/";
  static final int LARGE = 10_000;

  @TempDir Path temp;

  @Test
  void theDemoAndTheListsOfTenThousandAdvisoriesScoreWell() throws Exception {
    Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    ExternalTools.require(
        Files.isExecutable(chromium), chromium + " is missing (apt-get install chromium)");
    ExternalTools.requireNode();
    ExternalTools.require(
        ExternalTools.works("python3", "--version"),
        "python3 is not installed (apt-get install python3): bench/generate.py makes the large site");
    SiteTools.npmPackages();

    Path demo = SiteTools.buildDemo(temp.resolve("demo"));
    Path large = buildLarge();
    Path reports = Path.of("target/lighthouse").toAbsolutePath();
    HttpServer demoServer = SiteTools.serve(demo, PREFIX);
    HttpServer largeServer = SiteTools.serve(large, PREFIX);
    try {
      String d = SiteTools.base(demoServer, PREFIX).toString();
      String l = SiteTools.base(largeServer, PREFIX).toString();
      List<String> command =
          new ArrayList<>(List.of("node", "lighthouse.test.mjs", reports.toString()));
      command.addAll(
          List.of(
              "home=mobile=" + d,
              "advisory=mobile=" + d + firstAdvisory(demo),
              "search=mobile=" + d + "search/?q=corvid",
              "advisories-10000=mobile=" + l + "advisories/",
              "advisories-10000=desktop=" + l + "advisories/",
              "packages-10000=mobile=" + l + "packages/",
              "ecosystem-10000=mobile=" + l + "ecosystems/PyPI/"));
      SiteTools.Result r = SiteTools.run(command, SiteTools.BROWSER, Duration.ofMinutes(8));
      System.out.println(r.output());
      assertThat(r.exitCode()).as(r.output()).isZero();
      assertThat(r.output()).contains("7 pages passed, 0 failed");
    } finally {
      demoServer.stop(0);
      largeServer.stop(0);
    }
    assertThat(reports.resolve("advisories-10000-mobile.html")).isNotEmptyFile();
    assertThat(reports.resolve("home-mobile.json")).isNotEmptyFile();
  }

  /** The site of {@link #LARGE} advisories, generated and built: its lists span many pages. */
  private Path buildLarge() throws IOException, InterruptedException {
    Path source = temp.resolve("large-source");
    SiteTools.Result generated =
        SiteTools.run(
            List.of(
                "python3",
                SiteTools.REPO.resolve("bench/generate.py").toString(),
                String.valueOf(LARGE),
                source.toString()),
            SiteTools.REPO,
            Duration.ofMinutes(3));
    assertThat(generated.exitCode()).as(generated.output()).isZero();
    Path out = temp.resolve("large");
    CliRun run =
        CliRun.in(source, "build", "--out", out.toString(), "--now", "2026-11-23T00:00:00Z");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(
            out.resolve(
                "advisories/page/"
                    + LARGE / dev.disclose.config.SiteConfig.DEFAULT_LIST_PAGE_SIZE
                    + "/index.html"))
        .exists();
    return out;
  }

  /** The path of the demo's first advisory page (not an alias's redirect). */
  private static String firstAdvisory(Path site) throws IOException {
    try (Stream<Path> pages = Files.list(site.resolve("advisories"))) {
      for (Path dir : pages.sorted().toList()) {
        Path page = dir.resolve("index.html");
        if (Files.isRegularFile(page) && !Files.readString(page).contains("http-equiv=\"refresh\""))
          return "advisories/" + dir.getFileName() + "/";
      }
    }
    throw new IllegalStateException("the demo has no advisory page");
  }
}
