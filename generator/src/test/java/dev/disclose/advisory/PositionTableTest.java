package dev.disclose.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.yaml.Position;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PositionTableTest {
  private static Source.Located at(int kl, int kc, int vl, int vc) {
    return new Source.Located(new Position(kl, kc), new Position(vl, vc));
  }

  @Test
  void holdsTheSameEntriesAsTheMapItWasMadeFrom() {
    Map<String, Source.Located> parsed = new HashMap<>();
    parsed.put("id", at(2, 1, 2, 5));
    parsed.put("affected[0].ranges[1].fixed", at(14, 9, 14, 16));
    parsed.put("affected", at(8, 1, 9, 3));
    parsed.put("summary", at(3, 1, 3, 10));

    Map<String, Source.Located> table = PositionTable.of(parsed);

    assertThat(table).isEqualTo(parsed).hasSize(4);
    assertThat(table.get("affected[0].ranges[1].fixed")).isEqualTo(at(14, 9, 14, 16));
    assertThat(table.containsKey("affected")).isTrue();
    assertThat(table.get("affected[0]")).isNull();
    assertThat(table.containsKey("affected[0]")).isFalse();
    assertThat(table.get(42)).isNull();
    assertThat(table.keySet())
        .containsExactly("affected", "affected[0].ranges[1].fixed", "id", "summary");
  }

  @Test
  void sharesThePathStringsBetweenAdvisories() {
    Map<String, Source.Located> one =
        PositionTable.of(Map.of(new String("references[0]"), at(1, 1, 1, 1)));
    Map<String, Source.Located> two =
        PositionTable.of(Map.of(new String("references[0]"), at(5, 1, 5, 2)));

    assertThat(one.keySet().iterator().next()).isSameAs(two.keySet().iterator().next());
  }

  @Test
  void aSourceFindsTheNearestWrittenAncestor() {
    Source source =
        new Source(
            Path.of("a.md"),
            "a.md",
            10,
            Map.of("affected", at(8, 1, 9, 3), "affected[0].package", at(9, 5, 9, 14)));

    assertThat(source.value("affected[0].package.name")).isEqualTo(new Position(9, 14));
    assertThat(source.key("affected[1].ranges")).isEqualTo(new Position(8, 1));
    assertThat(source.key("withdrawn")).isEqualTo(Position.START);
  }
}
