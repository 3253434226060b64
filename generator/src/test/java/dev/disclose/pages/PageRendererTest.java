package dev.disclose.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.disclose.pipeline.OutputFormats;
import dev.disclose.plan.Feed;
import dev.disclose.plan.PageSpec;
import dev.disclose.plan.Views;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageRendererTest {
  @Test
  void aPageAfterOneWhoseTemplateFailedHasNothingOfIt(@TempDir Path theme) throws Exception {
    Files.createDirectories(theme.resolve("templates"));
    // Text first, then the html filter refusing a value that is not SafeHtml.
    Files.writeString(
        theme.resolve("templates/broken.peb"), "<p>partial page</p>{{ page | html }}");
    Files.writeString(theme.resolve("templates/good.peb"), "<p>{{ title }} at {{ root }}</p>");
    PageRenderer renderer =
        new PageRenderer(
            Optional.of(theme),
            new Views.SiteView(
                "Site",
                "",
                "https://example.org/",
                "mailto:s@example.org",
                false,
                "",
                false,
                false,
                Feed.KINDS,
                Set.copyOf(OutputFormats.names())));

    assertThatThrownBy(() -> renderer.render(page("advisories/X-1/", "broken", "Broken")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("template broken failed for advisories/X-1/");
    assertThat(renderer.render(page("advisories/X-2/", "good", "Good")))
        .isEqualTo("<p>Good at ../../</p>");
    assertThat(renderer.render(page("", "good", "Home"))).isEqualTo("<p>Home at ./</p>");
  }

  private static PageSpec page(String path, String template, String title) {
    return new PageSpec(
        path,
        template,
        title,
        new Views.IndexView("not SafeHtml", "", List.of()),
        "https://example.org/" + path,
        true,
        Optional.empty());
  }
}
