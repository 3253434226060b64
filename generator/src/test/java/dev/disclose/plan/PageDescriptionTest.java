package dev.disclose.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageDescriptionTest {
  @Test
  void aShortTextIsTheDescriptionAsPlainText() {
    assertThat(PageDescription.of("T", "The *server* joins [paths](https://example.org) badly."))
        .isEqualTo("The server joins paths (https://example.org) badly.");
  }

  @Test
  void headingsCodeTablesAndHtmlAreSkipped() {
    String md =
        "### Summary\n\nThe proxy forwards smuggled requests.\n\n```\n\nGET / HTTP/1.1\n```\n\n"
            + "| a | b |\n|---|---|\n\n<script>alert(1)</script>\n\nIt was fixed.\n";
    assertThat(PageDescription.of("T", md))
        .isEqualTo("The proxy forwards smuggled requests. It was fixed.");
  }

  @Test
  void aLongTextEndsAtASentenceOrAWordWithAnEllipsis() {
    String sentences =
        "The first sentence is long enough to stand as a description on its own here. "
            + "The second one makes the whole text longer than a search result shows of it, so "
            + "it is left out.";
    assertThat(PageDescription.of("T", sentences))
        .isEqualTo("The first sentence is long enough to stand as a description on its own here.");
    String words = "word ".repeat(60).strip();
    String cut = PageDescription.of("T", words);
    assertThat(cut).endsWith("word…").hasSizeLessThanOrEqualTo(PageDescription.MAX);
  }

  @Test
  void noTextFallsBackToTheTitle() {
    assertThat(PageDescription.of("The title", "")).isEqualTo("The title");
    assertThat(PageDescription.of("The title", "## Only a heading\n")).isEqualTo("The title");
  }
}
