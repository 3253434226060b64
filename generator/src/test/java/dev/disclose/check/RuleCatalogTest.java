package dev.disclose.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.disclose.diagnostic.Rule;
import dev.disclose.testing.Golden;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rule list is a public contract: codes unique and stable, documented, each with a fixture. */
class RuleCatalogTest {

  @Test
  void codesAndSlugsAreUniqueAndWellFormed() {
    Set<String> codes = new HashSet<>();
    Set<String> slugs = new HashSet<>();
    for (Rule rule : Rule.values()) {
      assertThat(rule.code()).matches("[A-Z]\\d{3}");
      assertThat(rule.slug()).matches("[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(codes.add(rule.code())).as("duplicate code %s", rule.code()).isTrue();
      assertThat(slugs.add(rule.slug())).as("duplicate slug %s", rule.slug()).isTrue();
    }
  }

  @Test
  void everyRuleHasAFixtureThatTriggersIt() throws IOException {
    for (Rule rule : Rule.values()) {
      Path dir = LintGoldenTest.LINT.resolve(rule.code());
      assertThat(dir).as("fixture folder for %s %s", rule.code(), rule.slug()).isDirectory();
      boolean triggered;
      try (Stream<Path> expected = Files.walk(dir)) {
        triggered =
            expected
                .filter(p -> p.getFileName().toString().equals("expected.txt"))
                .anyMatch(p -> read(p).contains("[" + rule.code() + "]"));
      }
      assertThat(triggered).as("a fixture under %s reports %s", dir, rule.code()).isTrue();
    }
  }

  @Test
  void docsListEveryRule() {
    Golden.assertMatches(Path.of("../docs/validation-rules.md"), markdown());
  }

  @Test
  void readmePointsToTheRules() throws IOException {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    assertThat(readme).contains("(docs/validation-rules.md)");
  }

  /** docs/validation-rules.md, generated from {@link Rule}. */
  static String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("# Validation rules\n\n");
    b.append(
        "`disclose validate` checks every advisory against these rules and reports each finding as\n");
    b.append(
        "`path:line:col: error[CODE]: message`. Errors fail validation (exit code 1) and block the\n");
    b.append(
        "build; warnings are reported but pass (unless `--strict`). Codes are stable: they are never\n");
    b.append("renumbered or reused. Each rule has a test fixture under\n");
    b.append(
        "`generator/src/test/resources/golden/lint/<CODE>/` showing input and exact output.\n\n");
    b.append("<!-- Generated from dev.disclose.diagnostic.Rule by RuleCatalogTest; ");
    b.append("regenerate with `mvn -B verify -Dgolden.update=true`. -->\n\n");
    b.append("| code | name | level | what it catches | what to do |\n");
    b.append("|---|---|---|---|---|\n");
    Arrays.stream(Rule.values())
        .forEach(
            r ->
                b.append("| ")
                    .append(r.code())
                    .append(" | `")
                    .append(r.slug())
                    .append("` | ")
                    .append(r.severity().label())
                    .append(" | ")
                    .append(r.summary().replace("|", "\\|"))
                    .append(" | ")
                    .append(r.fix().replace("|", "\\|"))
                    .append(" |\n"));
    b.append("\n## Imported records\n\n");
    b.append(
        "An advisory with `imported_from` (what `disclose import` writes for a record it adds) holds\n");
    b.append(
        "another database's data as that database published it. A problem in it that does not stop\n");
    b.append(
        "the site from rendering it correctly is a warning there, naming the record (\"as published in\n");
    b.append(
        "GO-2023-2380 of the Go vulnerability database\"); the same problem in a hand-written advisory\n");
    b.append(
        "stays an error. Every rule not listed here applies to imported records as to any other.\n");
    b.append(
        "What the import itself changes in a record, each with a note, is in [import.md](import.md).\n\n");
    b.append("| code | name | in an imported record |\n");
    b.append("|---|---|---|\n");
    Arrays.stream(Rule.values())
        .forEach(
            r ->
                r.inImportedRecords()
                    .ifPresent(
                        text ->
                            b.append("| ")
                                .append(r.code())
                                .append(" | `")
                                .append(r.slug())
                                .append("` | ")
                                .append(text.replace("|", "\\|"))
                                .append(" |\n")));
    return b.toString();
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
