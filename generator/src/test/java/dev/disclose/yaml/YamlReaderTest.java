package dev.disclose.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class YamlReaderTest {

  private static YamlNode.Mapping readMap(String yaml) {
    YamlReader.Result result = YamlReader.read(yaml, 2);
    assertThat(result).isInstanceOf(YamlReader.Result.Read.class);
    return (YamlNode.Mapping) ((YamlReader.Result.Read) result).root();
  }

  private static YamlProblem problem(String yaml) {
    YamlReader.Result result = YamlReader.read(yaml, 2);
    assertThat(result).isInstanceOf(YamlReader.Result.Failed.class);
    return ((YamlReader.Result.Failed) result).problem();
  }

  @Test
  void keepsScalarsAsWrittenSoVersionsAreNotNumbers() {
    YamlNode.Mapping map = readMap("fixed: 1.10\nintroduced: 0\nflag: yes\n");
    YamlNode.Scalar fixed = (YamlNode.Scalar) map.entry("fixed").orElseThrow().value();
    assertThat(fixed.text()).isEqualTo("1.10");
    assertThat(fixed.type()).isEqualTo(YamlNode.ScalarType.FLOAT);
    assertThat(((YamlNode.Scalar) map.entry("introduced").orElseThrow().value()).text())
        .isEqualTo("0");
  }

  @Test
  void reportsPositionsInFileCoordinates() {
    YamlNode.Mapping map = readMap("id: X\naffected:\n  - package: foo\n");
    YamlNode.Entry affected = map.entry("affected").orElseThrow();
    assertThat(affected.key().position()).isEqualTo(new Position(3, 1));
    YamlNode.Mapping first =
        (YamlNode.Mapping) ((YamlNode.Sequence) affected.value()).items().get(0);
    assertThat(first.entry("package").orElseThrow().key().position()).isEqualTo(new Position(4, 5));
  }

  @Test
  void reportsDuplicateKeysAndKeepsTheFirst() {
    YamlReader.Result.Read read = (YamlReader.Result.Read) YamlReader.read("a: 1\nb: 2\na: 3\n", 2);
    assertThat(read.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(YamlProblem.Kind.DUPLICATE_KEY);
              assertThat(p.position()).isEqualTo(new Position(4, 1));
              assertThat(p.message()).contains("`a`").contains("line 2");
            });
    YamlNode.Scalar a =
        (YamlNode.Scalar) ((YamlNode.Mapping) read.root()).entry("a").orElseThrow().value();
    assertThat(a.text()).isEqualTo("1");
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void refusesBillionLaughs() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) bomb.append(i > 0 ? ", " : "").append('*').append(prev);
      bomb.append("]\n");
      prev = c;
    }
    YamlProblem p = problem(bomb.toString());
    // Its values pass the expanded size before its aliases pass their count.
    assertThat(p.kind()).isEqualTo(YamlProblem.Kind.EXPANSION);
    assertThat(p.message()).contains("`*f`", "2,097,152 characters");
    assertThat(p.position()).isEqualTo(new Position(8, 16));
  }

  @Test
  void refusesMoreThanFiftyAliasesToLists() {
    YamlProblem p = problem("a: &a [x]\nb: [" + "*a, ".repeat(50) + "*a]\n");
    assertThat(p.kind()).isEqualTo(YamlProblem.Kind.LIMIT);
    assertThat(p.message()).contains("50 aliases");
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void refusesALongValueRepeatedByAliasesAtTheAliasPastTheLimit() {
    // Aliases to a scalar are not among SnakeYAML's counted aliases, nor are they more values
    // than the reader allows: only their characters, counted before expansion, stop them.
    int value = 100_000;
    int fit = YamlReader.MAX_EXPANDED_CHARACTERS / value;
    StringBuilder yaml = new StringBuilder("k:\n  - &v " + "x".repeat(value) + "\n");
    for (int i = 0; i < 30; i++) yaml.append("  - *v\n");
    YamlProblem p = problem(yaml.toString());
    assertThat(p.kind()).isEqualTo(YamlProblem.Kind.EXPANSION);
    assertThat(p.message()).startsWith("with this alias (`*v`)");
    // The value (on line 3) and the fit - 1 aliases after it stay under the limit; the next one,
    // on line 3 + fit, passes it.
    assertThat(p.position()).isEqualTo(new Position(3 + fit, 5));
  }

  @Test
  void refusesDeepNesting() {
    YamlProblem p = problem("x: " + "[".repeat(200) + "]".repeat(200) + "\n");
    assertThat(p.kind()).isEqualTo(YamlProblem.Kind.LIMIT);
    assertThat(p.message()).contains("nested");
  }

  @Test
  void refusesRecursiveAliases() {
    YamlProblem p = problem("a: &a [*a]\n");
    assertThat(p.kind()).isEqualTo(YamlProblem.Kind.LIMIT);
  }

  @Test
  void refusesTagsThatWouldInstantiateObjects() {
    YamlProblem p = problem("title: !!python/object/apply:os.system [\"id\"]\n");
    assertThat(p.kind()).isEqualTo(YamlProblem.Kind.TAG);
    assertThat(p.message()).contains("!!python/object/apply:os.system");
    assertThat(p.position()).isEqualTo(new Position(2, 8));
    assertThat(problem("x: !custom 1\n").kind()).isEqualTo(YamlProblem.Kind.TAG);
  }

  @Test
  void allowsModestAliasesForRepeatedData() {
    YamlNode.Mapping map = readMap("a: &r {introduced: 1.0.0}\nb: *r\n");
    assertThat(map.entry("b").orElseThrow().value()).isInstanceOf(YamlNode.Mapping.class);
  }

  @Test
  void reportsSyntaxErrorsWithTheirLine() {
    YamlProblem p = problem("id: X\ntitle: [unclosed\nother: 1\n");
    assertThat(p.kind()).isEqualTo(YamlProblem.Kind.SYNTAX);
    assertThat(p.position().line()).isBetween(3, 5);
    assertThat(p.message()).startsWith("invalid YAML:");
  }

  @Test
  void namesAForbiddenCharacterAndWhereItIs() {
    YamlProblem p = problem("id: X\ntitle: ab\u0000c\n");
    assertThat(p.kind()).isEqualTo(YamlProblem.Kind.SYNTAX);
    assertThat(p.message()).contains("U+0000");
    assertThat(p.position()).isEqualTo(new Position(3, 10));
  }

  @Test
  void refusesMergeKeys() {
    YamlProblem p = problem("base: &b {x: 1}\nother:\n  <<: *b\n");
    assertThat(p.kind()).isEqualTo(YamlProblem.Kind.TAG);
  }
}
