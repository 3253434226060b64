package dev.disclose.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.disclose.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A text's headings sit below the page's section they are rendered under. */
class HeadingLevelsTest {
  private static final Path DIR = Path.of("src/test/resources/golden/markdown");

  @Test
  void theTextsTopLevelBecomesTheGivenOneAndTheRestKeepTheirSteps() throws Exception {
    String md = Files.readString(DIR.resolve("headings.md"));
    Golden.assertMatches(
        DIR.resolve("headings-under-h2.html"),
        MarkdownRenderer.render(md, "headings.md", 3).html());
    Golden.assertMatches(
        DIR.resolve("headings-under-h1.html"),
        MarkdownRenderer.render(md, "headings.md", 2).html());
  }

  @Test
  void gitHubsLevelThreeStaysThreeAndIdsStay() {
    String html = MarkdownRenderer.render("### Details\n\n#### Impact\n", "x", 3).html();
    assertThat(html).isEqualTo("<h3 id=\"details\">Details</h3>\n<h4 id=\"impact\">Impact</h4>\n");
    assertThat(MarkdownRenderer.render("#### Only deep\n", "x", 3).html())
        .as("a text starting deeper moves up to the top level, leaving no level out")
        .isEqualTo("<h3 id=\"only-deep\">Only deep</h3>\n");
  }

  @Test
  void noHeadingGoesPastH6OrAboveTheTopLevel() {
    String html =
        MarkdownRenderer.render("# a\n\n## b\n\n###### f\n\n<h1>raw</h1>\n", "x", 5).html();
    assertThat(html).contains("<h5 id=\"a\">a</h5>", "<h6 id=\"b\">b</h6>", "<h6 id=\"f\">f</h6>");
    assertThat(html).contains("<h5>raw</h5>").doesNotContain("<h1", "<h2", "<h3", "<h4");
  }

  @Test
  void asWrittenKeepsLevelsButNeverAnH1() {
    assertThat(MarkdownRenderer.render("# a\n\n### c\n").html())
        .isEqualTo("<h2 id=\"a\">a</h2>\n<h3 id=\"c\">c</h3>\n");
    assertThatThrownBy(() -> HtmlSanitizer.sanitize("<h2>x</h2>", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
