package dev.disclose.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    CliRun run =
        CliRun.in(Path.of(".."), "build", "--out", out.toString(), "--now", "2026-11-23T00:00:00Z");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    Path engine = temp.resolve("engine");
    Files.createDirectories(engine);
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
        const out = {};
        for (const q of queries) out[q] = (await engine.docs(await engine.query(q))).map((d) => d[0]);
        process.stdout.write(JSON.stringify(out));
        """);
    Path queries = temp.resolve("queries.json");
    new ObjectMapper().writeValue(queries.toFile(), new ArrayList<>(EXPECTED.keySet()));
    Process p =
        new ProcessBuilder(
                "node", "run.mjs", out.resolve("search-index").toString(), queries.toString())
            .directory(engine.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    byte[] bytes = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    JsonNode results = new ObjectMapper().readTree(bytes);

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
}
