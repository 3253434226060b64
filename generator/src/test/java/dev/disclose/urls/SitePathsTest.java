package dev.disclose.urls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
      for (int i = 0; i < length; i++)
        b.append(alphabet.charAt(random.nextInt(random.nextBoolean() ? 4 : alphabet.length())));
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

  /**
   * Package names split at '/' and ':', empty parts dropped: as String.split did, on names of every
   * shape.
   */
  @Test
  void packagePagesSplitNamesAtSlashesAndColons() {
    assertThat(SitePaths.packagePage("Go", "github.com/corvid/serve"))
        .isEqualTo("packages/Go/github.com/corvid/serve/");
    assertThat(SitePaths.packagePage("npm", "@corvid/console"))
        .isEqualTo("packages/npm/@corvid/console/");
    assertThat(SitePaths.packagePage("Maven", "org.corvid:core"))
        .isEqualTo("packages/Maven/org.corvid/core/");
    assertThat(SitePaths.packagePage("npm", "//::/")).isEqualTo("packages/npm/-/");
    assertThat(SitePaths.packagePage("npm", "")).isEqualTo("packages/npm/-/");
    Random random = new Random(7);
    String alphabet = "ab/:.-@ é";
    for (int n = 0; n < 5_000; n++) {
      StringBuilder name = new StringBuilder();
      for (int i = random.nextInt(9); i > 0; i--)
        name.append(alphabet.charAt(random.nextInt(alphabet.length())));
      List<String> parts = new ArrayList<>();
      for (String p : name.toString().split("[/:]")) {
        if (!p.isEmpty()) parts.add(SitePaths.segment(p));
      }
      if (parts.isEmpty()) parts.add("-");
      assertThat(SitePaths.packagePage("npm", name.toString()))
          .as(name.toString())
          .isEqualTo("packages/npm/" + String.join("/", parts) + "/");
    }
  }
}
