package dev.disclose.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class MarkdownLimitsTest {
  private static final Duration QUICKLY = Duration.ofSeconds(5);

  /** The hostile texts of issue 31, each refused before the parser sees it. */
  private static final Map<String, Supplier<String>> HOSTILE =
      Map.of(
          "nested quotes", () -> ">".repeat(1000) + " a\n",
          "nested quotes, spaced", () -> "> ".repeat(1000) + "a\n",
          "nested lists", MarkdownLimitsTest::nestedLists,
          "nested lists on one line", () -> "- ".repeat(1000) + "a\n",
          "long emphasis run", () -> "*".repeat(5000) + "a" + "*".repeat(5000) + "\n",
          "nested emphasis", () -> "*a ".repeat(3000) + "b" + " a*".repeat(3000) + "\n",
          "open links", () -> "[a](".repeat(50_000),
          "backtick runs", MarkdownLimitsTest::backtickRuns,
          "reference definitions", () -> "[a]: b\n".repeat(47_000),
          "code spans", () -> "`a` ".repeat(100_000));

  private static String nestedLists() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 1000; i++) s.append("  ".repeat(i)).append("- a\n");
    return s.toString();
  }

  private static String backtickRuns() {
    StringBuilder s = new StringBuilder();
    for (int i = 1; s.length() < 62_000; i++) s.append("`".repeat(i % 300 + 1)).append(" a ");
    return s.toString();
  }

  @Test
  void refusesEveryHostileTextOfTheIssueQuicklyAndRendersNone() {
    HOSTILE.forEach(
        (name, text) -> {
          String markdown = text.get();
          assertTimeoutPreemptively(
              QUICKLY, () -> assertThat(MarkdownLimits.check(markdown)).as(name).isPresent(), name);
          assertThatThrownBy(() -> MarkdownRenderer.render(markdown, "x.md:7"))
              .as(name)
              .isInstanceOf(MarkdownRenderer.Unrenderable.class)
              .hasMessageStartingWith("x.md:7 (line ");
        });
  }

  @Test
  void pointsAtTheLineAndColumnOfTheBreach() {
    assertThat(MarkdownLimits.check("fine\n\nalso *fine*\n> > x " + "_".repeat(40) + "\n"))
        .contains(
            new MarkdownLimits.Breach(
                4, 7, "a run of 40 `_` characters (at most " + MarkdownLimits.MAX_RUN + ")"));
    assertThat(MarkdownLimits.check(">".repeat(17) + " a").orElseThrow().line()).isEqualTo(1);
  }

  @Test
  void passesOrdinaryMarkdown() {
    String ordinary =
        "## Impact\n\n"
            + "A *crafted* request to `parse_header` lets **anyone** read files.\n\n"
            + "> quoted\n> > twice\n\n"
            + "1. one\n   - nested\n     - deeper\n\n"
            + "```\ncode * with ** stars\n```\n\n"
            + "````````````````````````````````````````\nlong fence\n"
            + "````````````````````````````````````````\n\n"
            + "* * *\n\n"
            + "-".repeat(80)
            + "\n"
            + "*".repeat(80)
            + "\n\n"
            + "See [the fix][fix] and [the CVE](https://example.org).\n\n"
            + "[fix]: https://example.org/fix\n";
    assertThat(MarkdownLimits.check(ordinary)).isEmpty();
    assertThat(MarkdownRenderer.render(ordinary, "x.md:1").html()).contains("<em>crafted</em>");
  }

  /** Texts just inside every limit render without overflowing the stack, in little time. */
  @Test
  void textsAtTheLimitsRenderQuickly() {
    StringBuilder lists = new StringBuilder();
    for (int i = 0; i < MarkdownLimits.MAX_INDENT / 2; i++)
      lists.append("  ".repeat(i)).append("- a\n");
    StringBuilder quotesAndLists = new StringBuilder();
    for (int i = 0; i < 200; i++) quotesAndLists.append("> - ".repeat(8)).append("a\n");
    Map<String, String> atLimits =
        Map.of(
            "quotes", ">".repeat(MarkdownLimits.MAX_NESTING) + " a\n",
            "lists", lists.toString(),
            "quotes and lists", quotesAndLists.toString(),
            "emphasis",
                "*a ".repeat(MarkdownLimits.MAX_DELIMITER_RUNS / 2)
                    + "b"
                    + " a*".repeat(MarkdownLimits.MAX_DELIMITER_RUNS / 2),
            "links", "[a](".repeat(MarkdownLimits.MAX_BRACKETS),
            "backticks", backticksAtLimit(),
            "definitions", "[a]: b\n".repeat(MarkdownLimits.MAX_REFERENCE_DEFINITIONS),
            "run", ("*".repeat(MarkdownLimits.MAX_RUN) + "a").repeat(100));
    atLimits.forEach(
        (name, markdown) -> {
          assertThat(MarkdownLimits.check(markdown)).as(name).isEmpty();
          assertTimeoutPreemptively(
              QUICKLY, () -> MarkdownRenderer.render(markdown, "x.md:1"), name);
        });
  }

  private static String backticksAtLimit() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < MarkdownLimits.MAX_BACKTICK_RUNS; i++)
      s.append("`".repeat(i % MarkdownLimits.MAX_RUN + 1)).append(" a ");
    return s.toString();
  }

  @Test
  void checksAMebibyteInLinearTime() {
    String worst = ("a".repeat(1000) + "\n").repeat(1048);
    assertTimeoutPreemptively(QUICKLY, () -> MarkdownLimits.check(worst));
  }
}
