package dev.disclose.releases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.plan.SiteTools;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Advisories and release notes link both ways on the demo site. */
class ReleasePagesTest {
  @TempDir Path temp;

  private Document page(Path out, String path) throws Exception {
    return Jsoup.parse(Files.readString(out.resolve(path).resolve("index.html")));
  }

  @Test
  void fixedVersionsLinkToTheirReleaseAndReleasesListTheAdvisoriesTheyFix() throws Exception {
    Path out = temp.resolve("site");
    SiteTools.buildDemo(out);

    Document advisory = page(out, "advisories/DEMO-2026-0001");
    assertThat(advisory.select(".package dd a[href*=releases/]").eachAttr("href"))
        .containsExactly(
            "../../releases/PyPI/corvid-serve/1.0.4/", "../../releases/PyPI/corvid-serve/1.1.1/");
    // A package whose notes live elsewhere links there (the URL template of site-config.yaml).
    assertThat(page(out, "advisories/DEMO-2025-0003").select(".package dd a").eachAttr("href"))
        .contains("https://github.com/corvid-dev/corvid-operator/releases/tag/v1.2.3");

    Document release = page(out, "releases/PyPI/corvid-serve/1.1.1");
    assertThat(release.selectFirst("h1").text()).isEqualTo("corvid-serve 1.1.1");
    assertThat(release.select("#fixes-heading + div table.advisories tbody tr")).hasSize(1);
    assertThat(release.select("table.advisories a").attr("href"))
        .isEqualTo("../../../../advisories/DEMO-2026-0001/");
    assertThat(release.select(".prose").text()).contains("format_message");
    // A release without a security fix says so.
    assertThat(page(out, "releases/PyPI/corvid-serve/1.1.0").select("#fixes-heading + p").text())
        .isEqualTo("This release fixes no published advisory.");
    // The index lists every release, with its number of fixes.
    assertThat(page(out, "releases").select("ul.entries li"))
        .hasSize(14); // 8 + 3 from changelogs, 1 + 2 from folders
  }
}
