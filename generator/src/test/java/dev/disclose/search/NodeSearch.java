package dev.disclose.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the browser's search.js under Node over a built index, as the search page does: the query,
 * the chosen facets applied to its results, and the facet counts shown beside them.
 */
final class NodeSearch {
  /** One search: what was typed and the facet values chosen (facet → value). */
  record Search(String query, Map<String, String> chosen) {
    static Search of(String query) {
      return new Search(query, Map.of());
    }
  }

  /**
   * What the page shows for a search: the IDs of the results (the chosen facets applied), in order,
   * and the facet counts (facet → value → count).
   */
  record Shown(List<String> ids, Map<String, Map<String, Integer>> counts) {}

  private NodeSearch() {}

  static Map<Search, Shown> run(Path temp, Path index, List<Search> searches) throws Exception {
    Path engine = Files.createTempDirectory(temp, "engine");
    Files.writeString(engine.resolve("package.json"), "{\"type\": \"module\"}\n");
    for (String f : List.of("analyzer.js", "search.js"))
      Files.copy(SearchQueryTest.ASSETS.resolve(f), engine.resolve(f));
    Files.writeString(
        engine.resolve("run.mjs"),
        """
        import { createSearch } from './search.js';
        import { readFile } from 'node:fs/promises';
        const [index, searchesFile] = process.argv.slice(2);
        const searches = JSON.parse(await readFile(searchesFile, 'utf8'));
        const engine = createSearch(async (p) => JSON.parse(await readFile(`${index}/${p}`, 'utf8')));
        const out = [];
        for (const { query, chosen } of searches) {
          const all = await engine.query(query);
          const shown = await engine.filter(all, chosen);
          const counts = await engine.facets(all, chosen);
          out.push({ ids: (await engine.docs(shown)).map((d) => d[0]), counts });
        }
        process.stdout.write(JSON.stringify(out));
        """);
    List<Map<String, Object>> input = new ArrayList<>();
    for (Search s : searches) input.add(Map.of("query", s.query(), "chosen", s.chosen()));
    Path searchesFile = engine.resolve("searches.json");
    new ObjectMapper().writeValue(searchesFile.toFile(), input);
    Process p =
        new ProcessBuilder("node", "run.mjs", index.toString(), searchesFile.toString())
            .directory(engine.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    byte[] bytes = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    JsonNode answers = new ObjectMapper().readTree(bytes);
    Map<Search, Shown> out = new LinkedHashMap<>();
    for (int i = 0; i < searches.size(); i++) {
      JsonNode a = answers.get(i);
      List<String> ids = new ArrayList<>();
      a.path("ids").forEach(n -> ids.add(n.asText()));
      Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
      a.path("counts")
          .fields()
          .forEachRemaining(
              f -> {
                Map<String, Integer> values = new LinkedHashMap<>();
                f.getValue()
                    .fields()
                    .forEachRemaining(v -> values.put(v.getKey(), v.getValue().asInt()));
                counts.put(f.getKey(), values);
              });
      out.put(searches.get(i), new Shown(ids, counts));
    }
    return out;
  }
}
