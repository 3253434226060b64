package dev.disclose.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Paragraphs and list items read as one line each; code, tables and headings keep their lines. */
class SoftBreaksTest {
  @Test
  void joinsWrappedProseAndKeepsEveryOtherLine() {
    String markdown =
        "The card was rendered\nwithout sanitizing it.\n\n"
            + "- one item\n  continued\n- two\n\n"
            + "```\ncode line\nnext line\n```\n\n"
            + "| a | b |\n|---|---|\n| 1 | 2 |\n\n"
            + "# Heading\nLast  \nhard break.\n";
    assertThat(SoftBreaks.joined(markdown))
        .isEqualTo(
            "The card was rendered without sanitizing it.\n\n"
                + "- one item continued\n- two\n\n"
                + "```\ncode line\nnext line\n```\n\n"
                + "| a | b |\n|---|---|\n| 1 | 2 |\n\n"
                + "# Heading\nLast  \nhard break.\n");
  }

  @Test
  void renderingIsTheSameButForTheBreaks() {
    String markdown = "A *long*\nparagraph with `code`\nand a [link](https://example.org/).\n";
    String joined = MarkdownRenderer.render(SoftBreaks.joined(markdown)).toString();
    assertThat(joined).contains("<em>long</em> paragraph with <code>code</code> and a <a");
    assertThat(joined.replace('\n', ' '))
        .isEqualTo(MarkdownRenderer.render(markdown).toString().replace('\n', ' '));
  }
}
