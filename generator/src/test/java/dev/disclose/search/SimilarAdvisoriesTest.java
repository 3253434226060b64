package dev.disclose.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.advisory.Advisory;
import dev.disclose.catalog.Catalog;
import dev.disclose.source.PathDisplay;
import dev.disclose.source.Site;
import dev.disclose.validate.SiteValidator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimilarAdvisoriesTest {
  static List<Advisory> demo() throws Exception {
    Site site = Site.open(Path.of(".."), new PathDisplay(Path.of("..")));
    Instant now = Instant.parse("2026-11-23T00:00:00Z");
    return Catalog.publicAt(SiteValidator.validate(site, now, List.of()).advisories(), now).advisories();
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
    once.forEach((id, list) -> {
      assertThat(list).as(id).doesNotContain(id, "DEMO-2026-0004", "DEMO-2026-0005").hasSizeLessThanOrEqualTo(5).doesNotHaveDuplicates();
    });
    assertThat(SimilarAdvisories.of(all)).isEqualTo(once);
  }
}
