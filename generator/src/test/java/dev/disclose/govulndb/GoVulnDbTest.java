package dev.disclose.govulndb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.disclose.advisory.Advisory;
import dev.disclose.catalog.Catalog;
import dev.disclose.config.SiteConfig;
import dev.disclose.load.LoadRequest;
import dev.disclose.load.PathDisplay;
import dev.disclose.load.SiteRoot;
import dev.disclose.memo.Memo;
import dev.disclose.pipeline.Pipeline;
import dev.disclose.testing.Golden;
import dev.disclose.version.VersionSchemes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The demo's Go vulnerability database: its files match their goldens, govulncheck's client finds
 * each advisory for exactly the versions it affects, and the indexes are what golang/vulndb
 * computes from the entries.
 */
class GoVulnDbTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/go/demo");
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();
  static final String OPERATOR = "github.com/corvid-dev/corvid-operator";

  /** The database of a site's public advisories at {@link #NOW}, dated by their files alone. */
  static GoVulnDbFormat.Made database(Path root) throws Exception {
    SiteRoot site = SiteRoot.open(root, new PathDisplay(root));
    SiteConfig config = Pipeline.oneOff().config(site);
    List<Advisory> all = Pipeline.oneOff().check(LoadRequest.toCheck(site), NOW).advisories();
    return GoVulnDbFormat.make(
            Catalog.publicAt(all, NOW).advisories(), config, a -> Optional.empty(), Memo.NONE)
        .orElseThrow();
  }

  @Test
  void theDemosDatabaseMatchesItsGoldenFiles() throws Exception {
    Map<String, byte[]> files = database(Path.of("..")).files();
    Set<String> plain = new TreeSet<>();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      if (f.getKey().endsWith(".gz")) continue;
      plain.add(f.getKey());
      Golden.assertMatches(
          GOLDEN.resolve(f.getKey()), new String(f.getValue(), StandardCharsets.UTF_8));
      // golang/vulndb's checkFiles: the compressed file holds the same bytes.
      assertThat(Govulncheck.gunzip(files.get(f.getKey() + ".gz"))).isEqualTo(f.getValue());
    }
    assertThat(plain)
        .containsExactly(
            "ID/x_DEMO-2024-0002.json",
            "ID/x_DEMO-2025-0003.json",
            "index/db.json",
            "index/modules.json",
            "index/vulns.json");
    assertThat(files).hasSize(2 * plain.size());
  }

  @Test
  void govulncheckFindsEachAdvisoryForTheVersionsItAffects() throws Exception {
    Map<String, byte[]> files = database(Path.of("..")).files();
    for (Govulncheck client : List.of(Govulncheck.file(files), Govulncheck.http(files))) {
      assertThat(client.lastModified()).isEqualTo(Instant.parse("2025-02-25T12:00:00Z"));
      assertThat(client.vulnerabilities(OPERATOR, "v0.3.9", NOW)).isEmpty();
      assertThat(client.vulnerabilities(OPERATOR, "v0.4.0", NOW))
          .containsExactly("x_DEMO-2024-0002");
      assertThat(client.vulnerabilities(OPERATOR, "v0.6.2", NOW)).isEmpty();
      assertThat(client.vulnerabilities(OPERATOR, "v1.2.2", NOW))
          .containsExactly("x_DEMO-2025-0003");
      assertThat(client.vulnerabilities(OPERATOR, "v1.2.3", NOW)).isEmpty();
      // The embargoed DEMO-2026-0004 (1.4.0 to 1.8.5) is in no file.
      assertThat(client.vulnerabilities(OPERATOR, "v1.5.0", NOW)).isEmpty();
      assertThat(client.vulnerabilities("github.com/corvid-dev/other", "v1.0.0", NOW)).isEmpty();
    }
  }

  /**
   * golang/vulndb's {@code Database.Add} and {@code osvutils.LatestFixed}: the indexes made of the
   * entries, and nothing in {@code index/} or {@code ID/} but their files.
   */
  @Test
  void theIndexesAreWhatGolangVulndbMakesOfTheEntries() throws Exception {
    for (Path root : List.of(Path.of(".."), GoExportTest.FIXTURE))
      indexesAreWhatGolangVulndbMakes(database(root).files());
  }

  private static void indexesAreWhatGolangVulndbMakes(Map<String, byte[]> files) throws Exception {
    List<JsonNode> entries = new ArrayList<>();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      String name = f.getKey();
      assertThat(name).matches("(index/(db|modules|vulns)|ID/[^/]+)\\.json(\\.gz)?");
      if (name.startsWith("ID/") && name.endsWith(".json")) {
        JsonNode entry = JSON.readTree(f.getValue());
        assertThat(name).isEqualTo("ID/" + entry.get("id").asText() + ".json");
        entries.add(entry);
      }
    }
    entries.sort(Comparator.comparing(e -> e.get("id").asText()));
    Instant modified = Instant.parse(GoVulnDb.NEVER);
    ArrayNode vulns = JSON.createArrayNode();
    Map<String, ArrayNode> modules = new TreeMap<>();
    for (JsonNode e : entries) {
      Instant m = OffsetDateTime.parse(e.get("modified").asText()).toInstant();
      if (m.isAfter(modified)) modified = m;
      ObjectNode v = vulns.addObject();
      v.put("id", e.get("id").asText());
      v.put("modified", e.get("modified").asText());
      if (e.has("aliases")) v.set("aliases", e.get("aliases"));
      for (JsonNode a : e.get("affected")) {
        ObjectNode mv =
            modules
                .computeIfAbsent(a.at("/package/name").asText(), p -> JSON.createArrayNode())
                .addObject();
        mv.put("id", e.get("id").asText());
        mv.put("modified", e.get("modified").asText());
        String fixed = latestFixed(a.path("ranges"));
        if (!fixed.isEmpty()) mv.put("fixed", fixed);
      }
    }
    ArrayNode modulesIndex = JSON.createArrayNode();
    modules.forEach((path, list) -> modulesIndex.addObject().put("path", path).set("vulns", list));
    assertThat(JSON.readTree(files.get("index/db.json")).get("modified").asText())
        .isEqualTo(modified.toString());
    assertThat(JSON.readTree(files.get("index/vulns.json"))).isEqualTo(vulns);
    assertThat(JSON.readTree(files.get("index/modules.json"))).isEqualTo(modulesIndex);
  }

  /** golang/vulndb's {@code osvutils.LatestFixed}. */
  private static String latestFixed(JsonNode ranges) {
    String latest = "";
    for (JsonNode r : ranges) {
      if (!r.get("type").asText().equals("SEMVER")) continue;
      for (JsonNode e : r.get("events")) {
        String fixed = e.path("fixed").asText("");
        if (!fixed.isEmpty() && (latest.isEmpty() || Govulncheck.less(latest, fixed)))
          latest = fixed;
      }
      for (JsonNode e : r.get("events")) {
        String introduced = e.path("introduced").asText("");
        if (!introduced.isEmpty()
            && !introduced.equals("0")
            && (latest.isEmpty() || Govulncheck.less(latest, introduced))) {
          latest = "";
          break;
        }
      }
    }
    return latest;
  }

  /**
   * Every entry decodes into govulncheck's types ({@code internal/osv.Entry}): times in RFC 3339,
   * texts and lists of texts where it has them, SEMVER versions without a {@code v}, Go packages
   * only, and the {@code database_specific.url} its report prints.
   */
  @Test
  void everyEntryDecodesIntoGovulnchecksTypes() throws Exception {
    for (Path root :
        List.of(Path.of(".."), Path.of("src/test/resources/sites/exports"), GoExportTest.FIXTURE)) {
      for (Map.Entry<String, byte[]> f : database(root).files().entrySet()) {
        if (!f.getKey().startsWith("ID/") || f.getKey().endsWith(".gz")) continue;
        JsonNode e = JSON.readTree(f.getValue());
        for (String time : List.of("modified", "published", "withdrawn"))
          if (e.has(time)) OffsetDateTime.parse(e.get(time).asText());
        for (String text : List.of("id", "summary", "details"))
          assertThat(e.path(text).isTextual() || e.path(text).isMissingNode()).isTrue();
        assertThat(e.get("database_specific").get("url").isTextual()).as(f.getKey()).isTrue();
        for (JsonNode a : e.get("affected")) {
          assertThat(a.at("/package/ecosystem").asText()).isEqualTo("Go");
          for (JsonNode r : a.path("ranges")) {
            assertThat(r.get("type").asText()).isEqualTo("SEMVER");
            for (JsonNode ev : r.get("events"))
              ev.fields()
                  .forEachRemaining(
                      x ->
                          assertThat(VersionSchemes.withoutVPrefix(x.getValue().asText()))
                              .isEqualTo(x.getValue().asText()));
          }
          for (JsonNode imported : a.at("/ecosystem_specific/imports")) {
            assertThat(imported.get("path").isTextual()).isTrue();
            for (String list : List.of("goos", "goarch", "symbols"))
              imported.path(list).forEach(s -> assertThat(s.isTextual()).isTrue());
          }
        }
      }
    }
  }
}
