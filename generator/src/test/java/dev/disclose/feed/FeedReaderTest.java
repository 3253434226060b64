package dev.disclose.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.ExternalTools;
import dev.disclose.testing.TestSites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The feeds as a feed reader reads them: Debian's python3-feedparser (the parser of many readers)
 * on a site with an amended advisory and a withdrawn one.
 */
class FeedReaderTest {
  static final String BASE = "https://example.org/security/";
  static final String AMENDED = "FIX-2025-0001";
  static final String WITHDRAWN = "FIX-2025-0002";
  static final String REASON = "Not a vulnerability: the proxy rejects such requests.";

  @TempDir Path temp;

  /** The Python that Debian's package installs feedparser for. */
  private static String python() {
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }

  private Path build() throws Exception {
    Path site = temp.resolve("site");
    TestSites.copyTree(FeedsTest.BASIC, site);
    Path advisory = site.resolve("advisories/2025/" + WITHDRAWN + ".md");
    Files.writeString(
        advisory,
        Files.readString(advisory)
            .replaceFirst(
                "\n---\n",
                "\nstatus: withdrawn\nwithdrawn:\n  date: 2025-11-01\n  reason: \""
                    + REASON
                    + "\"\n---\n"));
    CliRun run = CliRun.in(site, "build", "--now", FeedsTest.BEFORE_EMBARGO);
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    return site.resolve("_site");
  }

  /** What feedparser read of each file: read_feeds.py's report. */
  private static JsonNode read(Path out, String... files) throws Exception {
    List<String> command = new ArrayList<>(List.of(python(), "src/test/feedparser/read_feeds.py"));
    for (String f : files) command.add(out.resolve(f).toString());
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(json).isZero();
    return new ObjectMapper().readTree(json);
  }

  private static JsonNode entry(JsonNode feed, String id) {
    for (JsonNode e : feed.path("entries"))
      if (e.path("title").asText().startsWith(id + ": ")) return e;
    throw new AssertionError("no entry " + id + " in " + feed);
  }

  @Test
  void feedparserReadsEachEntrysTitleLinkPublishedAndUpdatedDatesAndTheSelfLink() throws Exception {
    ExternalTools.require(
        ExternalTools.works(python(), "-c", "import feedparser"),
        "feedparser is not installed (apt-get install python3-feedparser)");
    Path out = build();
    String proxy = "packages/npm/@example/proxy/";
    // A package's feed is Atom alone.
    JsonNode read = read(out, "atom.xml", "feed.xml", proxy + "atom.xml");
    for (String file : List.of("atom.xml", "feed.xml", proxy + "atom.xml")) {
      JsonNode feed = read.path(out.resolve(file).toString());
      boolean atom = file.endsWith("atom.xml");
      assertThat(feed.path("bozo").asBoolean()).as(file + ": " + feed).isFalse();
      assertThat(feed.path("version").asText()).isEqualTo(atom ? "atom10" : "rss20");
      assertThat(feed.path("links").findValuesAsText("rel")).contains("self");
      for (JsonNode link : feed.path("links")) {
        if (!link.path("rel").asText().equals("self")) continue;
        assertThat(link.path("href").asText()).isEqualTo(BASE + file);
        assertThat(link.path("type").asText())
            .isEqualTo(atom ? "application/atom+xml" : "application/rss+xml");
      }

      JsonNode withdrawn = entry(feed, WITHDRAWN);
      assertThat(withdrawn.path("title").asText())
          .isEqualTo(WITHDRAWN + ": Request smuggling in the proxy (withdrawn)");
      assertThat(withdrawn.path("link").asText()).isEqualTo(BASE + "advisories/" + WITHDRAWN + "/");
      assertThat(withdrawn.path("id").asText()).isEqualTo(BASE + "advisories/" + WITHDRAWN + "/");
      assertThat(withdrawn.path("published").asText()).isEqualTo("2025-05-06T00:00:00Z");
      // The withdrawal is its latest change.
      assertThat(withdrawn.path("updated").asText()).isEqualTo("2025-11-01T00:00:00Z");
      // The reason ends its own sentence: the summary adds no second full stop.
      assertThat(withdrawn.path("summary").asText())
          .startsWith("Withdrawn on 2025-11-01: " + REASON + " Severity: Medium")
          .doesNotContain("..");
      if (file.startsWith(proxy)) continue; // the amended advisory is not the proxy's

      JsonNode amended = entry(feed, AMENDED);
      assertThat(amended.path("title").asText())
          .isEqualTo(
              AMENDED
                  + ": Path traversal in the file server <script>alert(\"title\")</script> & more");
      assertThat(amended.path("link").asText()).isEqualTo(BASE + "advisories/" + AMENDED + "/");
      // Published once, amended later: a reader shows the amendment as the update.
      assertThat(amended.path("published").asText()).isEqualTo("2025-03-04T00:00:00Z");
      assertThat(amended.path("updated").asText()).isEqualTo("2025-03-10T00:00:00Z");
    }
  }

  @Test
  void theJsonFeedKeepsPublishedAndModifiedApart() throws Exception {
    // feedparser 6.0 reads no JSON Feed: its two dates are checked as the specification names them.
    Path out = build();
    JsonNode items = new ObjectMapper().readTree(out.resolve("feed.json").toFile()).path("items");
    JsonNode amended = null;
    JsonNode withdrawn = null;
    for (JsonNode item : items) {
      if (item.path("id").asText().endsWith("/" + AMENDED + "/")) amended = item;
      if (item.path("id").asText().endsWith("/" + WITHDRAWN + "/")) withdrawn = item;
    }
    assertThat(amended).isNotNull();
    assertThat(amended.path("date_published").asText()).isEqualTo("2025-03-04T00:00:00Z");
    assertThat(amended.path("date_modified").asText()).isEqualTo("2025-03-10T00:00:00Z");
    assertThat(withdrawn).isNotNull();
    assertThat(withdrawn.path("summary").asText())
        .startsWith("Withdrawn on 2025-11-01: " + REASON + " Severity")
        .doesNotContain("..");
    assertThat(withdrawn.path("_disclose").path("withdrawn").asText()).isEqualTo("2025-11-01");
  }

  @Test
  void theOpmlGroupsTheFeedsBySiteEcosystemAndPackage() throws Exception {
    Path out = build();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document opml = factory.newDocumentBuilder().parse(out.resolve("feeds.opml").toFile());
    XPath x = XPathFactory.newInstance().newXPath();
    NodeList top = (NodeList) x.evaluate("/opml/body/outline", opml, XPathConstants.NODESET);
    // The site's feed, then a folder per ecosystem.
    assertThat(top.getLength()).isEqualTo(1 + 3);
    Element site = (Element) top.item(0);
    assertThat(site.getAttribute("xmlUrl")).isEqualTo(BASE + "feed.xml");
    assertThat(site.getAttribute("type")).isEqualTo("rss");
    List<String> folders = new ArrayList<>();
    for (int i = 1; i < top.getLength(); i++) {
      Element eco = (Element) top.item(i);
      String name = eco.getAttribute("text");
      folders.add(name);
      // A folder: readers subscribe to outlines with an xmlUrl only.
      assertThat(eco.hasAttribute("xmlUrl")).as(name).isFalse();
      NodeList children = (NodeList) x.evaluate("outline", eco, XPathConstants.NODESET);
      assertThat(children.getLength()).as(name).isEqualTo(2);
      assertThat(((Element) children.item(0)).getAttribute("xmlUrl"))
          .isEqualTo(BASE + "ecosystems/" + name + "/feed.xml");
      Element packages = (Element) children.item(1);
      assertThat(packages.getAttribute("text")).isEqualTo(name + " packages");
      assertThat(packages.hasAttribute("xmlUrl")).isFalse();
      NodeList feeds = (NodeList) x.evaluate("outline/@xmlUrl", packages, XPathConstants.NODESET);
      assertThat(feeds.getLength()).as(name).isEqualTo(1);
      // A package's feed is Atom alone: the one format its folder holds.
      assertThat(feeds.item(0).getNodeValue())
          .startsWith(BASE + "packages/" + name + "/")
          .endsWith("/atom.xml");
    }
    assertThat(folders).containsExactly("Maven", "PyPI", "npm");
    // Every feed once: 1 site, 3 ecosystems, 3 packages.
    NodeList urls = (NodeList) x.evaluate("//outline/@xmlUrl", opml, XPathConstants.NODESET);
    List<String> all = new ArrayList<>();
    for (int i = 0; i < urls.getLength(); i++) all.add(urls.item(i).getNodeValue());
    assertThat(all).hasSize(7).doesNotHaveDuplicates();
  }
}
