package dev.disclose.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/** The quick resolver types every scalar as SnakeYAML's own does. */
class QuickResolverTest {
  private final Resolver snakeYaml = new Resolver();
  private final Resolver quick = new QuickResolver();

  @Test
  void typesEveryPlainScalarAsSnakeYaml() {
    List<String> values =
        new ArrayList<>(
            List.of(
                "1.2.3",
                "0.98.1",
                "1.10",
                "1.0",
                "0",
                "1_000",
                "1:20",
                "1:20.5",
                "190:20:30.15",
                "2025-03-04",
                "2025-03-04T16:00:00Z",
                "2025-3-4 1:02:03.5 +01:00",
                "1.2.3e5",
                "1.2e5",
                "0x1F",
                "0b101",
                "017",
                ".5",
                ".inf",
                "1..2",
                "1.2.",
                "10.0.0-rc.1",
                "2.0.0-final",
                "0.1-bulbasaur",
                "v1.2.3",
                "yes",
                "~",
                "",
                "null",
                "1.2.3 4.5",
                " ",
                "NULL",
                "Null",
                "no",
                "On",
                "off",
                "y",
                "n",
                "<<",
                "=",
                "!",
                "&",
                "*",
                "ECOSYSTEM",
                "PyPI",
                "introduced",
                "https://example.org/a",
                "A title"));
    for (String v : values) assertThat(quick(v)).as(v).isEqualTo(snakeYaml(v));
    assertThat(quick("1.2.3")).isEqualTo(Tag.STR);
    assertThat(quick("PyPI")).isEqualTo(Tag.STR);
    // Random short strings over the characters of YAML's numbers, times, nulls and booleans.
    Random random = new Random(42);
    String alphabet = "0123456789._:-+eExXbT Z~nNulyYsoOfFaAtrR<=!&*";
    for (int i = 0; i < 400_000; i++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(14);
      for (int k = 0; k < length; k++) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      String v = s.toString();
      assertThat(quick(v)).as(v).isEqualTo(snakeYaml(v));
    }
  }

  @Test
  void leavesQuotedScalarsAndCollectionsToSnakeYaml() {
    assertThat(quick.resolve(NodeId.scalar, "1.2.3", false))
        .isEqualTo(snakeYaml.resolve(NodeId.scalar, "1.2.3", false));
    assertThat(quick.resolve(NodeId.sequence, "1.2.3", true)).isEqualTo(Tag.SEQ);
  }

  private Tag quick(String value) {
    return quick.resolve(NodeId.scalar, value, true);
  }

  private Tag snakeYaml(String value) {
    return snakeYaml.resolve(NodeId.scalar, value, true);
  }
}
