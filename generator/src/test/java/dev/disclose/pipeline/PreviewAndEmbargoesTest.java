package dev.disclose.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code disclose build --preview} and {@code disclose embargoes}. */
class PreviewAndEmbargoesTest {
  static final String BEFORE_EMBARGO = "2025-12-01T00:00:00Z";

  @TempDir Path temp;
  Path site;

  @BeforeEach
  void copyFixture() throws Exception {
    site = temp.resolve("site");
    TestSites.copyTree(Path.of("src/test/resources/sites/basic"), site);
  }

  @Test
  void aPreviewShowsEverythingMarkedNotPublicAndKeepsSearchEnginesOut() throws Exception {
    CliRun run = CliRun.in(site, "build", "--preview", "--now", BEFORE_EMBARGO);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("PREVIEW (not for publication): built 4 advisories")
        .endsWith(" to _preview\n");
    Path out = site.resolve("_preview");
    // Drafts and embargoed advisories go with the folder: no copy of a preview is kept beside it.
    assertThat(CliRun.in(site, "build", "--preview", "--now", BEFORE_EMBARGO).exitCode()).isZero();
    assertThat(site.resolve("._preview.previous")).doesNotExist();
    Document embargoed =
        Jsoup.parse(Files.readString(out.resolve("advisories/FIX-2025-0003/index.html")));
    assertThat(embargoed.select(".not-public-banner").text())
        .isEqualTo("EMBARGOED — NOT PUBLIC until 2026-01-15T16:00:00Z");
    Document draft =
        Jsoup.parse(Files.readString(out.resolve("advisories/FIX-2025-0004/index.html")));
    assertThat(draft.select(".not-public-banner").text()).isEqualTo("DRAFT — NOT PUBLIC");
    Document published =
        Jsoup.parse(Files.readString(out.resolve("advisories/FIX-2025-0001/index.html")));
    assertThat(published.select(".not-public-banner")).isEmpty();
    // The status says what each one is, never "Published" under a NOT PUBLIC banner.
    assertThat(status(embargoed)).isEqualTo("Embargoed until 2026-01-15T16:00:00Z");
    assertThat(status(draft)).isEqualTo("Draft");
    assertThat(status(published)).isEqualTo("Published");
    try (Stream<Path> pages = Files.walk(out)) {
      for (Path p : pages.filter(f -> f.toString().endsWith(".html")).toList()) {
        Document d = Jsoup.parse(Files.readString(p));
        if (!d.select("meta[http-equiv=refresh]").isEmpty()) continue;
        assertThat(d.select("meta[name=robots]").attr("content"))
            .as(p.toString())
            .isEqualTo("noindex, nofollow");
        assertThat(d.select(".preview-banner")).as(p.toString()).hasSize(1);
      }
    }
    assertThat(Files.readString(out.resolve("robots.txt")))
        .isEqualTo("User-agent: *\nDisallow: /\n");
    // A normal build of the same site holds none of it.
    assertThat(CliRun.in(site, "build", "--now", BEFORE_EMBARGO).exitCode()).isZero();
    assertThat(site.resolve("_site/advisories/FIX-2025-0003")).doesNotExist();
    assertThat(Files.readString(site.resolve("_site/index.html")))
        .doesNotContain("NOT PUBLIC", "noindex");
  }

  /** What an advisory page's facts say its status is. */
  private static String status(Document page) {
    return page.select("dl.facts dt:containsOwn(Status) + dd").text();
  }

  @Test
  void previewAndPublicBuildsNeverShareAFolder() {
    CliRun toSite =
        CliRun.in(site, "build", "--preview", "--out", "_site", "--now", BEFORE_EMBARGO);
    assertThat(toSite.exitCode()).isEqualTo(2);
    assertThat(toSite.err()).contains("never goes to _site/");
    assertThat(CliRun.in(site, "build", "--out", "public", "--now", BEFORE_EMBARGO).exitCode())
        .isZero();
    CliRun overPublic =
        CliRun.in(site, "build", "--preview", "--out", "public", "--now", BEFORE_EMBARGO);
    assertThat(overPublic.exitCode()).isEqualTo(2);
    assertThat(overPublic.err()).contains("holds a public build");
    assertThat(CliRun.in(site, "build", "--preview", "--now", BEFORE_EMBARGO).exitCode()).isZero();
    CliRun overPreview = CliRun.in(site, "build", "--out", "_preview", "--now", BEFORE_EMBARGO);
    assertThat(overPreview.exitCode()).isEqualTo(2);
    assertThat(overPreview.err()).contains("holds a preview");
  }

  @Test
  void aPreviewIsRefusedAnywhereInsideOrAroundAPublicOutputAndViceVersa() throws Exception {
    // Inside the default public output, even before a build made it.
    assertRefusedPreview("_site/preview", "_site/");
    assertThat(CliRun.in(site, "build", "--out", "public", "--now", BEFORE_EMBARGO).exitCode())
        .isZero();
    // Inside any public build's output, however the path is spelt.
    assertRefusedPreview("public/preview", "public");
    Files.createSymbolicLink(site.resolve("to-public"), site.resolve("public"));
    assertRefusedPreview("to-public/preview", "public");
    Files.createDirectories(site.resolve("public/advisories"));
    Files.createDirectories(site.resolve("elsewhere"));
    // The link is followed before `..`: to-advisories/.. is public/, not the site root.
    Files.createSymbolicLink(
        site.resolve("elsewhere/to-advisories"), site.resolve("public/advisories"));
    assertRefusedPreview("elsewhere/to-advisories/../preview", "public");
    // Inside the output before last, kept beside the public output (a full build makes it).
    assertThat(
            CliRun.in(site, "build", "--no-cache", "--out", "public", "--now", BEFORE_EMBARGO)
                .exitCode())
        .isZero();
    assertThat(site.resolve(".public.previous/site")).isDirectory();
    assertRefusedPreview(".public.previous/preview", ".public.previous");
    // A preview around a public output.
    assertThat(
            CliRun.in(site, "build", "--preview", "--out", "outer", "--now", BEFORE_EMBARGO)
                .exitCode())
        .isZero();
    Path publicInside = site.resolve("outer/public");
    TestSites.copyTree(site.resolve("public"), publicInside);
    assertRefusedPreview("outer", "outer/public");

    // And a public build inside a preview's output, the default one or any other.
    assertThat(CliRun.in(site, "build", "--preview", "--now", BEFORE_EMBARGO).exitCode()).isZero();
    assertRefusedPublic("_preview/public", "_preview");
    assertRefusedPublic("outer/public/site", "outer");
    assertThat(site.resolve("_preview/public")).doesNotExist();
  }

  private void assertRefusedPreview(String out, String naming) {
    boolean existed = Files.exists(site.resolve(out));
    CliRun run = CliRun.in(site, "build", "--preview", "--out", out, "--now", BEFORE_EMBARGO);
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.err())
        .contains("refusing to write a preview", naming, "choose a folder apart from it")
        .doesNotContain("Exception");
    assertThat(run.out()).isEmpty();
    if (!existed) assertThat(site.resolve(out)).doesNotExist();
  }

  private void assertRefusedPublic(String out, String naming) {
    CliRun run = CliRun.in(site, "build", "--out", out, "--now", BEFORE_EMBARGO);
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.err())
        .contains("refusing to write a public build", naming, "a preview's output")
        .doesNotContain("Exception");
  }

  @Test
  void embargoesListsWhatLiftsAndWhen() {
    CliRun run = CliRun.in(site, "embargoes", "--now", BEFORE_EMBARGO);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "2026-01-15T16:00:00Z  FIX-2025-0003  in 45 days  advisories/2025/FIX-2025-0003.md\n");
    CliRun json = CliRun.in(site, "embargoes", "--now", BEFORE_EMBARGO, "--format", "json");
    assertThat(json.out())
        .contains("\"id\" : \"FIX-2025-0003\"", "\"embargo\" : \"2026-01-15T16:00:00Z\"");
    assertThat(CliRun.in(site, "embargoes", "--now", "2026-01-15T16:00:00Z").out())
        .startsWith("no embargo to lift after");
  }

  @Test
  void embargoesSaysWhenARequestedCveIsNotAssignedYet() throws Exception {
    Path file = site.resolve("advisories/2025/FIX-2025-0003.md");
    String text = Files.readString(file);
    Files.writeString(
        file, text.replace("aliases: [CVE-2025-99999]\n", "cve_requested: 2025-11-20\n"));
    CliRun run = CliRun.in(site, "embargoes", "--now", BEFORE_EMBARGO);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "2026-01-15T16:00:00Z  FIX-2025-0003  in 45 days  advisories/2025/FIX-2025-0003.md"
                + "  CVE requested 2025-11-20, not assigned yet\n");
    CliRun json = CliRun.in(site, "embargoes", "--now", BEFORE_EMBARGO, "--format", "json");
    assertThat(json.out()).contains("\"cve_requested\" : \"2025-11-20\"");

    // Once the CVE is among the aliases, the request is history: nothing is said.
    Files.writeString(
        file,
        Files.readString(file)
            .replace(
                "cve_requested: 2025-11-20",
                "cve_requested: 2025-11-20\naliases: [CVE-2025-55555]"));
    assertThat(CliRun.in(site, "embargoes", "--now", BEFORE_EMBARGO).out())
        .doesNotContain("CVE requested");
  }
}
