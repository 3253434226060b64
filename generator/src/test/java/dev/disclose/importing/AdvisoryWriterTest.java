package dev.disclose.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.disclose.advisory.Advisory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A renamed record's file made from the record's own, key by key, is the file {@link
 * AdvisoryWriter#write} writes for it whole.
 */
class AdvisoryWriterTest {
  static final Path CORPORA = Path.of("../../shared/corpora");

  static final String RECORD =
      """
      {"schema_version": "1.7.5", "id": "GHSA-2x2x-3c3c-4f4f", "modified": "2025-03-10T00:00:00Z",
       "published": "2025-03-04T00:00:00Z", "withdrawn": "2025-04-01T00:00:00Z",
       "aliases": ["CVE-2025-10001"], "related": ["GHSA-9x9x-8c8c-7f7f"],
       "details": "Joined paths without normalizing them.\\n\\n    indented: code\\n---\\nlast",
       "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
       "affected": [{"package": {"ecosystem": "PyPI", "name": "fixture-server"},
         "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "1.0.0"}, {"fixed": "1.4.2"}]}],
         "versions": ["1.0", "1.0.1", "1.1.0-rc.1"],
         "ecosystem_specific": {"imports": [{"path": "a/b", "symbols": ["F", "G"]}]}}],
       "references": [{"type": "WEB", "url": "https://example.org/a: b"}],
       "credits": [{"name": "Ada Finder", "contact": ["mailto:ada@example.org"], "type": "FINDER"}],
       "database_specific": {"note": "a line\\nand another: with a colon", "n": 3}}
      """;

  @Test
  void aRenamedRecordsFileIsTheWholeFile() {
    Advisory imported = imported(RECORD);
    String text = AdvisoryWriter.write(imported);
    for (Advisory renamed : renamings(imported)) {
      assertThat(AdvisoryWriter.writeLike(renamed, imported, text))
          .isEqualTo(AdvisoryWriter.write(renamed));
    }
  }

  @Test
  void aTextThatDoesNotSplitByKeysIsWrittenWhole() {
    Advisory imported = imported(RECORD);
    Advisory renamed = renamings(imported).get(0);
    String text = AdvisoryWriter.write(imported);
    for (String other :
        List.of(
            "", "---\n", text.replace("\ntitle:", "\n\ntitle:"), text.replace("---\nid", "id"))) {
      assertThat(AdvisoryWriter.writeLike(renamed, imported, other))
          .isEqualTo(AdvisoryWriter.write(renamed));
    }
  }

  /** Every OSV record of ../shared/corpora, renamed as the import renames it. */
  @Test
  void realRecordsRenamedAreTheirWholeFiles() throws Exception {
    assumeTrue(Files.isDirectory(CORPORA), "../shared/corpora is not present");
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("rustsec/osv", "go-vulndb-osv", "pypa-osv")) {
      try (Stream<Path> walk = Files.walk(CORPORA.resolve(dir))) {
        walk.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".yaml"))
            .sorted()
            .forEach(files::add);
      }
    }
    List<AdvisoryImport.Input> inputs = new ArrayList<>();
    for (Path f : files)
      inputs.add(
          new AdvisoryImport.Input(
              f.toString(), Files.readAllBytes(f), f.toString().endsWith(".yaml")));
    int checked = 0;
    for (AdvisoryImport.Candidate c : OsvImport.candidates(inputs, "IMP")) {
      if (c.written().isEmpty()) continue;
      AdvisoryImport.Written w = c.written().get();
      for (Advisory renamed : renamings(w.advisory())) {
        assertThat(AdvisoryWriter.writeLike(renamed, w.advisory(), w.text()))
            .as(c.origin())
            .isEqualTo(AdvisoryWriter.write(renamed));
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(3_000);
  }

  private static Advisory imported(String json) {
    return OsvImport.candidates(
            List.of(new AdvisoryImport.Input("record.json", json.getBytes(), false)), "IMP")
        .get(0)
        .advisory()
        .orElseThrow();
  }

  /** The record under a site ID with its ID as an alias; also retitled, and with no aliases. */
  private static List<Advisory> renamings(Advisory a) {
    List<String> aliases = new ArrayList<>(a.aliases());
    aliases.add(0, a.id());
    Advisory renamed = a.withId("IMP-2025-0001", aliases);
    return List.of(renamed, renamed.withTitle("A title: of its own"), a.withId(a.id(), List.of()));
  }
}
