package dev.disclose.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.plan.SearchDoc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The preview server patches the previous search index instead of making it again: after each kind
 * of edit, the patched files must be exactly those a write from scratch makes, and only the edited
 * docs' texts are analysed.
 */
class SearchIndexPatchTest {
  private static final String[] WORDS =
      ("overflow buffer heap stack injection command sql path traversal request "
              + "forgery server client token session cookie header parser decoder encoder archive symlink race "
              + "condition privilege escalation sandbox escape deserialization template prompt model tensor kernel "
              + "memory allocation integer underflow denial service regex backtracking certificate validation")
          .split(" ");

  private final Random random = new Random(7);
  private final List<SearchDoc> docs = new ArrayList<>();
  private final KeptIndex memory = new KeptIndex();
  private final AtomicInteger analysed = new AtomicInteger();
  private final Function<String, List<String>> counting =
      text -> {
        analysed.incrementAndGet();
        return SearchAnalyzer.terms(text);
      };

  @BeforeEach
  void site() {
    // Enough docs and words that shards are split by a third and fourth character.
    for (int n = 0; n < 400; n++)
      docs.add(doc("DEMO-2025-" + (1000 + n), sentence(6), sentence(120), "high", 2025 - n / 100));
    assertSameAsFromScratch();
    assertThat(analysed.get()).isEqualTo(2 * docs.size());
  }

  @Test
  void editsOfTextAndFactsArePatchedExactly() {
    edit(5, d -> with(d, d.title(), d.body() + " zyxwordnew unheardofterm"));
    assertThat(analysed.get()).as("only the edited doc's title and text").isEqualTo(2);

    edit(0, d -> with(d, "A new title about quokkas", d.body()));
    assertThat(analysed.get()).isEqualTo(2);

    // The facts' words (a CWE's, a severity's) are a title's: analysed again with it.
    edit(3, d -> with(d, SearchDoc.factWords(List.of("CWE-918", "CWE-22"), "critical")));
    assertThat(analysed.get()).isEqualTo(2);

    // The only doc holding a term loses it: its postings, and perhaps its shard, go.
    edit(5, d -> with(d, d.title(), d.body().replace(" zyxwordnew unheardofterm", "")));

    // Facts only: severity and packages, no analysis.
    edit(
        7,
        d ->
            new SearchDoc(
                d.id(),
                d.title(),
                d.path(),
                "Critical 9.8",
                "9.8",
                "other-pkg (npm)",
                d.published(),
                true,
                List.of(d.id(), "CVE-2025-99999"),
                List.of(new SearchDoc.PackageRef("other-pkg", "npm")),
                List.of("npm"),
                "critical",
                d.year(),
                d.body(),
                d.facts()));
    assertThat(analysed.get()).isZero();
    // The facets alone: a severity, then a year.
    edit(9, d -> withSeverity(d, "Low 2.0", "2.0", "low"));
    edit(9, d -> withYear(d, 2019));

    // Two docs at once, one of them emptied of text.
    analysed.set(0);
    docs.set(11, with(docs.get(11), "", ""));
    docs.set(
        398,
        with(
            docs.get(398),
            docs.get(398).title() + " overflow",
            docs.get(398).body() + " kernel kernel"));
    assertSameAsFromScratch();
    assertThat(analysed.get()).isEqualTo(4);
  }

  @Test
  void aNewOrRemovedDocRenumbersAndIsWrittenFromScratchReusingTheTerms() {
    docs.add(0, doc("DEMO-2026-0001", "Brand new", sentence(50), "low", 2026));
    assertSameAsFromScratch();
    assertThat(analysed.get()).as("the new doc only").isEqualTo(2);

    docs.remove(200);
    assertSameAsFromScratch();
    assertThat(analysed.get()).isZero();

    // After the rewrite, patches work on the new numbering.
    edit(200, d -> with(d, d.title() + " sandbox", d.body()));
    assertThat(analysed.get()).isEqualTo(2);
  }

  @Test
  void manyChangedDocsAreWrittenFromScratch() {
    for (int n = 0; n < 100; n++)
      docs.set(n, with(docs.get(n), docs.get(n).title() + " again", docs.get(n).body()));
    assertSameAsFromScratch();
    assertThat(analysed.get()).as("titles analysed again, unchanged texts not").isEqualTo(200);
  }

  @Test
  void aFailedWriteForgetsTheIndex() {
    docs.set(3, with(docs.get(3), "title", "text"));
    Function<String, List<String>> failing =
        t -> {
          throw new IllegalStateException("analysis failed");
        };
    Assertions.assertThatThrownBy(() -> SearchIndexWriter.write(docs, failing, memory))
        .hasMessage("analysis failed");
    assertSameAsFromScratch();
    assertThat(analysed.get()).as("from scratch").isEqualTo(2 * docs.size());
  }

  @Test
  void aMemoryForOneWriteKeepsNothing() {
    KeptIndex once = KeptIndex.forOneWrite();
    SearchIndexWriter.write(docs, counting, once);
    analysed.set(0);
    assertThat(text(SearchIndexWriter.write(docs, counting, once)))
        .isEqualTo(text(SearchIndexWriter.write(docs, counting, memory)));
    assertThat(analysed.get())
        .as("nothing patched or reused: every doc analysed again")
        .isEqualTo(2 * docs.size());
  }

  private void edit(int n, UnaryOperator<SearchDoc> change) {
    docs.set(n, change.apply(docs.get(n)));
    assertSameAsFromScratch();
  }

  private void assertSameAsFromScratch() {
    analysed.set(0);
    Map<String, String> patched = text(SearchIndexWriter.write(docs, counting, memory));
    int calls = analysed.get();
    Map<String, String> fromScratch = text(SearchIndexWriter.write(docs));
    List<String> differing = new ArrayList<>();
    for (String file : new TreeSet<>(fromScratch.keySet())) {
      if (!fromScratch.get(file).equals(patched.get(file)))
        differing.add(file + ": " + patched.get(file) + " instead of " + fromScratch.get(file));
    }
    for (String file : patched.keySet())
      if (!fromScratch.containsKey(file)) differing.add(file + ": not made from scratch");
    assertThat(differing).isEmpty();
    analysed.set(calls);
  }

  private static Map<String, String> text(Map<String, byte[]> files) {
    Map<String, String> out = new TreeMap<>();
    files.forEach((k, v) -> out.put(k, new String(v, StandardCharsets.UTF_8)));
    return out;
  }

  private String sentence(int words) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words; i++) {
      b.append(WORDS[random.nextInt(WORDS.length)]);
      // Rarer words, so that some terms are held by few docs.
      if (random.nextInt(8) == 0) b.append(random.nextInt(500));
      b.append(' ');
    }
    return b.toString().strip();
  }

  private static SearchDoc doc(String id, String title, String body, String severity, int year) {
    return new SearchDoc(
        id,
        title,
        "advisories/" + id + "/",
        severity,
        "7.5",
        "pkg (PyPI)",
        year + "-01-01",
        false,
        List.of(id),
        List.of(new SearchDoc.PackageRef("pkg", "PyPI")),
        List.of("PyPI"),
        severity,
        year,
        body,
        SearchDoc.factWords(List.of("CWE-79"), severity));
  }

  private static SearchDoc with(SearchDoc d, String title, String body) {
    return new SearchDoc(
        d.id(),
        title,
        d.path(),
        d.severityLabel(),
        d.score(),
        d.packagesSummary(),
        d.published(),
        d.withdrawn(),
        d.ids(),
        d.packages(),
        d.ecosystems(),
        d.severity(),
        d.year(),
        body,
        d.facts());
  }

  private static SearchDoc with(SearchDoc d, String facts) {
    return new SearchDoc(
        d.id(),
        d.title(),
        d.path(),
        d.severityLabel(),
        d.score(),
        d.packagesSummary(),
        d.published(),
        d.withdrawn(),
        d.ids(),
        d.packages(),
        d.ecosystems(),
        d.severity(),
        d.year(),
        d.body(),
        facts);
  }

  private static SearchDoc withSeverity(SearchDoc d, String label, String score, String level) {
    return new SearchDoc(
        d.id(),
        d.title(),
        d.path(),
        label,
        score,
        d.packagesSummary(),
        d.published(),
        d.withdrawn(),
        d.ids(),
        d.packages(),
        d.ecosystems(),
        level,
        d.year(),
        d.body(),
        d.facts());
  }

  private static SearchDoc withYear(SearchDoc d, int year) {
    return new SearchDoc(
        d.id(),
        d.title(),
        d.path(),
        d.severityLabel(),
        d.score(),
        d.packagesSummary(),
        d.published(),
        d.withdrawn(),
        d.ids(),
        d.packages(),
        d.ecosystems(),
        d.severity(),
        year,
        d.body(),
        d.facts());
  }
}
