package dev.disclose.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.advisory.Advisory;
import dev.disclose.config.SiteConfigLoader;
import dev.disclose.load.Changes;
import dev.disclose.load.LastCommitTimes;
import dev.disclose.load.LoadRequest;
import dev.disclose.load.PathDisplay;
import dev.disclose.load.SiteException;
import dev.disclose.load.SiteRoot;
import dev.disclose.memo.Memo;
import dev.disclose.osv.OsvExporter;
import dev.disclose.osv.OsvFormat;
import dev.disclose.pages.RenderedPage;
import dev.disclose.pipeline.BuildManifest;
import dev.disclose.pipeline.OutputFormats;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.pipeline.Progress;
import dev.disclose.plan.Feed;
import dev.disclose.plan.PageSpec;
import dev.disclose.plan.PlanRequest;
import dev.disclose.plan.SimilarAdvisories;
import dev.disclose.plan.SitePlanner;
import dev.disclose.rustsec.RustSecFormat;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview server's rebuilds: only what changed is rendered and written, with the same result as
 * a full build.
 */
class IncrementalBuildTest {
  static final Instant NOW = Instant.parse("2025-12-01T00:00:00Z");

  @TempDir Path temp;
  Path site;
  Path live;

  /** As the preview server builds, similar advisories made at once. */
  PreviewSite preview;

  PreviewMemo memory;

  @BeforeEach
  void copyFixture() throws IOException {
    site = temp.resolve("site");
    live = temp.resolve("live");
    TestSites.copyTree(Path.of("src/test/resources/sites/basic"), site);
    preview = new PreviewSite(live, false);
    memory = preview.memo();
  }

  @AfterEach
  void stopBackground() throws InterruptedException {
    preview.close(30_000);
  }

  /** What a rebuild did, and how many files it wrote. */
  private record Result(int pages, int files, int rendered, int written) {}

  private Result rebuild() throws Exception {
    return rebuild(preview);
  }

  private Result rebuild(PreviewSite builds) throws Exception {
    Pipeline.Built r = builds.rebuild(open(), Changes.UNKNOWN, NOW, Progress.NONE);
    return new Result(r.pages(), r.files(), r.rendered(), builds.written());
  }

  /** Saves {@code file} changed, as an editor would. */
  private static void edit(Path file, UnaryOperator<String> change) throws IOException {
    Files.writeString(file, change.apply(Files.readString(file)));
  }

  /** The fixture with release notes instead of the basic one. */
  private void useReleasesSite() throws IOException {
    TestSites.copyTree(Path.of("src/test/resources/sites/releases"), temp.resolve("releases"));
    site = temp.resolve("releases");
  }

  private SiteRoot open() throws Exception {
    return SiteRoot.open(site, new PathDisplay(site));
  }

  /** The incremental output must be exactly what a one-off build writes. */
  private void assertSameAsFullBuild() throws Exception {
    assertSameAsFullBuild(preview);
  }

  /** The same, once {@code kept}'s bundles are written. */
  private void assertSameAsFullBuild(PreviewSite kept) throws Exception {
    kept.served().awaitBundles(60_000);
    Path full = temp.resolve("full-" + System.nanoTime());
    Pipeline.oneOff()
        .build(
            LoadRequest.toBuild(open()),
            Pipeline.BuildRequest.at(NOW, PlanRequest.PUBLIC),
            Pipeline.folder(full, open().root(), false));
    Map<String, String> expected = hashes(full);
    expected.remove(".disclose-output"); // the marker of atomically published folders
    expected.remove(BuildManifest.FILE); // what a published build was made of: no preview's
    assertThat(hashes(live)).isEqualTo(expected);
  }

  @Test
  void aSecondBuildWithoutChangesRendersAndWritesNothing() throws Exception {
    Result first = rebuild();
    assertThat(first.rendered()).isEqualTo(first.pages());
    assertThat(first.written()).isEqualTo(first.files());
    Result second = rebuild();
    assertThat(second.rendered()).isZero();
    assertThat(second.written()).isZero();
    assertSameAsFullBuild();
  }

  @Test
  void anEditRerendersOnlyThePagesThatShowTheEditedAdvisory() throws Exception {
    Result first = rebuild();
    Path other = live.resolve("advisories/FIX-2025-0001/index.html");
    long untouched = Files.getLastModifiedTime(other).toMillis();
    Path file = site.resolve("advisories/2025/FIX-2025-0002.md");
    edit(file, s -> s.replace("Request smuggling in the proxy", "Request smuggling, renamed"));

    Result second = rebuild();
    assertThat(second.rendered()).isPositive().isLessThan(first.pages() / 2);
    assertThat(Files.readString(live.resolve("advisories/FIX-2025-0002/index.html")))
        .contains("Request smuggling, renamed");
    assertThat(Files.readString(live.resolve("index.html"))).contains("Request smuggling, renamed");
    assertThat(Files.getLastModifiedTime(other).toMillis()).isEqualTo(untouched);
    assertSameAsFullBuild();
  }

  /**
   * Similar advisories are a function of IDs, packages, weaknesses, titles and details: reused
   * while none of them changed.
   */
  @Test
  void similarListsAreReusedOnlyWhileWhatTheyAreMadeOfIsUnchanged() throws Exception {
    Path file = site.resolve("advisories/2025/FIX-2025-0002.md");
    Map<String, List<String>> first = SitePlanner.similar(memory, advisories());
    assertThat(first).containsKey("FIX-2025-0002");

    edit(file, s -> s.replace("fixed: 0.3.7", "fixed: 0.3.8").replace("A:N", "A:L"));
    assertThat(SitePlanner.similar(memory, advisories())).isSameAs(first);

    edit(file, s -> s.replace("`Content-Length`", "`Content-Length` twice"));
    Map<String, List<String>> edited = SitePlanner.similar(memory, advisories());
    assertThat(edited).isNotSameAs(first).isEqualTo(SimilarAdvisories.of(advisories()));
    rebuild();
    assertSameAsFullBuild();
  }

  /**
   * The preview server's memory: an edit of the details shows at once with the previous similar
   * lists; the exact ones, computed in the background, show on the next build, which then equals a
   * full build.
   */
  @Test
  void similarListsInTheBackgroundShowTheEditAtOnceAndSettleExactly() throws Exception {
    PreviewSite lagging = new PreviewSite(live, true);
    PreviewMemo background = lagging.memo();
    AtomicInteger ready = new AtomicInteger();
    background.listener(
        new PreviewMemo.Listener() {
          @Override
          public void ready(Memo.Slot<?, ?> slot, long millis) {
            ready.incrementAndGet();
          }
        });
    Map<String, List<String>> first = SitePlanner.similar(background, advisories());
    assertThat(first).isEqualTo(SimilarAdvisories.of(advisories()));

    Path file = site.resolve("advisories/2025/FIX-2025-0002.md");
    edit(file, s -> s.replace("`Content-Length`", "`Content-Length` twice"));
    assertThat(SitePlanner.similar(background, advisories())).isSameAs(first);
    assertThat(background.settled()).isFalse();
    background.commit();
    background.awaitLagging(60_000);
    assertThat(ready.get()).isEqualTo(1);
    assertThat(background.settled()).isTrue();
    Map<String, List<String>> exact = SitePlanner.similar(background, advisories());
    assertThat(exact).isNotSameAs(first).isEqualTo(SimilarAdvisories.of(advisories()));
    assertThat(background.settled()).isFalse();
  }

  /** A second edit before the first one's lists are ready: only the newest lists are taken. */
  @Test
  void aNewerEditSupersedesTheBackgroundSimilarLists() throws Exception {
    PreviewSite lagging = new PreviewSite(live, true);
    PreviewMemo background = lagging.memo();
    SitePlanner.similar(background, advisories());
    Path file = site.resolve("advisories/2025/FIX-2025-0002.md");
    CountDownLatch hold = new CountDownLatch(1);
    CountDownLatch busy = new CountDownLatch(2);
    // Keep both background threads busy, so that both edits are seen before either list is made.
    for (int i = 0; i < 2; i++) {
      lagging
          .served()
          .remakeBundles(
              distinctInputs(),
              () -> {
                busy.countDown();
                hold.await();
                return Map.of();
              });
    }
    busy.await();
    edit(file, s -> s.replace("`Content-Length`", "`Content-Length` twice"));
    SitePlanner.similar(background, advisories());
    background.commit();
    edit(file, s -> s.replace("The proxy accepted both", "The gateway accepted both"));
    List<Advisory> latest = advisories();
    SitePlanner.similar(background, latest);
    background.commit();
    hold.countDown();
    background.awaitLagging(60_000);
    assertThat(background.settled()).isTrue();
    assertThat(SitePlanner.similar(background, latest)).isEqualTo(SimilarAdvisories.of(latest));
  }

  /** Through whole rebuilds: the provisional build, then the settled one, equal to a full build. */
  @Test
  void rebuildsWithBackgroundSimilarListsEndEqualToAFullBuild() throws Exception {
    PreviewSite lagging = new PreviewSite(live, true);
    rebuild(lagging);
    Path file = site.resolve("advisories/2025/FIX-2025-0002.md");
    edit(file, s -> s.replace("`Content-Length`", "`Content-Length` twice"));
    rebuild(lagging);
    assertThat(Files.readString(live.resolve("advisories/FIX-2025-0002/index.html")))
        .contains("Content-Length</code> twice");
    lagging.memo().awaitLagging(60_000);
    rebuild(lagging);
    assertSameAsFullBuild(lagging);
  }

  /**
   * Lists show rows, which hold no details: an edit of an advisory's text renders its own page (the
   * similar lists stay the previous ones until the background's are ready), not the home page, the
   * list of all advisories, its package's, ecosystem's, year's and severity's lists.
   */
  @Test
  void anEditOfTheTextRendersTheAdvisorysPageAndNoList() throws Exception {
    PreviewSite lagging = new PreviewSite(live, true);
    rebuild(lagging);
    assertThat(Files.readString(live.resolve("index.html"))).contains("FIX-2025-0002");
    Path file = site.resolve("advisories/2025/FIX-2025-0002.md");
    edit(file, s -> s + "\nA sentence added to the text.\n");

    Result edited = rebuild(lagging);
    assertThat(edited.rendered()).isEqualTo(1);
    assertThat(Files.readString(live.resolve("advisories/FIX-2025-0002/index.html")))
        .contains("A sentence added to the text.");
    // The package's feeds carry the text: they change with it.
    assertThat(Files.readString(live.resolve("feed.xml")))
        .contains("A sentence added to the text.");
    lagging.memo().awaitLagging(60_000);
    rebuild(lagging);
    assertSameAsFullBuild(lagging);
  }

  /** Bundle inputs no other call's equal. */
  private static BundleInputs distinctInputs() {
    var config =
        SiteConfigLoader.parse(
                "title: T"
                    + System.nanoTime()
                    + "\nbase_url: https://example.org/\nid_prefix: FIX\n"
                    + "security_contact: mailto:s@example.org\n",
                Path.of("site-config.yaml"),
                OutputFormats.names())
            .config();
    return new BundleInputs(List.of(), config, LastCommitTimes.none());
  }

  private List<Advisory> advisories() throws Exception {
    return Pipeline.oneOff().check(LoadRequest.toCheck(open()), NOW).advisories();
  }

  /**
   * The zips and VEX documents follow a rebuild in the background: awaited, they are the rebuilt
   * site's.
   */
  @Test
  void theBundlesOfAnEditAreWrittenInTheBackgroundAndAwaitable() throws Exception {
    rebuild();
    preview.served().awaitBundles(60_000);
    Path file = site.resolve("advisories/2025/FIX-2025-0002.md");
    edit(file, s -> s.replace("Request smuggling in the proxy", "Request smuggling, renamed"));
    rebuild();
    preview.served().awaitBundles(60_000);
    try (ZipFile zip = new ZipFile(live.resolve("osv/all.zip").toFile())) {
      String record =
          new String(
              zip.getInputStream(zip.getEntry("x_FIX-2025-0002.json")).readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(record).contains("Request smuggling, renamed");
    }
    assertThat(Files.readString(live.resolve("cyclonedx/vex.json")))
        .contains("Request smuggling, renamed");
  }

  /**
   * A rebuild of the same advisories, configuration and commits neither remakes the bundles nor
   * drops those on their way.
   */
  @Test
  void bundlesAreRemadeOnlyWhenWhatTheyAreMadeOfChanged() throws Exception {
    AtomicInteger made = new AtomicInteger();
    preview
        .served()
        .listener(
            new ServedFolder.Listener() {
              @Override
              public void bundlesWritten(int files, int written, long millis) {
                made.incrementAndGet();
              }
            });
    rebuild();
    rebuild();
    preview.served().awaitBundles(60_000);
    assertThat(made.get()).isEqualTo(1);
    Path file = site.resolve("advisories/2025/FIX-2025-0002.md");
    edit(file, s -> s.replace("fixed: 0.3.7", "fixed: 0.3.8"));
    rebuild();
    preview.served().awaitBundles(60_000);
    assertThat(made.get()).isEqualTo(2);
    assertSameAsFullBuild();
  }

  @Test
  void awaitingTheBundlesWaitsUntilTheyAreWritten() throws Exception {
    Files.createDirectories(live);
    preview
        .served()
        .remakeBundles(
            distinctInputs(),
            () -> {
              Thread.sleep(300);
              return Map.of("osv/all.zip", new byte[] {1, 2, 3});
            });
    preview.served().awaitBundles(60_000);
    assertThat(live.resolve("osv/all.zip")).hasBinaryContent(new byte[] {1, 2, 3});
  }

  /**
   * A build's bundles are written only if no newer build came since: never older ones over newer.
   */
  @Test
  void bundlesOvertakenByANewerBuildAreDropped() throws Exception {
    Files.createDirectories(live);
    List<Integer> written = new CopyOnWriteArrayList<>();
    preview
        .served()
        .listener(
            new ServedFolder.Listener() {
              @Override
              public void bundlesWritten(int files, int changed, long millis) {
                written.add(files);
              }
            });
    CountDownLatch slow = new CountDownLatch(1);
    preview
        .served()
        .remakeBundles(
            distinctInputs(),
            () -> {
              slow.await();
              return Map.of("osv/all.zip", new byte[] {1}, "osv/npm/all.zip", new byte[] {1});
            });
    preview.served().remakeBundles(distinctInputs(), () -> Map.of("osv/all.zip", new byte[] {2}));
    slow.countDown();
    preview.served().awaitBundles(60_000);
    assertThat(written).containsExactly(1);
    assertThat(live.resolve("osv/all.zip")).hasBinaryContent(new byte[] {2});
    assertThat(live.resolve("osv/npm")).doesNotExist();
  }

  /** The previous bundles are deleted when a build no longer makes them (an ecosystem gone). */
  @Test
  void aBundleNoLongerMadeIsDeleted() throws Exception {
    Files.createDirectories(live);
    preview
        .served()
        .remakeBundles(
            distinctInputs(),
            () -> Map.of("osv/all.zip", new byte[] {1}, "osv/npm/all.zip", new byte[] {1}));
    preview.served().awaitBundles(60_000);
    assertThat(live.resolve("osv/npm/all.zip")).exists();
    preview.served().remakeBundles(distinctInputs(), () -> Map.of("osv/all.zip", new byte[] {2}));
    preview.served().awaitBundles(60_000);
    assertThat(live.resolve("osv/npm")).doesNotExist();
    assertThat(live.resolve("osv/all.zip")).hasBinaryContent(new byte[] {2});
  }

  /** An unchanged advisory's view is last build's instance; an edited one's is new. */
  @Test
  void viewsOfUnchangedAdvisoriesAreLastBuildsInstances() throws Exception {
    rebuild();
    Object unchanged = pageAt("advisories/FIX-2025-0001/").view();
    Object edited = pageAt("advisories/FIX-2025-0002/").view();
    Path file = site.resolve("advisories/2025/FIX-2025-0002.md");
    edit(file, s -> s.replace("Request smuggling in the proxy", "Request smuggling, renamed"));
    var items = itemsById(feedAt(""));
    rebuild();
    assertThat(pageAt("advisories/FIX-2025-0001/").view()).isSameAs(unchanged);
    assertThat(pageAt("advisories/FIX-2025-0002/").view()).isNotEqualTo(edited);
    // What is made of a kept view is kept with it: the feed item.
    assertThat(itemsById(feedAt("")).get("FIX-2025-0001")).isSameAs(items.get("FIX-2025-0001"));
    assertThat(itemsById(feedAt("")).get("FIX-2025-0002")).isNotEqualTo(items.get("FIX-2025-0002"));
    assertSameAsFullBuild();
  }

  /** The latest build's page at {@code path}. */
  private PageSpec pageAt(String path) {
    return ((RenderedPage) preview.served().sourceOf(path + "index.html")).page();
  }

  /** The latest build's feed of the folder {@code path}. */
  private Feed feedAt(String path) {
    return (Feed) preview.served().sourceOf(path + Feed.RSS);
  }

  /**
   * The advisory {@code id} as the next rebuild reads it: the same instance while its file is
   * unchanged.
   */
  private Advisory parsedAdvisory(String id) {
    try {
      return new Pipeline(memory, Progress.NONE)
          .load(LoadRequest.toCheck(open())).advisories().stream()
              .filter(a -> a.id().equals(id))
              .findFirst()
              .orElseThrow();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Feed.Item> itemsById(Feed feed) {
    Map<String, Feed.Item> items = new TreeMap<>();
    for (var item : feed.items())
      items.put(item.title().substring(0, item.title().indexOf(':')), item);
    return items;
  }

  /**
   * An unchanged advisory's OSV file is last build's; one made again of an edit that leaves the
   * record equal keeps last build's bytes; other settings make a new one.
   */
  @Test
  void osvFilesOfUnchangedAdvisoriesAreLastBuildsInstances() throws Exception {
    rebuild();
    var settings = OsvExporter.Settings.of(Pipeline.oneOff().config(open()));
    Supplier<Advisory> advisory = () -> parsedAdvisory("FIX-2025-0001");
    var parse = advisory.get();
    var first = OsvFormat.file(memory, parse, settings, Optional.empty());
    rebuild();
    assertThat(OsvFormat.file(memory, advisory.get(), settings, Optional.empty())).isSameAs(first);

    Path file = site.resolve("advisories/2025/FIX-2025-0001.md");
    edit(file, s -> s + "\n"); // a new parse, the same record
    rebuild();
    assertThat(advisory.get()).isNotSameAs(parse);
    assertThat(OsvFormat.file(memory, advisory.get(), settings, Optional.empty()).json())
        .isSameAs(first.json());

    var registered =
        new OsvExporter.Settings(
            settings.urls(), settings.idPrefix(), !settings.prefixRegistered());
    assertThat(OsvFormat.file(memory, advisory.get(), registered, Optional.empty()).record().id())
        .isNotEqualTo(first.record().id());
    assertSameAsFullBuild();
  }

  /**
   * An unchanged advisory's RustSec files are last build's bytes; an edited one's are made again.
   */
  @Test
  void rustSecFilesOfUnchangedAdvisoriesAreLastBuildsBytes() throws Exception {
    useReleasesSite();
    rebuild();
    String url = "https://example.org/security/advisories/REL-2025-0003/";
    Supplier<Advisory> advisory = () -> parsedAdvisory("REL-2025-0003");
    var first = RustSecFormat.files(memory, advisory.get(), url).files();
    assertThat(first).isNotEmpty();
    rebuild();
    assertThat(RustSecFormat.files(memory, advisory.get(), url).files().get(0).bytes())
        .isSameAs(first.get(0).bytes());
    Path file = site.resolve("advisories/2025/REL-2025-0003.md");
    edit(file, s -> s + "\nEdited in the preview.\n");
    rebuild();
    var edited = RustSecFormat.files(memory, advisory.get(), url).files();
    assertThat(new String(edited.get(0).bytes(), StandardCharsets.UTF_8))
        .contains("Edited in the preview.");
    assertSameAsFullBuild();
  }

  /** The sitemap is made again when a page's last modification changes, and only then reused. */
  @Test
  void theSitemapFollowsALastModification() throws Exception {
    rebuild();
    byte[] before = Files.readAllBytes(live.resolve("sitemap.xml"));
    rebuild();
    assertThat(Files.readAllBytes(live.resolve("sitemap.xml"))).isEqualTo(before);
    Path file = site.resolve("advisories/2025/FIX-2025-0001.md");
    edit(file, s -> s.replace("modified: 2025-03-10", "modified: 2025-04-11"));
    rebuild();
    assertThat(Files.readString(live.resolve("sitemap.xml")))
        .contains("<lastmod>2025-04-11</lastmod>");
    assertSameAsFullBuild();
  }

  /**
   * An advisory's view is kept only while what it shows of the rest of the site is unchanged: the
   * release notes its fixed versions link to, the titles of its similar advisories.
   */
  @Test
  void keptViewsFollowTheReleaseNotesAndOtherAdvisoriesTitles() throws Exception {
    useReleasesSite();
    rebuild();
    String vmmPage = Files.readString(live.resolve("advisories/REL-2025-0003/index.html"));
    assertThat(vmmPage).contains("releases/crates.io/fixture-vmm/0.5.2/");
    Files.delete(site.resolve("releases/vmm/0.5.2.md"));
    rebuild();
    assertThat(Files.readString(live.resolve("advisories/REL-2025-0003/index.html")))
        .doesNotContain("releases/crates.io/fixture-vmm/0.5.2/");
    assertSameAsFullBuild();

    // A title shown in other advisories' similar lists.
    Path other = site.resolve("advisories/2025/REL-2025-0002.md");
    String title =
        Files.readAllLines(other).stream()
            .filter(l -> l.startsWith("title:"))
            .findFirst()
            .orElseThrow();
    edit(other, s -> s.replace(title, "title: A title edited in the preview"));
    rebuild();
    assertSameAsFullBuild();
    assertThat(Files.readString(live.resolve("advisories/REL-2025-0001/index.html")))
        .contains("A title edited in the preview");
  }

  @Test
  void aRemovedAdvisoryLeavesNoFileBehind() throws Exception {
    rebuild();
    assertThat(live.resolve("advisories/FIX-2025-0002/index.html")).exists();
    Files.delete(site.resolve("advisories/2025/FIX-2025-0002.md"));
    rebuild();
    assertThat(live.resolve("advisories/FIX-2025-0002")).doesNotExist();
    assertSameAsFullBuild();
  }

  @Test
  void aThemeChangeRerendersEveryPage() throws Exception {
    rebuild();
    Path templates = site.resolve("theme/templates");
    Files.createDirectories(templates);
    String base =
        new String(
            getClass()
                .getClassLoader()
                .getResourceAsStream("themes/default/templates/base.peb")
                .readAllBytes());
    edit(site.resolve("site-config.yaml"), s -> s + "theme: theme\n");
    Files.writeString(
        templates.resolve("base.peb"),
        base.replace("Published with Disclose.", "Published with a custom theme."));
    Result r = rebuild();
    assertThat(r.rendered()).isEqualTo(r.pages());
    assertThat(Files.readString(live.resolve("advisories/FIX-2025-0001/index.html")))
        .contains("Published with a custom theme.");
    assertSameAsFullBuild();
  }

  @Test
  void afterAFailedRebuildTheNextOneStillDeletesWhatIsGone() throws Exception {
    rebuild();
    Path templates = site.resolve("theme/templates");
    Files.createDirectories(templates);
    edit(site.resolve("site-config.yaml"), s -> s + "theme: theme\n");
    // The html filter refuses a plain string: a theme error that Pebble does not wrap.
    Files.writeString(templates.resolve("prose.peb"), "{{ title | html }}");
    Assertions.assertThatThrownBy(this::rebuild)
        .isInstanceOf(SiteException.class)
        .hasMessageContaining("template prose failed for policy/");
    Files.delete(templates.resolve("prose.peb"));
    Files.delete(site.resolve("advisories/2025/FIX-2025-0002.md"));
    rebuild();
    assertThat(live.resolve("advisories/FIX-2025-0002")).doesNotExist();
    assertSameAsFullBuild();
  }

  @Test
  void aThemeErrorIsAClearErrorOfDiscloseBuildNotAnInternalOne() throws Exception {
    Path templates = site.resolve("theme/templates");
    Files.createDirectories(templates);
    edit(site.resolve("site-config.yaml"), s -> s + "theme: theme\n");
    Files.writeString(templates.resolve("prose.peb"), "{{ title | html }}");
    CliRun run = CliRun.in(site, "build", "--now", NOW.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("template prose failed for policy/", "the html filter only prints SafeHtml")
        .doesNotContain("internal error", "Exception");
  }

  private static Map<String, String> hashes(Path root) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(
            root.relativize(p).toString(),
            HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
      }
    }
    return out;
  }
}
