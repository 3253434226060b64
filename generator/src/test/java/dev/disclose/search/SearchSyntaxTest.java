package dev.disclose.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.cwe.CweAbbreviations;
import dev.disclose.search.NodeSearch.Search;
import dev.disclose.search.NodeSearch.Shown;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.ExternalTools;
import dev.disclose.testing.TestSites;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a reader can type into the search page, through search.js under Node over the demo's index
 * (and, for the whole abbreviation table, a site made for it): packages by their whole name, last
 * segment and prefixes; the operators severity:, ecosystem:, year:, cwe:; abbreviations of CWEs;
 * partial IDs; and facet counts that follow the query and the chosen facets.
 */
class SearchSyntaxTest {
  private static final List<String> CORVID_SERVE =
      List.of(
          "DEMO-2026-0001",
          "DEMO-2025-0006",
          "DEMO-2025-0005",
          "DEMO-2025-0004",
          "DEMO-2024-0003",
          "DEMO-2024-0001");
  private static final List<String> HIGH =
      List.of(
          "DEMO-2026-0002",
          "DEMO-2025-0004",
          "DEMO-2025-0002",
          "DEMO-2025-0001",
          "DEMO-2024-0004",
          "DEMO-2024-0003",
          "DEMO-2024-0001");
  private static final List<String> YEAR_2025 =
      List.of(
          "DEMO-2025-0008",
          "DEMO-2025-0007",
          "DEMO-2025-0006",
          "DEMO-2025-0005",
          "DEMO-2025-0004",
          "DEMO-2025-0003",
          "DEMO-2025-0002",
          "DEMO-2025-0001");

  @TempDir static Path temp;
  private static Path demo;

  @BeforeAll
  static void demoIndex() {
    ExternalTools.requireNode();
    demo = export(Path.of(".."), temp.resolve("demo-index"));
  }

  @Test
  void aPackageIsFoundByItsWholeNameItsLastSegmentAndPrefixesItsAdvisoriesFirst() throws Exception {
    Map<String, List<String>> first = new LinkedHashMap<>();
    List<String> client = List.of("DEMO-2026-0002", "DEMO-2024-0005");
    first.put("dev.corvid:corvid-client", client);
    first.put("corvid-client", client); // Maven artifactId
    first.put("corvid-cli", client);
    first.put("dev.corvid:corvid-c", client);
    List<String> console = List.of("DEMO-2025-0007", "DEMO-2025-0001");
    first.put("@corvid/console", console);
    first.put("console", console); // npm name without its scope
    first.put("conso", console);
    List<String> operator = List.of("DEMO-2025-0003", "DEMO-2024-0002");
    first.put("github.com/corvid-dev/corvid-operator", operator);
    first.put("corvid-operator", operator); // Go module path's last element
    first.put("corvid-oper", operator);
    first.put("corvid-serve", CORVID_SERVE);
    first.put("corvid_serve", CORVID_SERVE); // PyPI's normalized spellings
    first.put("Corvid.Serve", CORVID_SERVE);
    first.put("corvid-vmm", List.of("DEMO-2025-0002"));
    first.put("corvid-vmm-legacy", List.of("DEMO-2026-0003"));
    assertFirst(demo, first);
  }

  @Test
  void operatorsNarrowTheResultsAloneOrWithWords() throws Exception {
    Map<String, List<String>> exactly = new LinkedHashMap<>();
    exactly.put("severity:high", HIGH);
    exactly.put("Severity:HIGH", HIGH);
    exactly.put("severity:critical", List.of("DEMO-2026-0001"));
    exactly.put("ecosystem:npm", List.of("DEMO-2025-0007", "DEMO-2025-0001"));
    exactly.put("ecosystem:pypi", CORVID_SERVE);
    exactly.put(
        "ecosystem:crates",
        List.of("DEMO-2026-0003", "DEMO-2025-0008", "DEMO-2025-0002", "DEMO-2024-0004"));
    exactly.put("ecosystem:cobol", List.of());
    exactly.put("year:2025", YEAR_2025);
    exactly.put("year:1999", List.of());
    exactly.put("cwe:79", List.of("DEMO-2025-0001"));
    exactly.put("CWE-79", List.of("DEMO-2025-0001"));
    exactly.put("cwe-918", List.of("DEMO-2025-0006"));
    exactly.put("cwe:22", List.of("DEMO-2025-0004"));
    exactly.put("cwe:7", List.of());
    exactly.put(
        "severity:high ecosystem:pypi",
        List.of("DEMO-2025-0004", "DEMO-2024-0003", "DEMO-2024-0001"));
    exactly.put("memory year:2025", List.of("DEMO-2025-0008", "DEMO-2025-0002"));
    exactly.put("corvid-serve severity:medium", List.of("DEMO-2025-0006", "DEMO-2025-0005"));
    exactly.put("ecosystem:maven cwe:611", List.of("DEMO-2024-0005"));
    exactly.put("year:2026 tls", List.of("DEMO-2026-0002"));
    Map<Search, Shown> shown = NodeSearch.run(temp, demo, searches(exactly.keySet()));
    Map<String, Set<String>> got = new LinkedHashMap<>();
    shown.forEach((s, r) -> got.put(s.query(), new TreeSet<>(r.ids())));
    Map<String, Set<String>> want = new LinkedHashMap<>();
    exactly.forEach((q, ids) -> want.put(q, new TreeSet<>(ids)));
    assertThat(got).isEqualTo(want);
  }

  @Test
  void aSeverityOrAnAbbreviationAsAWordFindsItsAdvisoriesFirst() throws Exception {
    Map<String, List<String>> first = new LinkedHashMap<>();
    first.put("high", HIGH);
    first.put("critical", List.of("DEMO-2026-0001"));
    first.put("XSS", List.of("DEMO-2025-0001"));
    first.put("xss console", List.of("DEMO-2025-0001"));
    first.put("SSRF", List.of("DEMO-2025-0006"));
    first.put("RCE", List.of("DEMO-2026-0001"));
    first.put("XXE", List.of("DEMO-2024-0005"));
    first.put("DoS", List.of("DEMO-2024-0003"));
    first.put("UAF", List.of("DEMO-2025-0002"));
    first.put("LFI", List.of("DEMO-2025-0004"));
    first.put("traversal", List.of("DEMO-2025-0004"));
    assertFirst(demo, first);
  }

  /**
   * Every row of the abbreviation table, on a site with an advisory for each CWE it names, none of
   * whose text uses an abbreviation: each abbreviation finds the advisories of its CWEs first.
   */
  @Test
  void everyAbbreviationFindsTheAdvisoriesOfItsCwes() throws Exception {
    Map<String, List<Integer>> table = CweAbbreviations.table();
    List<Integer> cwes = table.values().stream().flatMap(List::stream).distinct().sorted().toList();
    Path site = TestSites.withConfig(temp.resolve("abbreviations"));
    Map<Integer, String> idOf = new LinkedHashMap<>();
    for (int i = 0; i < cwes.size(); i++) {
      String id = "DEMO-2025-" + (1000 + i);
      idOf.put(cwes.get(i), id);
      TestSites.write(
          site,
          "advisories/2025/" + id + ".md",
          TestSites.validAdvisory(id)
              .replace("CVE-2025-31337", "CVE-2025-" + (41000 + i))
              .replace("[CWE-22]", "[CWE-" + cwes.get(i) + "]")
              .replace("Path traversal in the model download endpoint", "Flaw in the widget")
              .replace(
                  "joined the requested path to the model folder without normalizing it",
                  "handled the request wrongly"));
    }
    Map<String, List<String>> first = new LinkedHashMap<>();
    table.forEach(
        (abbreviation, numbers) ->
            first.put(abbreviation.toUpperCase(), numbers.stream().map(idOf::get).toList()));
    assertThat(first)
        .hasSizeGreaterThanOrEqualTo(10)
        .containsKeys("XSS", "SSRF", "RCE", "DOS", "CSRF", "SQLI", "XXE", "TRAVERSAL");
    assertFirst(export(site, site.resolve("_index")), first);
  }

  @Test
  void aPartialIdFindsTheIdsItBeginsAndAnExactIdRanksFirst() throws Exception {
    Map<String, List<String>> exactly = new LinkedHashMap<>();
    exactly.put("GHSA-7q2x-4m9f", List.of("DEMO-2025-0004"));
    exactly.put("ghsa-x654", List.of("DEMO-2025-0003"));
    exactly.put("CVE-2025-2662", List.of("DEMO-2025-0002"));
    exactly.put("cve 2024 4519", List.of("DEMO-2024-0003"));
    exactly.put("DEMO-2025-000", YEAR_2025);
    exactly.put("CVE-2026-4127", List.of()); // the embargoed advisory's alias, in part
    exactly.put("GHSA-62rx", List.of()); // and its GHSA
    Map<Search, Shown> shown = NodeSearch.run(temp, demo, searches(exactly.keySet()));
    shown.forEach(
        (s, r) ->
            assertThat(new HashSet<>(r.ids()))
                .as(s.query())
                .isEqualTo(new HashSet<>(exactly.get(s.query()))));

    Path site = TestSites.withConfig(temp.resolve("ids"));
    TestSites.write(
        site,
        "advisories/2025/DEMO-2025-0001.md",
        TestSites.validAdvisory("DEMO-2025-0001").replace("CVE-2025-31337", "CVE-2025-29781"));
    TestSites.write(
        site,
        "advisories/2025/DEMO-2025-0002.md",
        TestSites.validAdvisory("DEMO-2025-0002").replace("CVE-2025-31337", "CVE-2025-2978"));
    Path index = export(site, site.resolve("_index"));
    Map<Search, Shown> ids =
        NodeSearch.run(
            temp, index, searches(List.of("CVE-2025-2978", "CVE-2025-297", "CVE-2025-29781")));
    assertThat(ids.values().stream().map(Shown::ids).toList())
        .containsExactly(
            List.of("DEMO-2025-0002", "DEMO-2025-0001"),
            List.of("DEMO-2025-0002", "DEMO-2025-0001"),
            List.of("DEMO-2025-0001"));
  }

  /**
   * The counts beside the results are those of the query's results, and choosing a value of one
   * facet recounts the others among the docs that have it, keeping its own facet's alternatives.
   */
  @Test
  void facetCountsFollowTheQueryAndTheChosenFacets() throws Exception {
    Search serve = Search.of("ecosystem:pypi");
    Search serveHigh = new Search("ecosystem:pypi", Map.of("severity", "high"));
    Search serveHigh2024 = new Search("ecosystem:pypi", Map.of("severity", "high", "year", "2024"));
    Search npm = Search.of("ecosystem:npm");
    Map<Search, Shown> shown =
        NodeSearch.run(temp, demo, List.of(serve, serveHigh, serveHigh2024, npm));

    assertThat(shown.get(serve).ids()).isEqualTo(CORVID_SERVE);
    assertThat(shown.get(serve).counts())
        .isEqualTo(
            Map.of(
                "ecosystem", Map.of("PyPI", 6),
                "severity", Map.of("critical", 1, "high", 3, "medium", 2),
                "year", Map.of("2026", 1, "2025", 3, "2024", 2)));
    assertThat(shown.get(serveHigh).ids())
        .isEqualTo(List.of("DEMO-2025-0004", "DEMO-2024-0003", "DEMO-2024-0001"));
    assertThat(shown.get(serveHigh).counts())
        .isEqualTo(
            Map.of(
                "ecosystem", Map.of("PyPI", 3),
                "severity", Map.of("critical", 1, "high", 3, "medium", 2),
                "year", Map.of("2025", 1, "2024", 2)));
    assertThat(shown.get(serveHigh2024).ids())
        .isEqualTo(List.of("DEMO-2024-0003", "DEMO-2024-0001"));
    assertThat(shown.get(serveHigh2024).counts())
        .isEqualTo(
            Map.of(
                "ecosystem", Map.of("PyPI", 2),
                "severity", Map.of("high", 2),
                "year", Map.of("2025", 1, "2024", 2)));
    assertThat(shown.get(npm).counts())
        .isEqualTo(
            Map.of(
                "ecosystem", Map.of("npm", 2),
                "severity", Map.of("high", 1, "medium", 1),
                "year", Map.of("2025", 2)));
  }

  /** The first results of each query are the expected advisories, in any order among them. */
  private static void assertFirst(Path index, Map<String, List<String>> first) throws Exception {
    Map<Search, Shown> shown = NodeSearch.run(temp, index, searches(first.keySet()));
    List<String> wrong = new ArrayList<>();
    shown.forEach(
        (s, r) -> {
          List<String> want = first.get(s.query());
          List<String> got = r.ids();
          if (got.size() < want.size()
              || !new HashSet<>(got.subList(0, want.size())).equals(new HashSet<>(want))) {
            wrong.add(s.query() + " → " + got + ", not first " + want);
          }
          Set<String> unpublished = Set.of("DEMO-2026-0004", "DEMO-2026-0005");
          if (got.stream().anyMatch(unpublished::contains))
            wrong.add(s.query() + " → an unpublished advisory: " + got);
        });
    assertThat(wrong).isEmpty();
  }

  private static List<Search> searches(Iterable<String> queries) {
    List<Search> out = new ArrayList<>();
    queries.forEach(q -> out.add(Search.of(q)));
    return out;
  }

  /** {@code site}'s search index, exported to {@code out}. */
  private static Path export(Path site, Path out) {
    CliRun run =
        CliRun.in(
            site,
            "export",
            "search-index",
            "--out",
            out.toString(),
            "--now",
            "2026-11-23T00:00:00Z");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    return out;
  }
}
