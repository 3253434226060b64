package dev.disclose.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SitePathsTest {
  /** The hand-written check accepts exactly what its pattern describes. */
  @Test
  void aSafeSegmentIsExactlyWhatThePatternDescribes() {
    String alphabet = "aZ09._-/\\ é:%\u0000";
    Random random = new Random(11);
    for (int n = 0; n < 50_000; n++) {
      StringBuilder b = new StringBuilder();
      int length = random.nextInt(8) == 0 ? 120 + random.nextInt(12) : random.nextInt(6);
      for (int i = 0; i < length; i++) b.append(alphabet.charAt(random.nextInt(random.nextBoolean() ? 4 : alphabet.length())));
      String id = b.toString();
      boolean expected = id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}") && !id.contains("..");
      assertThat(SitePaths.isSafeSegment(id)).as(id).isEqualTo(expected);
    }
    assertThat(SitePaths.isSafeSegment("GHSA-2x2x-3c3c-4f4f")).isTrue();
    assertThat(SitePaths.isSafeSegment("CVE-2025-1..2")).isFalse();
    assertThat(SitePaths.isSafeSegment(".hidden")).isFalse();
    assertThat(SitePaths.isSafeSegment("a".repeat(128))).isTrue();
    assertThat(SitePaths.isSafeSegment("a".repeat(129))).isFalse();
  }
}
