package dev.disclose.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.testing.CliRun;
import dev.disclose.testing.Golden;
import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code disclose build} on a small fixture site, end to end through the CLI. */
class SiteBuildTest {
  static final Path FIXTURE = Path.of("src/test/resources/sites/basic");
  static final Path GOLDEN = Path.of("src/test/resources/golden/site/basic");
  static final String BEFORE_EMBARGO = "2025-12-01T00:00:00Z";

  /** What a build of a site under a path says on standard error, and nothing else. */
  static final String SECURITY_TXT_NOTE =
      "note: `/.well-known/security.txt` belongs at the host's root"
          + " (https://example.org/.well-known/security.txt); copy _site/.well-known/security.txt"
          + " there\n";

  @TempDir Path temp;
  Path site;

  @BeforeEach
  void copyFixture() throws IOException {
    site = temp.resolve("site");
    TestSites.copyTree(FIXTURE, site);
  }

  private CliRun build(String... extra) {
    String[] args =
        Stream.concat(Stream.of("build", "--now", BEFORE_EMBARGO), Stream.of(extra))
            .toArray(String[]::new);
    return CliRun.in(site, args);
  }

  @Test
  void theLastLineSaysHowManyFilesAndBytesTheSiteHolds() throws IOException {
    CliRun run = build();
    assertThat(run.exitCode()).isZero();
    long files;
    long bytes = 0;
    try (Stream<Path> walk = Files.walk(site.resolve("_site"))) {
      // The marker that tells Disclose's output folders apart is no page of the site.
      List<Path> all =
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().equals(AtomicPublisher.MARKER))
              .toList();
      files = all.size();
      for (Path p : all) bytes += Files.size(p);
    }
    assertThat(bytes).as("a site of tens of kilobytes").isBetween(10_000L, 999_949L);
    String[] lines = run.out().split("\n");
    assertThat(lines[lines.length - 1])
        .isEqualTo(
            String.format(Locale.ROOT, "wrote %,d files, %.1f KB to _site", files, bytes / 1000.0));
  }

  @Test
  void representativePagesMatchTheirGoldenFiles() throws IOException {
    CliRun run = build();
    assertThat(run.err()).isEqualTo(SECURITY_TXT_NOTE);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .matches(
            "built 2 advisories: \\d+ pages in \\d+\\.\\d s\n"
                + "wrote \\d+ files, \\d+\\.\\d KB to _site\n");
    for (String page :
        List.of(
            "index.html",
            "advisories/FIX-2025-0001/index.html",
            "advisories/CVE-2025-10001/index.html",
            "packages/npm/@example/proxy/index.html",
            "severity/high/index.html",
            "policy/index.html",
            "response/index.html",
            "404.html",
            "sitemap.xml",
            "robots.txt",
            ".well-known/security.txt")) {
      Golden.assertMatches(
          GOLDEN.resolve(page.replace('/', '_')), read(site.resolve("_site").resolve(page)));
    }
  }

  @Test
  void theSearchIndexMatchesItsGoldenFiles() throws IOException {
    assertThat(build().exitCode()).isZero();
    Path index = site.resolve("_site/search-index");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(index)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    assertThat(files)
        .extracting(f -> index.relativize(f).toString())
        .contains("meta.json", "f.json", "d/0.json");
    for (Path f : files) {
      Golden.assertMatches(
          GOLDEN.resolve("search-index_" + index.relativize(f).toString().replace('/', '_')),
          read(f));
    }
  }

  @Test
  void onATerminalTheBuildShowsItsProgressOnOneLineAndClearsIt() {
    CliRun run =
        CliRun.in(site, Map.of("DISCLOSE_PROGRESS", "1"), "build", "--now", BEFORE_EMBARGO);
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).endsWith(SECURITY_TXT_NOTE);
    String progress = run.err().substring(0, run.err().length() - SECURITY_TXT_NOTE.length());
    assertThat(progress)
        .startsWith("\rvalidating…")
        .contains("\rplanning pages", "\rrendering pages ", "(100%)", "\rpublishing…")
        .doesNotContain("\n");
    // The last thing on the line is blanks, then a carriage return: the summary starts clean.
    assertThat(progress).matches("(?s).*\\r +\\r");
    assertThat(run.out()).startsWith("built 2 advisories");
    // Without a terminal (and in CI), nothing but the summary.
    assertThat(build().err()).isEqualTo(SECURITY_TXT_NOTE);
    assertThat(
            CliRun.in(site, Map.of("DISCLOSE_PROGRESS", "0"), "build", "--now", BEFORE_EMBARGO)
                .err())
        .isEqualTo(SECURITY_TXT_NOTE);
  }

  @Test
  void timingsListEachPhaseAfterTheSummary() {
    CliRun run =
        CliRun.in(
            site, Map.of("DISCLOSE_PROGRESS", "0"), "build", "--timings", "--now", BEFORE_EMBARGO);
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).startsWith(SECURITY_TXT_NOTE);
    assertThat(run.err().lines().skip(1).toList())
        .hasSizeGreaterThanOrEqualTo(4)
        .allMatch(l -> l.matches(" *\\d+\\.\\d\\d s +\\d+ %  \\S.*"));
    assertThat(run.err())
        .contains("validating\n", "planning pages", "rendering pages", "publishing\n");
  }

  @Test
  void twoBuildsOfTheSameInputAreByteIdentical() throws IOException {
    build("--out", "one");
    build("--out", "two");
    Map<String, String> one = hashes(site.resolve("one"));
    assertThat(one).hasSizeGreaterThan(20);
    assertThat(hashes(site.resolve("two"))).isEqualTo(one);
  }

  /**
   * A heap too small for the exports beside the pages' plan makes them wait: the same files either
   * way.
   */
  @Test
  void exportsAfterThePagesGiveTheSameSiteAsExportsAlongside() throws IOException {
    try {
      SiteWriter.formatsAlongside = true;
      assertThat(build("--out", "alongside").exitCode()).isZero();
      SiteWriter.formatsAlongside = false;
      CliRun after = build("--out", "after");
      assertThat(after.exitCode()).isZero();
      assertThat(after.out()).contains("built 2 advisories");
    } finally {
      SiteWriter.formatsAlongside = null;
    }
    Map<String, String> alongside = hashes(site.resolve("alongside"));
    assertThat(alongside).containsKeys("osv/all.zip", "cyclonedx/vex.json", "index.html");
    assertThat(hashes(site.resolve("after"))).isEqualTo(alongside);
  }

  @Test
  void embargoedAndDraftAdvisoriesAppearNowhereUntilTheEmbargoLifts() throws IOException {
    build();
    String everything = allText(site.resolve("_site"));
    for (String canary :
        List.of(
            "EMBARGO-CANARY",
            "DRAFT-CANARY",
            "FIX-2025-0003",
            "FIX-2025-0004",
            "CVE-2025-99999",
            "embargo-canary-package",
            "draft-canary-package")) {
      assertThat(everything).as(canary).doesNotContain(canary);
    }
    assertThat(site.resolve("_site/advisories/FIX-2025-0003")).doesNotExist();

    CliRun after = CliRun.in(site, "build", "--now", "2026-01-15T16:00:00Z");
    assertThat(after.out()).startsWith("built 3 advisories");
    String lifted = allText(site.resolve("_site"));
    assertThat(lifted)
        .contains("EMBARGO-CANARY-BODY", "embargo-canary-package")
        .doesNotContain("DRAFT-CANARY");
    assertThat(read(site.resolve("_site/advisories/FIX-2025-0003/index.html")))
        .contains("2026-01-15");
  }

  @Test
  void theResponsePageCountsAnEmbargoedAdvisoryOnlyOnceItIsPublic() throws IOException {
    build();
    Document before = Jsoup.parse(read(site.resolve("_site/response/index.html")));
    assertThat(before.select("#counts-caption ~ tbody tr").eachText())
        .containsExactly("2025 1 1 2");
    assertThat(before.select("table:has(#by-year-caption) tbody tr").eachText())
        // Acknowledged in 1 day, assessed in 4 (no target), fixed in 19, disclosed in 31.
        .containsExactly("2025 1 1 1 1 of 1 4 4 — 19 19 1 of 1 31 31 0 of 1");

    CliRun.in(site, "build", "--now", "2026-01-15T16:00:00Z");
    Document after = Jsoup.parse(read(site.resolve("_site/response/index.html")));
    assertThat(after.select("#counts-caption ~ tbody tr").eachText())
        .containsExactly("2026 1 0 0 1", "2025 0 1 1 2");
  }

  @Test
  void hostileMarkdownAndTitlesRenderAsText() throws IOException {
    build();
    String html = read(site.resolve("_site/advisories/FIX-2025-0001/index.html"));
    Document doc = Jsoup.parse(html);
    assertThat(doc.select("script")).isEmpty();
    assertThat(doc.select("[onerror], img, iframe, .prose form")).isEmpty();
    assertThat(doc.select("form"))
        .extracting(f -> f.attr("class"))
        .containsExactly("site-search"); // ours only
    assertThat(doc.select("a[href^=javascript]")).isEmpty();
    assertThat(doc.selectFirst("h1").text())
        .isEqualTo("Path traversal in the file server <script>alert(\"title\")</script> & more");
    assertThat(doc.select(".prose table td").eachText()).contains("1.x", "1.4.2");
    for (Path page : htmlFiles(site.resolve("_site"))) {
      Document d = Jsoup.parse(read(page));
      // No script but the search page's own module, from the site's assets.
      assertThat(d.select("script").eachAttr("src"))
          .as(page.toString())
          .allMatch(
              src ->
                  src.endsWith("assets/search/ui.js")
                      && page.toString().endsWith("search/index.html"));
      assertThat(d.select("script:not([src])")).as(page.toString()).isEmpty();
      assertThat(d.select("[style]")).as("inline styles break the CSP: " + page).isEmpty();
    }
  }

  @Test
  void failedBuildLeavesThePreviousOutputAndStaleFilesDoNotSurvive() throws IOException {
    build();
    Path out = site.resolve("_site");
    Files.writeString(out.resolve("stale.html"), "old");
    build();
    assertThat(out.resolve("stale.html")).doesNotExist();
    Map<String, String> before = hashes(out);

    TestSites.write(
        site,
        "advisories/2025/FIX-2025-0002.md",
        read(site.resolve("advisories/2025/FIX-2025-0002.md"))
            .replace("fixed: 0.3.7", "fixed: 0.2.0"));
    CliRun refused = build();
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.out()).contains("error[R002]");
    assertThat(refused.err()).contains("not building");
    assertThat(hashes(out)).isEqualTo(before);
    try (Stream<Path> leftovers = Files.list(site)) {
      assertThat(leftovers.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.contains(".building-"));
    }
  }

  /** Two full builds: the output before last is kept; its folder is returned. */
  private Path builtTwice() {
    assertThat(build("--no-cache").exitCode()).isZero();
    assertThat(build("--no-cache").exitCode()).isZero();
    return site.resolve("._site.previous/site");
  }

  @Test
  void aRebuildReusesTheOutputBeforeLastAndWritesOnlyWhatDiffers() throws IOException {
    Path kept = builtTwice();
    Path out = site.resolve("_site");
    assertThat(kept.resolve("robots.txt")).exists();
    // Left out of git status: the folder around it holds a .gitignore of everything.
    assertThat(site.resolve("._site.previous/.gitignore")).content().contains("\n*\n");
    FileTime long_ago = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(kept.resolve("robots.txt"), long_ago);

    // The kept folder, made to differ from the next build every way it can.
    Files.writeString(kept.resolve("stale.html"), "old");
    Files.createDirectories(kept.resolve("gone/deeper"));
    Files.writeString(kept.resolve("gone/deeper/index.html"), "old");
    Files.createDirectories(kept.resolve("empty/deeper"));
    Files.writeString(kept.resolve("404.html"), "tampered");
    AtomicPublisher.deleteTree(kept.resolve("policy"));
    Files.writeString(kept.resolve("policy"), "a file where a folder goes");
    AtomicPublisher.deleteTree(kept.resolve("advisories"));
    Files.writeString(kept.resolve("advisories"), "a file two folders above a page");
    Files.delete(kept.resolve("sitemap.xml"));
    Files.createDirectories(kept.resolve("sitemap.xml/inside"));
    Files.writeString(kept.resolve("sitemap.xml/inside/x.html"), "a folder where a file goes");
    TestSites.write(
        site,
        "advisories/2025/FIX-2025-0001.md",
        read(site.resolve("advisories/2025/FIX-2025-0001.md")) + "\nOne more sentence.\n");

    assertThat(build().exitCode()).isZero();
    assertThat(build("--out", "fresh").exitCode()).isZero();
    assertThat(allText(out)).isEqualTo(allText(site.resolve("fresh")));
    assertThat(read(out.resolve("advisories/FIX-2025-0001/index.html")))
        .contains("One more sentence.");
    // Unchanged, so not written again.
    assertThat(Files.getLastModifiedTime(out.resolve("robots.txt"))).isEqualTo(long_ago);
  }

  @Test
  void aKeptFolderWithALinkIsNotReusedAndTheLinkNotFollowed() throws IOException {
    Path kept = builtTwice();
    Path outside = temp.resolve("outside");
    Files.createDirectories(outside);
    Files.writeString(outside.resolve("index.html"), "not ours");
    AtomicPublisher.deleteTree(kept.resolve("search"));
    Files.createSymbolicLink(kept.resolve("search"), outside);
    assertThat(build().exitCode()).isZero();
    assertThat(outside.resolve("index.html")).hasContent("not ours");
    assertThat(site.resolve("_site/search")).isDirectory();
    try (Stream<Path> leftovers = Files.list(site)) {
      assertThat(leftovers.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.contains(".building-") || n.contains(".old-"));
    }
  }

  @Test
  void refusesToReplaceAFolderItDidNotWrite() throws IOException {
    Files.createDirectories(site.resolve("docs-out"));
    Files.writeString(site.resolve("docs-out/precious.txt"), "mine");
    CliRun run = build("--out", "docs-out");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("not empty and was not written by disclose build");
    assertThat(site.resolve("docs-out/precious.txt")).hasContent("mine");
    assertThat(build("--out", ".").exitCode()).isEqualTo(2);
    assertThat(site.resolve("site-config.yaml")).exists();
  }

  @Test
  void servedFromASubPathAllLinksStayInside() throws IOException {
    CliRun run = build("--base-url", "https://owner.github.io/project/");
    assertThat(run.exitCode()).isZero();
    Path out = site.resolve("_site");
    for (Path page : htmlFiles(out)) {
      Document d = Jsoup.parse(read(page));
      for (var link : d.select("a[href], link[href]")) {
        String href = link.attr("href");
        if (href.startsWith("http") || href.startsWith("mailto:") || href.startsWith("#")) continue;
        if (page.getFileName().toString().equals("404.html")) {
          assertThat(href).as("404 links are absolute under the sub-path").startsWith("/project/");
          continue;
        }
        Path target = page.getParent().resolve(href.replaceAll("[#?].*", "")).normalize();
        if (href.endsWith("/") || href.equals("./")) target = target.resolve("index.html");
        assertThat(target).as("%s links to %s", out.relativize(page), href).exists();
      }
    }
    assertThat(read(out.resolve("advisories/FIX-2025-0001/index.html")))
        .contains(
            "<link rel=\"canonical\" href=\"https://owner.github.io/project/advisories/FIX-2025-0001/\">");
    assertThat(read(out.resolve("sitemap.xml")))
        .contains("<loc>https://owner.github.io/project/</loc>");
  }

  private static Map<String, String> hashes(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), sha256(Files.readAllBytes(p)));
      }
    }
    return out;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Path> htmlFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
  }

  private static String allText(Path dir) throws IOException {
    StringBuilder b = new StringBuilder();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted().toList()) {
        b.append(dir.relativize(p)).append('\n');
        if (Files.isRegularFile(p))
          b.append(new String(Files.readAllBytes(p), StandardCharsets.UTF_8)).append('\n');
      }
    }
    return b.toString();
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
