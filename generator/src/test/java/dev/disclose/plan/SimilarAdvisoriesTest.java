package dev.disclose.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryParser;
import dev.disclose.catalog.Catalog;
import dev.disclose.importing.AdvisoryImport;
import dev.disclose.importing.OsvImport;
import dev.disclose.load.LoadRequest;
import dev.disclose.load.PathDisplay;
import dev.disclose.load.SiteRoot;
import dev.disclose.pipeline.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SimilarAdvisoriesTest {
  static List<Advisory> demo() throws Exception {
    SiteRoot site = SiteRoot.open(Path.of(".."), new PathDisplay(Path.of("..")));
    Instant now = Instant.parse("2026-11-23T00:00:00Z");
    return Catalog.publicAt(
            Pipeline.oneOff().check(LoadRequest.toCheck(site), now).advisories(), now)
        .advisories();
  }

  @Test
  void samePackageAndWordingComeFirst() throws Exception {
    Map<String, List<String>> similar = SimilarAdvisories.of(demo());
    // Path traversal in corvid-serve → the symlink file write in corvid-serve's archive import.
    assertThat(similar.get("DEMO-2025-0004")).first().isEqualTo("DEMO-2025-0005");
    // The two corvid-virtio advisories find each other.
    assertThat(similar.get("DEMO-2024-0004")).first().isEqualTo("DEMO-2025-0008");
    assertThat(similar.get("DEMO-2025-0008")).first().isEqualTo("DEMO-2024-0004");
    // The two @corvid/console advisories too.
    assertThat(similar.get("DEMO-2025-0001")).first().isEqualTo("DEMO-2025-0007");
  }

  @Test
  void neverItselfNeverUnpublishedAndTheSameEveryTime() throws Exception {
    List<Advisory> all = demo();
    Map<String, List<String>> once = SimilarAdvisories.of(all);
    assertThat(once).hasSize(all.size());
    once.forEach(
        (id, list) -> {
          assertThat(list)
              .as(id)
              .doesNotContain(id, "DEMO-2026-0004", "DEMO-2026-0005")
              .hasSizeLessThanOrEqualTo(5)
              .doesNotHaveDuplicates();
        });
    assertThat(SimilarAdvisories.of(all)).isEqualTo(once);
  }

  static Advisory advisory(String id, String title, String cwe, String details) {
    String text =
        "---\nid: "
            + id
            + "\ntitle: "
            + title
            + "\npublished: 2025-01-01\ncwes: ["
            + cwe
            + "]\n"
            + "affected:\n  - ecosystem: PyPI\n    package: pkg-"
            + id.toLowerCase()
            + "\n    ranges:\n      - fixed: 1.0.1\n---\n"
            + details
            + "\n";
    AdvisoryParser.Parsed parsed = AdvisoryParser.parse(text, Path.of(id + ".md"), id + ".md");
    assertThat(parsed.advisory()).as(parsed.diagnostics().toString()).isPresent();
    return parsed.advisory().get();
  }

  @Test
  void tiesGoToTheAdvisoryFirstInCatalogOrder() {
    // D shares only its weakness with A, B and C, which score alike for it: listed in the
    // catalog's order, not by ID.
    List<Advisory> all =
        List.of(
            advisory("T-3", "Alpha", "CWE-79", "Nothing in common."),
            advisory("T-1", "Bravo", "CWE-79", "Nothing shared here."),
            advisory("T-2", "Charlie", "CWE-79", "Unrelated words only."),
            advisory("T-4", "Delta", "CWE-79", "Different text entirely."));
    assertThat(SimilarAdvisories.of(all).get("T-4")).containsExactly("T-3", "T-1", "T-2");
    // The same wording outweighs order: E's text is D's.
    List<Advisory> more = new ArrayList<>(all);
    more.add(advisory("T-5", "Echo", "CWE-79", "Different text entirely."));
    assertThat(SimilarAdvisories.of(more).get("T-4")).startsWith("T-5");
  }

  @Test
  void givesUpWhenCancelled() throws Exception {
    List<Advisory> all = demo();
    assertThatThrownBy(() -> SimilarAdvisories.of(SimilarAdvisories.inputs(all), () -> true))
        .isInstanceOf(CancellationException.class);
  }

  /**
   * The lists equal those of a Lucene index searched with one "more like this" query per advisory
   * (what SimilarAdvisories computed until it scored by itself): on the demo site, and on real
   * records (the Go vulnerability database, PyPA and RustSec in ../shared/corpora).
   */
  @Test
  void listsEqualLuceneSearch() throws Exception {
    List<Advisory> all = demo();
    assertThat(SimilarAdvisories.of(all)).isEqualTo(LuceneSimilarAdvisories.of(all));
  }

  @Test
  void listsEqualLuceneSearchOnRealRecords() throws Exception {
    Path corpora = Path.of("../../shared/corpora");
    assumeTrue(Files.isDirectory(corpora), "../shared/corpora is not present");
    List<AdvisoryImport.Input> inputs = new ArrayList<>();
    for (String dir : List.of("go-vulndb-osv", "pypa-osv", "rustsec/osv")) {
      try (Stream<Path> walk = Files.walk(corpora.resolve(dir))) {
        for (Path f :
            walk.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".yaml"))
                .sorted()
                .toList()) {
          inputs.add(
              new AdvisoryImport.Input(
                  f.toString(), Files.readAllBytes(f), f.toString().endsWith(".yaml")));
        }
      }
    }
    List<Advisory> all =
        OsvImport.candidates(inputs, "IMP").stream().flatMap(c -> c.advisory().stream()).toList();
    assertThat(all).hasSizeGreaterThan(1_000);
    Map<String, List<String>> expected = LuceneSimilarAdvisories.of(all);
    Map<String, List<String>> actual = SimilarAdvisories.of(all);
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    List<String> differing =
        all.stream()
            .map(Advisory::id)
            .filter(id -> !actual.get(id).equals(expected.get(id)))
            .toList();
    assertThat(differing).as("lists unlike Lucene's, of %d", all.size()).isEmpty();
  }
}
