package dev.disclose.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.CliRun;
import dev.disclose.testing.Golden;
import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lists longer than a page, built through the CLI: the fixture's public advisories and one more, of
 * a second PyPI package, with one to a page ({@code list_page_size: 1}).
 */
class PaginatedListsTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/site/paged");

  @TempDir Path temp;
  Path out;

  @BeforeEach
  void build() throws IOException {
    Path site = temp.resolve("site");
    TestSites.copyTree(SiteBuildTest.FIXTURE, site);
    Files.writeString(
        site.resolve("site-config.yaml"),
        "list_page_size: 1\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    TestSites.write(
        site, "advisories/2025/FIX-2025-0005.md", TestSites.validAdvisory("FIX-2025-0005"));
    CliRun run = CliRun.in(site, "build", "--now", SiteBuildTest.BEFORE_EMBARGO);
    assertThat(run.exitCode()).as(run.err()).isZero();
    out = site.resolve("_site");
  }

  @Test
  void eachPageOfAListMatchesItsGoldenFile() throws IOException {
    for (String page :
        List.of("advisories/index.html", "advisories/page/2/index.html", "sitemap.xml")) {
      Golden.assertMatches(GOLDEN.resolve(page.replace('/', '_')), read(out.resolve(page)));
    }
  }

  @Test
  void everyPageHasItsOwnUrlTitleAndLinksToItsNeighbours() throws IOException {
    Document first = Jsoup.parse(read(out.resolve("advisories/index.html")));
    Document second = Jsoup.parse(read(out.resolve("advisories/page/2/index.html")));
    assertThat(first.title()).startsWith("All advisories, page 1 of 3 · ");
    assertThat(second.title()).startsWith("All advisories, page 2 of 3 · ");
    assertThat(first.select("link[rel=canonical]").attr("href"))
        .isEqualTo("https://example.org/security/advisories/");
    assertThat(second.select("link[rel=canonical]").attr("href"))
        .isEqualTo("https://example.org/security/advisories/page/2/");
    assertThat(first.select("link[rel=prev]")).isEmpty();
    assertThat(first.select("link[rel=next]").attr("href")).isEqualTo("../advisories/page/2/");
    assertThat(second.select("link[rel=prev]").attr("href")).isEqualTo("../../../advisories/");
    assertThat(second.select("link[rel=next]").attr("href"))
        .isEqualTo("../../../advisories/page/3/");
    Document last = Jsoup.parse(read(out.resolve("advisories/page/3/index.html")));
    assertThat(last.select("link[rel=next], nav[aria-label=Pages] a[rel=next]")).isEmpty();
    // One row each, different ones, and the navigation marks where the reader is.
    assertThat(first.select("table.advisories tbody tr")).hasSize(1);
    assertThat(second.select("table.advisories tbody tr")).hasSize(1);
    assertThat(first.select("tbody .id").text()).isNotEqualTo(second.select("tbody .id").text());
    assertThat(second.select("nav[aria-label=Pages] a[aria-current=page]").text())
        .isEqualTo("Page 2");
    assertThat(second.select("nav[aria-label=Pages] a[rel=prev]").attr("href"))
        .isEqualTo("../../../advisories/");
    assertThat(out.resolve("advisories/page/4")).doesNotExist();
  }

  @Test
  void everyKindOfListIsPagedAndTheSitemapListsEveryPage() throws IOException {
    String sitemap = read(out.resolve("sitemap.xml"));
    for (String page :
        List.of(
            "advisories/page/2/",
            "advisories/page/3/",
            "years/2025/page/2/",
            "packages/page/2/",
            "packages/page/4/",
            "ecosystems/page/3/",
            "ecosystems/PyPI/packages/page/2/")) {
      assertThat(out.resolve(page + "index.html")).exists();
      assertThat(sitemap).contains("<loc>https://example.org/security/" + page + "</loc>");
    }
    assertThat(sitemap)
        .doesNotContain("page/5/", "severity/medium/page/", "ecosystems/npm/packages/");
    // The packages index, a page of entries rather than advisories, is paged alike.
    Document packages = Jsoup.parse(read(out.resolve("packages/page/2/index.html")));
    assertThat(packages.title()).startsWith("Packages, page 2 of 4 · ");
    assertThat(packages.select("ul.entries li")).hasSize(1);
    assertThat(packages.select("nav[aria-label=Pages] a[rel=next]").attr("href"))
        .isEqualTo("../../../packages/page/3/");
    // An ecosystem with more packages than a page shows links an index of them instead.
    Document pypi = Jsoup.parse(read(out.resolve("ecosystems/PyPI/index.html")));
    assertThat(pypi.select("nav.related-entries a").eachAttr("href"))
        .containsExactly("../../ecosystems/PyPI/packages/");
    assertThat(pypi.select("nav.related-entries").text()).isEqualTo("All PyPI packages 2");
    Document npm = Jsoup.parse(read(out.resolve("ecosystems/npm/index.html")));
    assertThat(npm.select("nav.related-entries a").eachAttr("href"))
        .containsExactly("../../packages/npm/@example/proxy/");
  }

  @Test
  void noPageOfAnyListShowsAnAdvisoryThatIsNotPublic() throws IOException {
    for (Path page : SiteBuildTest.htmlFiles(out)) {
      assertThat(read(page)).as(page.toString()).doesNotContain("EMBARGO-CANARY", "FIX-2025-0003");
    }
  }

  @Test
  void aListThatFitsOnOnePageHasNoNavigation() throws IOException {
    Document medium = Jsoup.parse(read(out.resolve("severity/medium/index.html")));
    assertThat(medium.select("table.advisories tbody tr")).hasSize(1);
    assertThat(medium.title()).startsWith("Medium severity advisories · ");
    assertThat(medium.select("nav[aria-label=Pages], link[rel=prev], link[rel=next]")).isEmpty();
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
