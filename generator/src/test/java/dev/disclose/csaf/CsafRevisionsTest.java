package dev.disclose.csaf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryParser;
import dev.disclose.testing.TestSites;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The revisions of an advisory whose publication date is unknown start at its first commit. */
class CsafRevisionsTest {
  static final Instant BUILD = Instant.parse("2026-01-01T00:00:00Z");

  private static Advisory undated(String extra) {
    String text =
        TestSites.validAdvisory("IMP-2023-0097").replace("published: 2025-03-04\n", extra);
    return AdvisoryParser.parse(text, Path.of("IMP-2023-0097.md"), "IMP-2023-0097.md")
        .advisory()
        .orElseThrow();
  }

  @Test
  void theFirstCommitIsTheInitialReleaseAndEachLaterOneARevision() {
    Instant first = Instant.parse("2026-03-01T10:00:00Z");
    Instant second = Instant.parse("2026-04-02T17:30:00Z");
    CsafRevisions r = CsafRevisions.of(undated(""), List.of(second, first), BUILD);
    assertThat(r.initial()).isEqualTo(first);
    assertThat(r.current()).isEqualTo(second);
    assertThat(r.revisions())
        .extracting(CsafRevisions.Revision::date)
        .containsExactly(first, second);
  }

  @Test
  void withoutCommitsTheWrittenModifiedElseTheBuildsTime() {
    assertThat(CsafRevisions.of(undated("modified: 2024-02-01\n"), List.of(), BUILD).initial())
        .isEqualTo(Instant.parse("2024-02-01T12:00:00Z"));
    assertThat(CsafRevisions.of(undated(""), List.of(), BUILD).revisions())
        .extracting(CsafRevisions.Revision::date)
        .containsExactly(BUILD);
  }
}
