package dev.disclose.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.Golden;
import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site's feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1, site-wide, per ecosystem and per package.
 */
class FeedsTest {
  static final Path BASIC = Path.of("src/test/resources/sites/basic");
  static final Path GOLDEN = Path.of("src/test/resources/golden/feeds/basic");
  static final String BEFORE_EMBARGO = "2025-12-01T00:00:00Z";
  static final String XSS_TITLE =
      "FIX-2025-0001: Path traversal in the file server <script>alert(\"title\")</script> & more";
  static final Pattern RFC_822 =
      Pattern.compile(
          "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
  static final Pattern RFC_3339 =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");

  @TempDir Path temp;

  private Path build(Path fixture, String now, String extraConfig) throws IOException {
    Path site = temp.resolve("site-" + fixture.getFileName());
    TestSites.copyTree(fixture, site);
    if (!extraConfig.isEmpty()) {
      Files.writeString(
          site.resolve("site-config.yaml"),
          Files.readString(site.resolve("site-config.yaml")) + extraConfig);
    }
    CliRun run = CliRun.in(site, "build", "--now", now);
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    return site.resolve("_site");
  }

  @Test
  void feedsAndTheSubscribePageMatchTheirGoldenFiles() throws Exception {
    Path out = build(BASIC, BEFORE_EMBARGO, "");
    for (String file :
        List.of(
            "feed.xml",
            "atom.xml",
            "feed.json",
            "packages/npm/@example/proxy/atom.xml",
            "ecosystems/PyPI/feed.json",
            "feeds.opml",
            "feeds/index.html")) {
      Golden.assertMatches(
          GOLDEN.resolve(file.replace('/', '_')), Files.readString(out.resolve(file)));
    }
  }

  @Test
  void everyRssAndAtomFeedParsesWithRomeAndDatesFollowEachFormat() throws Exception {
    Path out = build(BASIC, BEFORE_EMBARGO, "");
    List<Path> feeds = files(out, "feed.xml", "atom.xml");
    // RSS and Atom for the site and 3 ecosystems; Atom alone for each of 3 packages.
    assertThat(feeds).hasSize(2 * (1 + 3) + 3);
    for (Path f : feeds) {
      SyndFeed feed = new SyndFeedInput().build(new XmlReader(f.toFile()));
      assertThat(feed.getEntries()).as(f.toString()).isNotEmpty();
      for (SyndEntry e : feed.getEntries()) {
        assertThat(e.getUri())
            .startsWith("https://example.org/security/advisories/")
            .isEqualTo(e.getLink());
        assertThat(e.getPublishedDate()).isNotNull();
      }
      String xml = Files.readString(f);
      if (f.getFileName().toString().equals("feed.xml")) {
        assertThat(Jsoup.parse(xml, "", Parser.xmlParser()).select("item > pubDate").eachText())
            .isNotEmpty()
            .allMatch(d -> RFC_822.matcher(d).matches());
      } else {
        Document atom = Jsoup.parse(xml, "", Parser.xmlParser());
        assertThat(atom.select("entry > updated, entry > published").eachText())
            .isNotEmpty()
            .allMatch(d -> RFC_3339.matcher(d).matches());
      }
    }
    SyndFeed site = new SyndFeedInput().build(new XmlReader(out.resolve("atom.xml").toFile()));
    SyndEntry first =
        site.getEntries().stream()
            .filter(e -> e.getTitle().startsWith("FIX-2025-0001"))
            .findFirst()
            .orElseThrow();
    // Amendments show: Atom carries the modification date apart from publication.
    assertThat(first.getUpdatedDate()).isAfter(first.getPublishedDate());
  }

  @Test
  void everyJsonFeedHasTheRequiredFieldsOfJsonFeed11() throws Exception {
    Path out = build(BASIC, BEFORE_EMBARGO, "");
    List<Path> feeds = files(out, "feed.json");
    assertThat(feeds).hasSize(1 + 3); // the site and 3 ecosystems: a package's feed is Atom alone
    for (Path f : feeds) {
      // Checked against the specification's wording, not against our own writer's types.
      JsonNode feed = new ObjectMapper().readTree(f.toFile());
      assertThat(feed.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
      assertThat(feed.path("title").isTextual()).isTrue();
      assertThat(feed.path("feed_url").asText())
          .startsWith("https://example.org/security/")
          .endsWith("feed.json");
      assertThat(feed.path("items").isArray()).isTrue();
      for (JsonNode item : feed.path("items")) {
        assertThat(item.path("id").isTextual()).isTrue();
        assertThat(item.has("content_html") || item.has("content_text")).isTrue();
        assertThat(item.path("date_published").asText()).matches(RFC_3339);
        assertThat(item.path("date_modified").asText()).matches(RFC_3339);
        assertThat(item.path("_disclose").path("osv_url").asText())
            .startsWith("https://example.org/security/osv/");
      }
    }
  }

  @Test
  void aTitleHoldingScriptAndAmpersandReadsAsTextInEveryFormat() throws Exception {
    Path out = build(BASIC, BEFORE_EMBARGO, "");
    for (String file : List.of("feed.xml", "atom.xml")) {
      SyndFeed feed = new SyndFeedInput().build(new XmlReader(out.resolve(file).toFile()));
      assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).contains(XSS_TITLE);
      String content =
          feed.getEntries().stream()
              .filter(e -> e.getTitle().equals(XSS_TITLE))
              .findFirst()
              .orElseThrow()
              .getContents()
              .get(0)
              .getValue();
      // The content is HTML a reader renders: sanitized, so no script, handler or javascript: link
      // survives.
      Document html = Jsoup.parseBodyFragment(content);
      assertThat(html.select("script, [onerror], a[href^=javascript]")).isEmpty();
    }
    JsonNode json = new ObjectMapper().readTree(out.resolve("feed.json").toFile());
    JsonNode item = json.path("items").get(1);
    assertThat(item.path("title").asText()).isEqualTo(XSS_TITLE);
    assertThat(
            Jsoup.parseBodyFragment(item.path("content_html").asText()).select("script, [onerror]"))
        .isEmpty();
    // In RSS the title is XML text: escaped once, so readers that show it as text show it right.
    assertThat(Files.readString(out.resolve("feed.xml")))
        .contains(
            "<title>FIX-2025-0001: Path traversal in the file server &lt;script&gt;alert(\"title\")&lt;/script&gt; &amp; more</title>");
  }

  @Test
  void aWithdrawalReasonHoldingMarkupReadsAsTextInTheRssDescription() throws Exception {
    String payload = "<img src=x onerror=alert(1)>";
    Path site = temp.resolve("site-withdrawn");
    TestSites.copyTree(BASIC, site);
    Path advisory = site.resolve("advisories/2025/FIX-2025-0002.md");
    Files.writeString(
        advisory,
        Files.readString(advisory)
            .replaceFirst(
                "\n---\n",
                "\nstatus: withdrawn\nwithdrawn:\n  date: 2025-11-01\n  reason: \""
                    + payload
                    + "\"\n---\n"));
    CliRun run = CliRun.in(site, "build", "--now", BEFORE_EMBARGO);
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    org.w3c.dom.Document rss =
        javax.xml.parsers.DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(site.resolve("_site/feed.xml").toFile());
    String description =
        javax.xml.xpath.XPathFactory.newInstance()
            .newXPath()
            .evaluate("/rss/channel/item[starts-with(title, 'FIX-2025-0002')]/description", rss);
    // Readers render it as HTML: it makes no element, and shows the reason as written.
    Document html = Jsoup.parseBodyFragment(description);
    assertThat(html.select("img")).isEmpty();
    assertThat(html.body().text()).contains(payload);
  }

  @Test
  void embargoedAndDraftAdvisoriesAreInNoFeed() throws Exception {
    Path out = build(BASIC, BEFORE_EMBARGO, "");
    for (Path f : files(out, "feed.xml", "atom.xml", "feed.json", "feeds.opml")) {
      assertThat(Files.readString(f))
          .as(f.toString())
          .doesNotContain(
              "EMBARGO-CANARY",
              "DRAFT-CANARY",
              "FIX-2025-0003",
              "FIX-2025-0004",
              "embargo-canary-package",
              "draft-canary-package");
    }
  }

  @Test
  void aWithdrawnAdvisoryStaysInTheFeedsMarkedWithdrawn() throws Exception {
    Path out = build(Path.of("src/test/resources/sites/exports"), "2026-01-01T00:00:00Z", "");
    SyndFeed feed = new SyndFeedInput().build(new XmlReader(out.resolve("atom.xml").toFile()));
    SyndEntry withdrawn =
        feed.getEntries().stream()
            .filter(e -> e.getTitle().startsWith("EXP-2025-0003"))
            .findFirst()
            .orElseThrow();
    assertThat(withdrawn.getTitle()).endsWith("(withdrawn)");
    assertThat(withdrawn.getCategories()).extracting(c -> c.getName()).contains("Withdrawn");
    assertThat(withdrawn.getContents().get(0).getValue()).contains("Withdrawn on 2025-06-12");
    JsonNode json = new ObjectMapper().readTree(out.resolve("feed.json").toFile());
    assertThat(json.findValues("_disclose").stream().map(x -> x.path("withdrawn").asText()))
        .contains("2025-06-12");
  }

  @Test
  void siteWideAndEcosystemFeedsHoldTheNewestNPackageFeedsHoldAll() throws Exception {
    Path demo = temp.resolve("demo");
    for (String part : List.of("advisories", "docs"))
      TestSites.copyTree(Path.of("..").resolve(part), demo.resolve(part));
    Files.copy(Path.of("../site-config.yaml"), demo.resolve("site-config.yaml"));
    Path out = build(demo, "2026-11-23T00:00:00Z", "feed_items: 2\n");
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(out.resolve("feed.json").toFile()).path("items")).hasSize(2);
    assertThat(json.readTree(out.resolve("ecosystems/PyPI/feed.json").toFile()).path("items"))
        .hasSize(2);
    assertThat(
            Jsoup.parse(
                    Files.readString(out.resolve("packages/PyPI/corvid-serve/atom.xml")),
                    "",
                    Parser.xmlParser())
                .select("feed > entry"))
        .hasSize(6);
    // Newest first.
    assertThat(
            json.readTree(out.resolve("feed.json").toFile())
                .path("items")
                .get(0)
                .path("_disclose")
                .path("id")
                .asText())
        .isEqualTo("DEMO-2026-0003");
  }

  @Test
  void everyPageLinksTheSiteFeedsAndPackagePagesTheirOwn() throws Exception {
    Path out = build(BASIC, BEFORE_EMBARGO, "");
    for (Path page : files(out, "index.html")) {
      Document doc = Jsoup.parse(Files.readString(page));
      if (!doc.select("meta[http-equiv=refresh]").isEmpty())
        continue; // an alias's redirect, not a page to read
      assertThat(doc.select("link[rel=alternate]").eachAttr("type"))
          .as(page.toString())
          .contains("application/rss+xml", "application/atom+xml", "application/feed+json");
    }
    Document pkg =
        Jsoup.parse(Files.readString(out.resolve("packages/npm/@example/proxy/index.html")));
    assertThat(pkg.select("link[rel=alternate]").eachAttr("href"))
        .containsExactly(
            "../../../../feed.xml",
            "../../../../atom.xml",
            "../../../../feed.json",
            "../../../../packages/npm/@example/proxy/atom.xml");
    assertThat(pkg.select("p.subscribe a").eachAttr("href"))
        .containsExactly("../../../../packages/npm/@example/proxy/atom.xml");
    Document subscribe = Jsoup.parse(Files.readString(out.resolve("feeds/index.html")));
    assertThat(subscribe.select("table.feeds tbody tr")).hasSize(7);
    // Every link of the Subscribe page and the OPML is to a feed that is there.
    for (String href :
        subscribe.select("table.feeds a[href$=.xml], table.feeds a[href$=.json]").eachAttr("href"))
      assertThat(out.resolve("feeds").resolve(href).normalize()).as(href).exists();
    for (String url :
        Jsoup.parse(Files.readString(out.resolve("feeds.opml")), "", Parser.xmlParser())
            .select("outline[xmlUrl]")
            .eachAttr("xmlUrl"))
      assertThat(out.resolve(url.replace("https://example.org/security/", ""))).as(url).exists();
  }

  static List<Path> files(Path root, String... names) throws IOException {
    List<String> wanted = List.of(names);
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> wanted.contains(p.getFileName().toString())).sorted().toList();
    }
  }
}
