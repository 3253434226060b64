package dev.disclose.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.load.PathDisplay;
import dev.disclose.load.SiteRoot;
import dev.disclose.testing.TestSites;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the preview server sends for each kind of file, for a missing page and for alias pages. */
class PreviewServerFilesTest {
  @TempDir Path temp;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static final Clock DECEMBER = Clock.fixed(Instant.parse("2025-12-01T00:00:00Z"), ZoneOffset.UTC);

  /** The basic fixture site, its base URL replaced by {@code baseUrl}. */
  private Path site(String baseUrl) throws Exception {
    Path site = temp.resolve("site");
    TestSites.copyTree(Path.of("src/test/resources/sites/basic"), site);
    Path config = site.resolve("site-config.yaml");
    Files.writeString(
        config,
        Files.readString(config)
            .replace("base_url: https://example.org/security/", "base_url: " + baseUrl));
    return site;
  }

  static PreviewServer start(Path site, StringWriter log) throws Exception {
    return PreviewServer.start(
        SiteRoot.open(site, new PathDisplay(site)), 0, DECEMBER, new PrintWriter(log, true));
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void servesEveryKindOfFileWithItsMediaType() throws Exception {
    StringWriter log = new StringWriter();
    try (PreviewServer server = start(site("https://example.org/security/"), log)) {
      // The theme's icon and manifest as a site's assets would have them.
      Path assets = server.folder().resolve("assets");
      Files.writeString(
          assets.resolve("favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
      Files.write(assets.resolve("favicon.ico"), new byte[] {0, 0, 1, 0});
      Files.writeString(assets.resolve("site.webmanifest"), "{}");
      Map<String, String> expected = new LinkedHashMap<>();
      expected.put("", "text/html; charset=utf-8");
      expected.put("feed.xml", "application/rss+xml; charset=utf-8");
      expected.put("atom.xml", "application/atom+xml; charset=utf-8");
      expected.put("feed.json", "application/feed+json");
      expected.put("packages/npm/@example/proxy/atom.xml", "application/atom+xml; charset=utf-8");
      expected.put("feeds.opml", "text/x-opml; charset=utf-8");
      expected.put("sitemap.xml", "application/xml; charset=utf-8");
      expected.put("osv/all.json", "application/json");
      expected.put("osv/all.zip", "application/zip");
      expected.put("robots.txt", "text/plain; charset=utf-8");
      expected.put(".well-known/security.txt", "text/plain; charset=utf-8");
      expected.put("assets/style.css", "text/css; charset=utf-8");
      expected.put("assets/favicon.svg", "image/svg+xml");
      expected.put("assets/favicon.ico", "image/vnd.microsoft.icon");
      expected.put("assets/site.webmanifest", "application/manifest+json");
      expected.put("__disclose/reload.js", "text/javascript; charset=utf-8");
      for (Map.Entry<String, String> e : expected.entrySet()) {
        HttpResponse<String> r = get(server.url().resolve(e.getKey()));
        assertThat(r.statusCode()).as(e.getKey()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).as(e.getKey()).hasValue(e.getValue());
      }
    }
  }

  /**
   * The 404 page's links are absolute, for a host that serves it at any depth: under the preview,
   * which serves the site at its root, they lead to its pages and its stylesheet.
   */
  @ParameterizedTest
  @ValueSource(strings = {"https://example.org/security/", "https://example.org/"})
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void theNotFoundPageIsStyledAndItsLinksWork(String baseUrl) throws Exception {
    StringWriter log = new StringWriter();
    try (PreviewServer server = start(site(baseUrl), log)) {
      HttpResponse<String> missing = get(server.url().resolve("advisories/NO-SUCH-ID/"));
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
      Document page = Jsoup.parse(missing.body(), server.url().toString());
      assertThat(page.select("h1").text()).isEqualTo("Page not found");
      assertThat(page.select("script[src=/__disclose/reload.js]")).hasSize(1);
      Element style = page.selectFirst("link[rel=stylesheet]");
      assertThat(style).isNotNull();
      assertThat(style.attr("href")).isEqualTo("/assets/style.css");
      List<String> local =
          page.select("[href], [src], form[action]").stream()
              .map(
                  e ->
                      e.hasAttr("action")
                          ? e.attr("action")
                          : e.hasAttr("src") ? e.attr("src") : e.attr("href"))
              .filter(u -> u.startsWith("/"))
              .distinct()
              .toList();
      assertThat(local).contains("/", "/advisories/", "/packages/", "/search/");
      for (String link : local) {
        HttpResponse<String> r = get(server.url().resolve(link));
        assertThat(r.statusCode()).as(link).isEqualTo(200);
      }
      // The canonical URL stays the site's own.
      assertThat(page.selectFirst("link[rel=canonical]").attr("href"))
          .isEqualTo(baseUrl + "404.html");
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aBrowsersAskForFaviconIcoIsABare404AndLogsNothing() throws Exception {
    StringWriter log = new StringWriter();
    try (PreviewServer server = start(site("https://example.org/security/"), log)) {
      String before = log.toString();
      HttpResponse<String> icon = get(server.url().resolve("favicon.ico"));
      assertThat(icon.statusCode()).isEqualTo(404);
      assertThat(icon.body()).isEmpty();
      assertThat(log.toString()).isEqualTo(before);
    }
  }

  /** An alias page's CSP lets the reload script, a same-origin file, run and listen. */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void anAliasPageAllowsTheReloadScriptItIsServedWith() throws Exception {
    StringWriter log = new StringWriter();
    try (PreviewServer server = start(site("https://example.org/security/"), log)) {
      HttpResponse<String> alias = get(server.url().resolve("advisories/CVE-2025-10001/"));
      assertThat(alias.statusCode()).isEqualTo(200);
      Document page = Jsoup.parse(alias.body());
      assertThat(page.select("script[src=/__disclose/reload.js]")).hasSize(1);
      assertThat(page.select("script:not([src])")).isEmpty();
      String csp = page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
      assertThat(csp).contains("default-src 'none'", "script-src 'self'", "connect-src 'self'");
      assertThat(csp).doesNotContain("unsafe-inline");
    }
  }

  @Test
  void theMediaTypeTableNamesTheFeedsByTheirFilesAndTheRestByExtension() {
    assertThat(MediaTypes.of("feed.xml")).isEqualTo("application/rss+xml; charset=utf-8");
    assertThat(MediaTypes.of("atom.xml")).isEqualTo("application/atom+xml; charset=utf-8");
    assertThat(MediaTypes.of("feed.json")).isEqualTo("application/feed+json");
    assertThat(MediaTypes.of("x.atom")).isEqualTo("application/atom+xml; charset=utf-8");
    assertThat(MediaTypes.of("x.rss")).isEqualTo("application/rss+xml; charset=utf-8");
    assertThat(MediaTypes.of("FIX-1.json")).isEqualTo("application/json");
    assertThat(MediaTypes.of("all.ZIP")).isEqualTo("application/zip");
    assertThat(MediaTypes.of("no-extension")).isEqualTo("application/octet-stream");
  }
}
