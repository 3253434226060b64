package dev.disclose.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.disclose.plan.SiteTools;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.ExternalTools;
import dev.disclose.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index the build writes (Java, Lucene's analysis) and the engine the browser runs (search.js
 * under Node) agree: on the demo site, each query finds the advisories a reader expects, first.
 */
class SearchQueryTest {
  static final Path ASSETS = Path.of("../themes/default/assets/search");

  /** Query → the IDs expected at the top, in order (a prefix of the results). */
  static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put("CVE-2026-30517", List.of("DEMO-2026-0002"));
    EXPECTED.put("CVE-2026-41277", List.of()); // the embargoed advisory's alias: nothing
    EXPECTED.put("cve 2026 30517", List.of("DEMO-2026-0002"));
    EXPECTED.put("cve-2024-28417", List.of("DEMO-2024-0001"));
    EXPECTED.put("GHSA-4vrj-q8r5-34mp", List.of("DEMO-2026-0002"));
    EXPECTED.put("ghsa 7q2x 4m9f r3vc", List.of("DEMO-2025-0004"));
    EXPECTED.put("DEMO-2025-0004", List.of("DEMO-2025-0004"));
    EXPECTED.put("demo20250008", List.of("DEMO-2025-0008"));
    EXPECTED.put("corvid-vmm-legacy", List.of("DEMO-2026-0003"));
    EXPECTED.put("corvid-vmm", List.of("DEMO-2025-0002"));
    EXPECTED.put("corvid-vir", List.of("DEMO-2025-0008", "DEMO-2024-0004"));
    EXPECTED.put("@corvid/console", List.of("DEMO-2025-0007", "DEMO-2025-0001"));
    EXPECTED.put("sandbox escape", List.of("DEMO-2026-0001"));
    EXPECTED.put("pickled prompt cache", List.of("DEMO-2024-0001"));
    EXPECTED.put("path traversal", List.of("DEMO-2025-0004"));
    EXPECTED.put("symbolic links", List.of("DEMO-2025-0005"));
    EXPECTED.put("server-side request forgery", List.of("DEMO-2025-0006"));
    EXPECTED.put("xml external entities", List.of("DEMO-2024-0005"));
    EXPECTED.put("prototype pollution", List.of("DEMO-2025-0007"));
    EXPECTED.put("use after free", List.of("DEMO-2025-0002"));
    EXPECTED.put("hostname verification", List.of("DEMO-2026-0002"));
    EXPECTED.put("registry credentials", List.of("DEMO-2024-0002"));
    EXPECTED.put("unmaintained", List.of("DEMO-2026-0003"));
    EXPECTED.put("memory exhaustion", List.of("DEMO-2024-0003"));
    EXPECTED.put("cross-site scripting", List.of("DEMO-2025-0001"));
    EXPECTED.put("sanitiz", List.of("DEMO-2025-0007")); // a word being typed
    EXPECTED.put("webhooks tls", List.of("DEMO-2025-0003"));
  }

  @TempDir Path temp;

  @Test
  void queriesFindTheAdvisoriesAReaderExpectsFirst() throws Exception {
    ExternalTools.requireNode();
    Path out = temp.resolve("site");
    SiteTools.buildDemo(out);
    JsonNode answers = search(out.resolve("search-index"), EXPECTED.keySet());
    assertThat(answers.path("errors").size()).as(answers.path("errors").toString()).isZero();
    JsonNode results = answers.path("results");

    List<String> wrong = new ArrayList<>();
    EXPECTED.forEach(
        (q, expected) -> {
          List<String> got = new ArrayList<>();
          results.path(q).forEach(n -> got.add(n.asText()));
          if (q.toUpperCase().startsWith("CVE-")
              && expected.size() <= 1
              && got.size() != expected.size()) {
            wrong.add(q + " → an exact ID finds that advisory alone: " + got);
          }
          if (expected.isEmpty()) return;
          // The expected advisories first; among equals (a package's advisories) in any order.
          if (got.size() < expected.size()
              || !new HashSet<>(got.subList(0, expected.size())).equals(new HashSet<>(expected))
              || (expected.size() == 1 && !got.get(0).equals(expected.get(0)))) {
            wrong.add(q + " → " + got);
          }
          if (got.stream()
              .anyMatch(id -> id.equals("DEMO-2026-0004") || id.equals("DEMO-2026-0005"))) {
            wrong.add(q + " → an unpublished advisory: " + got);
          }
        });
    assertThat(EXPECTED).hasSizeGreaterThanOrEqualTo(20);
    assertThat(wrong).isEmpty();
  }

  /**
   * Words that name members of JavaScript's Object.prototype ({@code constructor}, {@code
   * __proto__}) are words like any other: the engine answers them without an error, finds the
   * advisory that holds them, and nothing where no advisory does.
   */
  @Test
  void prototypeMemberNamesAreQueriesLikeAnyOther() throws Exception {
    ExternalTools.requireNode();
    Path plain = TestSites.withConfig(temp.resolve("plain"));
    TestSites.write(
        plain, "advisories/2025/DEMO-2025-0001.md", TestSites.validAdvisory("DEMO-2025-0001"));
    Path pollution = temp.resolve("pollution");
    TestSites.copyTree(plain, pollution);
    TestSites.write(
        pollution,
        "advisories/2025/DEMO-2025-0002.md",
        TestSites.validAdvisory("DEMO-2025-0002")
            .replace("CVE-2025-31337", "CVE-2025-31338")
            .replace(
                "title: Path traversal in the model download endpoint",
                "title: Prototype pollution through __proto__ and constructor keys")
            .replace("without normalizing it.", "without normalizing it; toString ran too."));
    List<String> words = List.of("__proto__", "constructor", "toString", "__pro", "constr");
    List<String> members =
        List.of("hasOwnProperty", "valueOf", "isPrototypeOf", "__defineGetter__", "toLocaleString");

    Map<String, List<String>> expected = new LinkedHashMap<>();
    words.forEach(q -> expected.put(q, List.of("DEMO-2025-0002")));
    members.forEach(q -> expected.put(q, List.of()));
    assertThat(answers(pollution, expected.keySet())).isEqualTo(expected);

    expected.replaceAll((q, ids) -> List.of());
    assertThat(answers(plain, expected.keySet())).isEqualTo(expected);
  }

  /** The IDs the engine finds for each query in {@code site}'s search index, which it exports. */
  private Map<String, List<String>> answers(Path site, Collection<String> queries)
      throws Exception {
    Path index = site.resolve("_index");
    CliRun export =
        CliRun.in(
            site,
            "export",
            "search-index",
            "--out",
            index.toString(),
            "--now",
            "2026-11-23T00:00:00Z");
    assertThat(export.exitCode()).as(export.out() + export.err()).isZero();
    JsonNode answers = search(index, queries);
    assertThat(answers.path("errors").toString()).isEqualTo("{}");
    Map<String, List<String>> got = new LinkedHashMap<>();
    for (String q : queries) {
      List<String> found = new ArrayList<>();
      answers.path("results").path(q).forEach(n -> found.add(n.asText()));
      got.put(q, found);
    }
    return got;
  }

  /**
   * Runs search.js under Node over {@code index}: for each query, the IDs it finds (typing, with
   * facets counted and filtered as the page does), or the error it threw.
   */
  JsonNode search(Path index, Collection<String> queries) throws Exception {
    Path engine = Files.createTempDirectory(temp, "engine");
    Files.writeString(engine.resolve("package.json"), "{\"type\": \"module\"}\n");
    for (String f : List.of("analyzer.js", "search.js"))
      Files.copy(ASSETS.resolve(f), engine.resolve(f));
    Files.writeString(
        engine.resolve("run.mjs"),
        """
        import { createSearch } from './search.js';
        import { readFile } from 'node:fs/promises';
        const [index, queriesFile] = process.argv.slice(2);
        const queries = JSON.parse(await readFile(queriesFile, 'utf8'));
        const engine = createSearch(async (p) => JSON.parse(await readFile(`${index}/${p}`, 'utf8')));
        const results = new Map();
        const errors = new Map();
        for (const q of queries) {
          try {
            const found = await engine.query(q);
            await engine.query(q + ' ', { typing: false });
            await engine.facets(found);
            await engine.filter(found, { ecosystem: q, severity: q, year: q });
            results.set(q, (await engine.docs(found)).map((d) => d[0]));
          } catch (e) {
            errors.set(q, String((e && e.stack) || e));
          }
        }
        const json = (map) => Object.fromEntries(map);
        process.stdout.write(JSON.stringify({ results: json(results), errors: json(errors) }));
        """);
    Path queriesFile = engine.resolve("queries.json");
    new ObjectMapper().writeValue(queriesFile.toFile(), new ArrayList<>(queries));
    Process p =
        new ProcessBuilder("node", "run.mjs", index.toString(), queriesFile.toString())
            .directory(engine.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    byte[] bytes = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    return new ObjectMapper().readTree(bytes);
  }
}
