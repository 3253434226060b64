package dev.disclose.osv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.disclose.testing.CliRun;
import dev.disclose.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OSV folder as OSV.dev's REST source importer reads it (google/osv.dev, {@code
 * go/internal/importer/rest.go}): {@code rest_api_url} is {@code all.json}, an array of {@code {id,
 * modified}}; each record is at {@code <link><id>.json}; a record missing from the list is
 * withdrawn on OSV.dev's side, so the list names every record file.
 */
class OsvRestSourceTest {
  @TempDir Path temp;

  @Test
  void allJsonListsEveryRecordWithTheModifiedOfItsFile() throws Exception {
    for (String fixture : new String[] {"sites/go", "sites/exports"}) {
      Path site = temp.resolve(fixture);
      TestSites.copyTree(Path.of("src/test/resources").resolve(fixture), site);
      CliRun run = CliRun.in(site, "export", "osv", "--out", "osv", "--now", CliRun.NOW.toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      ObjectMapper json = new ObjectMapper();
      Set<String> listed = new TreeSet<>();
      for (JsonNode entry : json.readTree(site.resolve("osv/all.json").toFile())) {
        String id = entry.get("id").asText();
        JsonNode record = json.readTree(site.resolve("osv/" + id + ".json").toFile());
        assertThat(record.get("id").asText()).isEqualTo(id);
        assertThat(record.get("modified").asText()).isEqualTo(entry.get("modified").asText());
        listed.add(id + ".json");
      }
      try (Stream<Path> files = Files.list(site.resolve("osv"))) {
        assertThat(
                files
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.equals("all.json")))
            .as(fixture)
            .containsExactlyInAnyOrderElementsOf(listed);
      }
    }
  }
}
