package dev.disclose.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {
  @Test
  void paragraphsAndHeadingsAreSeparatedByBlankLinesAndLoseTheirMarkup() {
    assertThat(
            MarkdownText.of(
                "## Impact\n\nThe *download* endpoint joined `path`\nto the **model** folder.\n\n"
                    + "A ~~bad~~ guess &amp; a \\*literal\\* star."))
        .isEqualTo(
            "Impact\n\nThe download endpoint joined path to the model folder.\n\n"
                + "A bad guess & a *literal* star.");
  }

  @Test
  void listsKeepTheirMarkersAndCodeBlocksTheirLines() {
    assertThat(
            MarkdownText.of(
                "Fixed in:\n\n- 0.7.2, and\n  0.8.3\n- 1.0.0\n  1. first\n  2. second\n\n"
                    + "```python\nif a == b:\n    pass\n```\n"))
        .isEqualTo(
            "Fixed in:\n\n- 0.7.2, and 0.8.3\n- 1.0.0\n  1. first\n  2. second\n\n"
                + "if a == b:\n    pass");
  }

  @Test
  void linksKeepTheirAddressAndRawHtmlIsLeftOut() {
    assertThat(
            MarkdownText.of(
                "See [the fix](https://example.org/fix), <https://example.org/a>,"
                    + " [here](#impact) and <b>bold</b> text; mail a@example.org or"
                    + " www.example.org.\n\n<div>\nA block\n</div>"))
        .isEqualTo(
            "See the fix (https://example.org/fix), https://example.org/a, here and bold text;"
                + " mail a@example.org or www.example.org.\n\n"
                + "A block");
  }

  @Test
  void tablesAndQuotesReadLineByLine() {
    assertThat(
            MarkdownText.of(
                "| version | fixed |\n|---|---|\n| 0.7 | 0.7.2 |\n\n> quoted\n> text\n"))
        .isEqualTo("version | fixed\n0.7 | 0.7.2\n\n> quoted text");
  }
}
