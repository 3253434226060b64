package dev.disclose.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.plan.Feed;
import dev.disclose.plan.SearchDoc;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code formats:} in site-config.yaml: the site publishes the formats it names, and links no
 * other.
 */
class SiteFormatsTest {
  @TempDir Path temp;

  private Path build(String formats) throws IOException {
    Path site = temp.resolve("site");
    TestSites.copyTree(SiteBuildTest.FIXTURE, site);
    Path config = site.resolve("site-config.yaml");
    Files.writeString(config, Files.readString(config) + formats);
    CliRun run = CliRun.in(site, "build", "--now", SiteBuildTest.BEFORE_EMBARGO);
    assertThat(run.err().replace(SiteBuildTest.SECURITY_TXT_NOTE, "")).isEmpty();
    assertThat(run.exitCode()).isZero();
    return site.resolve("_site");
  }

  @Test
  void aSiteOfChosenFormatsPublishesThoseAndLinksNoOther() throws IOException {
    Path out = build("formats: [atom, osv]\n");
    assertThat(out.resolve("atom.xml")).exists();
    assertThat(out.resolve("osv/all.json")).exists();
    for (String absent :
        List.of(
            "feed.xml",
            "feed.json",
            "feeds.opml",
            "search/index.html",
            "search-index",
            "sitemap.xml",
            "robots.txt",
            ".well-known/security.txt",
            "cyclonedx",
            "rustsec")) {
      assertThat(out.resolve(absent)).as(absent).doesNotExist();
    }
    for (Path page : pages(out)) {
      String html = Files.readString(page, StandardCharsets.UTF_8);
      assertThat(html)
          .as(page.toString())
          .doesNotContain("feed.xml")
          .doesNotContain("feed.json")
          .doesNotContain("feeds.opml")
          .doesNotContain("search/\"")
          .doesNotContain("sitemap.xml")
          .doesNotContain("vex.json")
          .doesNotContain("security.txt");
    }
    String home = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
    assertThat(home).contains("href=\"./atom.xml\"").contains("href=\"./osv/all.json\"");
  }

  @Test
  void everyFormatIsPublishedUnlessTheConfigurationChooses() throws IOException {
    Path out = build("");
    for (String present :
        List.of(
            "feed.xml",
            "atom.xml",
            "feed.json",
            "feeds.opml",
            "feeds/index.html",
            "search/index.html",
            "sitemap.xml",
            "robots.txt",
            ".well-known/security.txt",
            "osv/all.json",
            "cyclonedx/vex.json")) {
      assertThat(out.resolve(present)).as(present).exists();
    }
  }

  @Test
  void aSiteOfNoFeedFormatHasNoSubscribePageAndRobotsTxtNamesNoSitemap() throws IOException {
    Path out = build("formats: [robots]\n");
    assertThat(Files.readString(out.resolve("robots.txt"))).doesNotContain("Sitemap");
    assertThat(out.resolve("feeds")).doesNotExist();
    for (Path page : pages(out)) {
      assertThat(Files.readString(page, StandardCharsets.UTF_8))
          .as(page.toString())
          .doesNotContain("feeds/\"");
    }
  }

  @Test
  void aPreviewTellsSearchEnginesToKeepOutWhateverTheFormats() throws IOException {
    Path site = temp.resolve("site");
    TestSites.copyTree(SiteBuildTest.FIXTURE, site);
    Path config = site.resolve("site-config.yaml");
    Files.writeString(config, Files.readString(config) + "formats: [osv]\n");
    CliRun run = CliRun.in(site, "build", "--preview", "--now", SiteBuildTest.BEFORE_EMBARGO);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(site.resolve("_preview/robots.txt"))).contains("Disallow: /");
  }

  @Test
  void feedsOpmlListsNoFeedTheSiteDoesNotPublish() throws IOException {
    Path out = build("formats: [opml, osv]\n");
    assertThat(Files.readString(out.resolve("feeds.opml")))
        .doesNotContain("feed.xml")
        .doesNotContain("<outline");
  }

  @Test
  void theNamesThePlannerAndTheDefaultThemeUseAreFormats() throws IOException {
    TreeSet<String> used = new TreeSet<>();
    Feed.KINDS.forEach(kind -> used.add(kind.format()));
    used.add(SearchDoc.FORMAT);
    Matcher m = Pattern.compile("site\\.formats contains \"([^\"]+)\"").matcher(templates());
    while (m.find()) used.add(m.group(1));
    assertThat(used).hasSizeGreaterThan(6);
    assertThat(OutputFormats.names()).containsAll(used);
  }

  private static String templates() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(Path.of("../themes/default/templates"))) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList())
        all.append(Files.readString(f));
    }
    return all.toString();
  }

  private static List<Path> pages(Path out) throws IOException {
    try (Stream<Path> files = Files.walk(out)) {
      return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
    }
  }
}
