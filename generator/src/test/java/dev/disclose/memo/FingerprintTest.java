package dev.disclose.memo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A fingerprint is the same for equal values in any process, and differs wherever they differ,
 * however the difference hides: in a component's boundaries, its type, an absent value, an order.
 */
class FingerprintTest {
  enum Level {
    LOW,
    HIGH
  }

  record Row(String id, List<String> names, Optional<Instant> at, Level level) {}

  record Page(String title, Record view, Map<String, Integer> counts, Path file) {}

  record Pair(String a, String b) {}

  record Other(String a, String b) {}

  record Holder(Object value) {}

  private static byte[] of(Record r) {
    return new Fingerprint().of(r);
  }

  private static Row row(String id) {
    return new Row(
        id, List.of("a", "b"), Optional.of(Instant.parse("2025-01-02T03:04:05Z")), Level.HIGH);
  }

  @Test
  void equalValuesHaveEqualFingerprintsAndAnyDifferenceShows() {
    Page page = new Page("T", row("X-1"), Map.of("n", 1), Path.of("a/b"));
    assertThat(of(page)).isEqualTo(of(new Page("T", row("X-1"), Map.of("n", 1), Path.of("a/b"))));
    assertThat(of(page))
        .isNotEqualTo(of(new Page("T", row("X-2"), Map.of("n", 1), Path.of("a/b"))));
    assertThat(of(page))
        .isNotEqualTo(of(new Page("T", row("X-1"), Map.of("n", 2), Path.of("a/b"))));
    assertThat(of(row("X")))
        .isNotEqualTo(of(new Row("X", List.of("a", "b"), Optional.empty(), Level.HIGH)));
    assertThat(of(row("X")))
        .isNotEqualTo(of(new Row("X", List.of("b", "a"), row("X").at(), Level.HIGH)));
    assertThat(of(row("X")))
        .isNotEqualTo(of(new Row("X", List.of("a", "b"), row("X").at(), Level.LOW)));
  }

  @Test
  void boundariesTypesAndNullsAreTold() {
    assertThat(of(new Pair("ab", "c"))).isNotEqualTo(of(new Pair("a", "bc")));
    assertThat(of(new Pair("a", "b"))).isNotEqualTo(of(new Other("a", "b")));
    assertThat(of(new Pair(null, "b"))).isNotEqualTo(of(new Pair("", "b")));
    assertThat(of(new Holder(List.of("a, b")))).isNotEqualTo(of(new Holder(List.of("a", "b"))));
    assertThat(of(new Holder(1))).isNotEqualTo(of(new Holder("1")));
  }

  @Test
  void hashOrderIsNoDifferenceAndListOrderIs() {
    assertThat(of(new Holder(Set.of("a", "b", "c"))))
        .isEqualTo(of(new Holder(new HashSet<>(List.of("c", "b", "a")))));
    assertThat(of(new Holder(Map.of("a", 1, "b", 2))))
        .isEqualTo(of(new Holder(new HashMap<>(Map.of("b", 2, "a", 1)))));
    assertThat(of(new Holder(Map.of("a", 1, "b", 2))))
        .isNotEqualTo(of(new Holder(Map.of("a", 2, "b", 1))));
    assertThat(of(new Holder(List.of("a", "b")))).isNotEqualTo(of(new Holder(List.of("b", "a"))));
    Map<String, Integer> linked = new LinkedHashMap<>();
    linked.put("b", 2);
    linked.put("a", 1);
    assertThat(of(new Holder(linked))).isNotEqualTo(of(new Holder(new TreeMap<>(linked))));
  }

  @Test
  void aSharedValueIsTakenApartOnceAndStillTold() {
    Fingerprint fingerprints = new Fingerprint();
    Row shared = row("S");
    byte[] first = fingerprints.of(new Page("A", shared, Map.of(), Path.of("x")));
    assertThat(fingerprints.of(new Page("A", shared, Map.of(), Path.of("x")))).isEqualTo(first);
    assertThat(new Fingerprint().of(new Page("A", row("S"), Map.of(), Path.of("x"))))
        .isEqualTo(first);
  }

  @Test
  void aValueOfAnUnknownKindHasNone() {
    assertThatThrownBy(() -> of(new Holder(new StringBuilder("x"))))
        .isInstanceOf(Fingerprint.Unknown.class)
        .hasMessageContaining("StringBuilder");
  }
}
