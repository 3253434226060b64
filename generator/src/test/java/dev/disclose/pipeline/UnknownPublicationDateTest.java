package dev.disclose.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.disclose.advisory.Advisory;
import dev.disclose.catalog.Catalog;
import dev.disclose.check.CheckedSite;
import dev.disclose.diagnostic.Rule;
import dev.disclose.format.FileSink;
import dev.disclose.format.OutputFormat;
import dev.disclose.load.LoadRequest;
import dev.disclose.load.PathDisplay;
import dev.disclose.load.SiteRoot;
import dev.disclose.memo.Memo;
import dev.disclose.pages.PageRenderer;
import dev.disclose.plan.PageSpec;
import dev.disclose.plan.PlanRequest;
import dev.disclose.plan.SitePlan;
import dev.disclose.plan.SitePlanner;
import dev.disclose.testing.ExternalTools;
import dev.disclose.testing.Golden;
import dev.disclose.testing.TestSites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A public advisory whose publication date is unknown (an imported record's may be) is planned and
 * exported as such: listed by the year its ID names, or as undated, and never dated by a made-up
 * time. The fixture's imported IMP-2023-0097 knows only its {@code modified}; IMP-2022-0003 and
 * GHSA-2x2x-3c3c-4f4f know no date at all.
 */
class UnknownPublicationDateTest {
  static final Path FIXTURE = Path.of("src/test/resources/sites/undated");
  static final Path GOLDEN = Path.of("src/test/resources/golden/undated");
  static final Path OSV_SCHEMA = Path.of("../../shared/schemas/osv-schema-1.7.5.json");
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  /** Times a made-up date would show as: the epoch, year 1 and year 2000. */
  static final List<String> MADE_UP = List.of("1970-01-01", "0001-01-01", "2000-01-01");

  @TempDir Path temp;
  CheckedSite checked;

  @BeforeEach
  void check() throws Exception {
    // A copy outside git: the fixture's own commits would date its advisories.
    Path site = temp.resolve("site");
    TestSites.copyTree(FIXTURE, site);
    checked =
        Pipeline.oneOff()
            .check(LoadRequest.toBuild(SiteRoot.open(site, new PathDisplay(site))), NOW);
    assertThat(checked.diagnostics())
        .as("an imported record may go without `published`: a warning")
        .allMatch(d -> !d.isError() && d.rule() == Rule.REQUIRED)
        .hasSize(3);
  }

  private Map<String, byte[]> export(String format) throws Exception {
    OutputFormat f = OutputFormats.named(format).orElseThrow();
    Map<String, byte[]> files = new TreeMap<>();
    Pipeline.oneOff().export(checked, f, FileSink.inMemory(files));
    return files;
  }

  private static String text(Map<String, byte[]> files, String name) {
    assertThat(files).containsKey(name);
    return new String(files.get(name), StandardCharsets.UTF_8);
  }

  private static List<String> ids(List<Advisory> advisories) {
    return advisories.stream().map(Advisory::id).toList();
  }

  @Test
  void listsPlaceItInTheYearItsIdNamesAfterThatYearsDatedOnes() {
    Catalog catalog = checked.publicCatalog();
    assertThat(ids(catalog.advisories()))
        .containsExactly(
            "IMP-2024-0001",
            "IMP-2023-0005",
            "IMP-2023-0097",
            "IMP-2022-0003",
            "GHSA-2x2x-3c3c-4f4f");
    assertThat(catalog.byYear().keySet()).containsExactly(2024, 2023, 2022);
    assertThat(ids(catalog.byYear().get(2023))).containsExactly("IMP-2023-0005", "IMP-2023-0097");
    assertThat(ids(catalog.undated())).containsExactly("GHSA-2x2x-3c3c-4f4f");
  }

  @Test
  void pagesSayThePublicationDateIsUnknown() {
    SitePlanner planner = new SitePlanner(Memo.NONE);
    SitePlan plan = planner.plan(checked, planner.publication(checked, PlanRequest.PUBLIC));
    PageRenderer renderer = new PageRenderer(plan.theme().folder(), plan.site());
    Map<String, String> html = new TreeMap<>();
    for (PageSpec p : plan.pages()) html.put(p.path(), renderer.render(p));

    assertThat(html.get("advisories/IMP-2023-0097/"))
        .contains("<dt>Published</dt><dd>unknown</dd>")
        .contains("<dt>Modified</dt><dd><time datetime=\"2024-02-01\">2024-02-01</time></dd>");
    assertThat(html.get("advisories/IMP-2023-0005/"))
        .contains("<dt>Published</dt><dd><time datetime=\"2023-03-01\">2023-03-01</time></dd>");
    // An imported advisory names the record it came from; one written here names none.
    assertThat(html.get("advisories/IMP-2022-0003/"))
        .contains(
            "<dt>Imported from</dt><dd><a href=\"https://osv.dev/vulnerability/PYSEC-2022-3\">"
                + "PYSEC-2022-3</a>, the Python Packaging Advisory Database</dd>");
    assertThat(html.get("advisories/IMP-2023-0005/")).doesNotContain("Imported from");
    assertThat(html.get("years/2023/"))
        .contains(
            "2 advisories published in 2023; 1 of them on a date not known, listed by the year"
                + " their ID names.")
        .containsSubsequence("IMP-2023-0005", "IMP-2023-0097", "<td>unknown</td>");
    assertThat(html.get("years/undated/")).contains("GHSA-2x2x-3c3c-4f4f", "<td>unknown</td>");
    assertThat(html.get("years/")).contains("<a href=\"../years/undated/\">Undated</a>");
    assertThat(html.get("")).contains("<a href=\"./years/undated/\">Undated</a>");
    html.forEach(
        (path, page) ->
            assertThat(page).as(path).doesNotContain(MADE_UP).doesNotContain("years/1970/"));
  }

  @Test
  void feedsDateItByItsLastChangeOrLeaveItOut() throws Exception {
    String json = text(export("json-feed"), "feed.json");
    Golden.assertMatches(GOLDEN.resolve("feed.json"), json);
    JsonNode items = JSON.readTree(json).path("items");
    assertThat(List.of(items.get(0), items.get(1), items.get(2)))
        .extracting(i -> i.path("id").asText())
        .containsExactly(
            "https://example.org/security/advisories/IMP-2024-0001/",
            "https://example.org/security/advisories/IMP-2023-0005/",
            "https://example.org/security/advisories/IMP-2023-0097/");
    assertThat(items.get(2).has("date_published")).isFalse();
    assertThat(items.get(2).path("date_modified").asText()).isEqualTo("2024-02-01T00:00:00Z");

    String atom = text(export("atom"), "atom.xml");
    String entry = atom.substring(atom.indexOf("IMP-2023-0097: "));
    entry = entry.substring(0, entry.indexOf("</entry>"));
    assertThat(entry)
        .contains("<updated>2024-02-01T00:00:00Z</updated>")
        .doesNotContain("<published>");
    String rss = text(export("rss"), "feed.xml");
    String item = rss.substring(rss.indexOf("IMP-2023-0097: "));
    assertThat(item.substring(0, item.indexOf("</item>"))).doesNotContain("<pubDate>");
    for (String feed : List.of(json, atom, rss))
      assertThat(feed)
          .doesNotContain("IMP-2022-0003", "GHSA-2x2x-3c3c-4f4f")
          .doesNotContain("1970");
  }

  @Test
  void osvLeavesPublishedOutAndTakesTheZeroTimeWhenNothingIsKnown() throws Exception {
    Map<String, byte[]> files = export("osv");
    for (String id : List.of("x_IMP-2023-0097", "x_IMP-2022-0003"))
      Golden.assertMatches(GOLDEN.resolve("osv/" + id + ".json"), text(files, id + ".json"));
    JsonNode known = JSON.readTree(files.get("x_IMP-2023-0097.json"));
    assertThat(known.has("published")).isFalse();
    assertThat(known.path("modified").asText()).isEqualTo("2024-02-01T12:00:00Z");
    JsonNode none = JSON.readTree(files.get("x_IMP-2022-0003.json"));
    assertThat(none.has("published")).isFalse();
    assertThat(none.path("modified").asText()).isEqualTo("0001-01-01T00:00:00Z");

    assumeTrue(Files.exists(OSV_SCHEMA), "../shared/schemas is not present");
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(Files.readString(OSV_SCHEMA), InputFormat.JSON);
    for (JsonNode record : List.of(known, none))
      assertThat(schema.validate(record.toString(), InputFormat.JSON)).isEmpty();
  }

  @Test
  void vexCveAndCsafLeaveThePublicationDateOut() throws Exception {
    JsonNode vex = JSON.readTree(export("cyclonedx").get("vex.json"));
    assertThat(vex.at("/metadata/timestamp").asText()).isEqualTo("2024-06-01T00:00:00Z");
    for (JsonNode v : vex.path("vulnerabilities")) {
      String id = v.path("id").asText();
      assertThat(v.has("published"))
          .as(id)
          .isEqualTo(id.startsWith("IMP-2024") || id.equals("IMP-2023-0005"));
    }

    Map<String, byte[]> cve = export("cve");
    assertThat(cve.keySet()).anyMatch(name -> name.contains("CVE-2023-99997"));
    cve.forEach(
        (name, bytes) ->
            assertThat(new String(bytes, StandardCharsets.UTF_8))
                .as(name)
                .doesNotContain("datePublic", "datePublished"));

    Map<String, byte[]> csaf = export("csaf");
    JsonNode known = JSON.readTree(csaf.get("white/2024/imp-2023-0097.json"));
    assertThat(known.at("/document/tracking/initial_release_date").asText())
        .isEqualTo("2024-02-01T12:00:00Z");
    // Nothing known and no git: the build's time, as for a draft's preview.
    JsonNode none = JSON.readTree(csaf.get("white/2026/imp-2022-0003.json"));
    assertThat(none.at("/document/tracking/initial_release_date").asText())
        .isEqualTo("2026-01-01T00:00:00Z");
  }

  @Test
  void rustSecLeavesItOutWithANote() throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    OutputFormat.Written written =
        Pipeline.oneOff()
            .export(
                checked, OutputFormats.named("rustsec").orElseThrow(), FileSink.inMemory(files));
    assertThat(files.keySet()).noneMatch(f -> f.contains("IMP-2023-0097"));
    assertThat(written.notes())
        .anyMatch(
            n ->
                n.contains(
                    "IMP-2023-0097's publication date is not known, and a RustSec file needs one"
                        + " (`date`): not exported"));
  }

  @Test
  void searchFacetsListItsYearOrUndatedNever1970() throws Exception {
    Map<String, byte[]> files = export("search-index");
    JsonNode meta = JSON.readTree(files.get("meta.json"));
    assertThat(meta.path("minYear").asInt()).isEqualTo(2022);
    assertThat(JSON.readTree(files.get("f.json")).path("y").toString())
        .isEqualTo("[[2,1],[1,2],[0,1],[-1,1]]");
    assertThat(text(files, "d/0.json")).contains("date unknown").doesNotContain(MADE_UP);

    ExternalTools.requireNode();
    Path index = temp.resolve("index");
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Path p = index.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.write(p, f.getValue());
    }
    Path engine = temp.resolve("engine");
    Files.createDirectories(engine);
    Files.writeString(engine.resolve("package.json"), "{\"type\": \"module\"}\n");
    for (String f : List.of("analyzer.js", "search.js"))
      Files.copy(Path.of("../themes/default/assets/search").resolve(f), engine.resolve(f));
    Files.writeString(
        engine.resolve("run.mjs"),
        """
        import { createSearch } from './search.js';
        import { readFile } from 'node:fs/promises';
        const engine = createSearch(async (p) => JSON.parse(await readFile(`${process.argv[2]}/${p}`, 'utf8')));
        process.stdout.write(JSON.stringify((await engine.facets([0, 1, 2, 3, 4])).year));
        """);
    Process p =
        new ProcessBuilder("node", "run.mjs", index.toString())
            .directory(engine.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String years = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(JSON.readTree(years))
        .isEqualTo(JSON.readTree("{\"2022\":1,\"2023\":2,\"2024\":1,\"undated\":1}"));
  }
}
