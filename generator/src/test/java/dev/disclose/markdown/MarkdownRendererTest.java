package dev.disclose.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
  @Test
  void rendersTablesStrikethroughAndAutolinks() {
    assertThat(MarkdownRenderer.render("| a | b |\n|---|---|\n| 1 | 2 |\n").html())
        .contains("<table>", "<td>1</td>");
    assertThat(MarkdownRenderer.render("was ~~wrong~~ right").html()).contains("<del>wrong</del>");
    assertThat(MarkdownRenderer.render("see https://example.org/a for it").html())
        .contains(
            "<a href=\"https://example.org/a\" rel=\"nofollow noopener noreferrer\">https://example.org/a</a>");
    assertThat(MarkdownRenderer.render("write to security@example.org").html())
        .contains("href=\"mailto:security&#64;example.org\"");
    assertThat(MarkdownRenderer.render("at www.example.org today").html())
        .contains("<a href=\"http://www.example.org\"");
    assertThat(MarkdownRenderer.render("write to security&commat;example.org").html())
        .contains("href=\"mailto:security&#64;example.org\"");
    assertThat(MarkdownRenderer.render("## Impact\n\nPlain *text*.").html())
        .isEqualTo("<h2 id=\"impact\">Impact</h2>\n<p>Plain <em>text</em>.</p>\n");
  }

  @Test
  void needsOnlyTheExtensionsATextsCharactersCanTrigger() {
    assertThat(MarkdownRenderer.needs("Plain words, no link in sight.")).isZero();
    assertThat(MarkdownRenderer.needs("a | b")).isEqualTo(1);
    assertThat(MarkdownRenderer.needs("~~x~~")).isEqualTo(2);
    assertThat(MarkdownRenderer.needs("ftp:x")).isEqualTo(4);
    assertThat(MarkdownRenderer.needs("a@b")).isEqualTo(4);
    assertThat(MarkdownRenderer.needs("wWw.example")).isEqualTo(4);
    assertThat(MarkdownRenderer.needs("x.y www.z")).as("not only the first dot").isEqualTo(4);
    // The autolink extension decodes entities and escapes first: a&commat;b.org is an address.
    assertThat(MarkdownRenderer.needs("a&commat;b.org")).isEqualTo(4);
    assertThat(MarkdownRenderer.needs("www\\.b.org")).isEqualTo(4);
    assertThat(MarkdownRenderer.needs("| ~ @")).isEqualTo(MarkdownRenderer.ALL);
  }

  /** Random texts of Markdown's busiest characters, the extensions' triggers among them. */
  @Test
  void sameHtmlAsWithEveryExtensionOnRandomTexts() {
    String[] pieces = {
      "a",
      "b",
      " ",
      "\n",
      "\n\n",
      "|",
      "-",
      "---",
      ":",
      "~",
      "~~",
      "@",
      "www.",
      "WWW.",
      "x.org",
      "http",
      "://",
      "*",
      "_",
      "`",
      "```",
      "#",
      "> ",
      "1. ",
      "- ",
      "[",
      "]",
      "(",
      ")",
      "<",
      ">",
      "\\",
      "&",
      "e",
      "mailto",
      ".",
      "    ",
      "&commat;",
      "&period;",
      "&colon;",
      "&amp;",
      "&#64;",
      "&#124;",
      "&#126;",
      "example",
      "org",
      "w"
    };
    Random random = new Random(42);
    int checked = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(40); k > 0; k--)
        text.append(pieces[random.nextInt(pieces.length)]);
      String s = text.toString();
      assertThat(MarkdownRenderer.html(s, MarkdownRenderer.needs(s)))
          .as(s)
          .isEqualTo(MarkdownRenderer.html(s, MarkdownRenderer.ALL));
      if (MarkdownRenderer.needs(s) != MarkdownRenderer.ALL) checked++;
    }
    assertThat(checked).as("texts rendered with fewer extensions").isGreaterThan(1_000);
  }

  /**
   * Every advisory's details and release notes of this repository, and the real records of
   * ../shared/corpora.
   */
  @Test
  void sameHtmlAsWithEveryExtensionOnRealTexts() throws Exception {
    List<String> texts = new ArrayList<>();
    for (String dir : List.of("../advisories", "../releases")) {
      if (!Files.isDirectory(Path.of(dir))) continue;
      try (Stream<Path> walk = Files.walk(Path.of(dir))) {
        for (Path f : walk.filter(p -> p.toString().endsWith(".md")).toList())
          texts.add(Files.readString(f));
      }
    }
    assertThat(texts).hasSizeGreaterThan(10);
    Path corpora = Path.of("../../shared/corpora");
    if (Files.isDirectory(corpora)) {
      ObjectMapper json = new ObjectMapper();
      ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
      try (Stream<Path> walk = Files.walk(corpora)) {
        for (Path f : walk.filter(Files::isRegularFile).toList()) {
          String name = f.getFileName().toString();
          if (name.endsWith(".md")) texts.add(Files.readString(f));
          JsonNode record =
              name.endsWith(".json")
                  ? json.readTree(f.toFile())
                  : name.endsWith(".yaml") ? yaml.readTree(f.toFile()) : null;
          if (record != null && record.hasNonNull("details"))
            texts.add(record.get("details").asText());
        }
      }
    }
    int differing = 0;
    List<String> examples = new ArrayList<>();
    for (String s : texts) {
      if (!MarkdownRenderer.html(s, MarkdownRenderer.needs(s))
          .equals(MarkdownRenderer.html(s, MarkdownRenderer.ALL))) {
        differing++;
        if (examples.size() < 3) examples.add(s);
      }
    }
    assertThat(differing).as("of %d texts, e.g. %s", texts.size(), examples).isZero();
  }
}
