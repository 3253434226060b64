package dev.disclose.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The job summary is public Markdown that GitHub renders for whoever opens it: what a pull request
 * writes in an advisory shows there as text, never as an image or HTML that would load from its
 * author's server and tell them who looked.
 */
class InertSummaryTest {
  static final List<String> PAYLOADS =
      List.of(
          "![x](https://example.invalid/p.png)",
          "<img src=https://example.invalid/i.png>",
          "<https://example.invalid/auto.png>",
          "https://example.invalid/bare.png",
          "[![y](https://example.invalid/q.png)](https://example.invalid/)",
          "&lt;img src=x&gt; `code` *em* _em_ ~~gone~~ $x$ \\![z](https://example.invalid/z.png)",
          "a | b ![w](https://example.invalid/w.png) \\| <b>c</b>");

  static Advisory advisory(String id, String payload) {
    String quoted = "'" + payload.replace("'", "''") + "'";
    String text =
        """
        ---
        id: %s
        title: %s
        published: 2026-01-10
        affected:
          - ecosystem: npm
            package: %s
            ranges:
              - introduced: 1.0.0
                fixed: 1.4.2
        credits:
          - name: %s
        ---
        %s
        """
            .formatted(id, quoted, quoted, quoted, payload);
    return AdvisoryParser.parse(text, Path.of(id + ".md"), id + ".md").advisory().orElseThrow();
  }

  @Test
  void untrustedTextRendersAsItselfWithoutImagesOrHtml() {
    List<ChangeSummary.Entry> entries = new ArrayList<>();
    for (int i = 0; i < PAYLOADS.size(); i++) {
      Advisory a = advisory("FIX-2026-%04d".formatted(i + 1), PAYLOADS.get(i));
      entries.add(
          new ChangeSummary.Entry(ChangeSummary.Change.ADDED, "f.md", Optional.of(a), false));
    }
    // A private repository names advisories that are not public too: the same text, escaped.
    Advisory draft = advisory("FIX-2026-0099", PAYLOADS.get(0));
    entries.add(
        new ChangeSummary.Entry(ChangeSummary.Change.CHANGED, "d.md", Optional.of(draft), true));

    String markdown = ChangeSummary.markdown(entries, "main", false);
    MutableDataSet options = new MutableDataSet();
    options.set(
        Parser.EXTENSIONS,
        List.of(
            TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create()));
    Document document = Parser.builder(options).build().parse(markdown);

    List<String> live = new ArrayList<>();
    for (Node n : document.getDescendants()) {
      if (n instanceof Image
          || n instanceof ImageRef
          || n instanceof HtmlInline
          || n instanceof HtmlBlock
          || n instanceof HtmlEntity && !n.getChars().toString().matches("&(amp|lt|gt);")
          || n instanceof Link
          || n instanceof LinkRef) {
        live.add(n.getClass().getSimpleName() + ": " + n.getChars());
      }
    }
    assertThat(live).as(markdown).isEmpty();
    String html = HtmlRenderer.builder(options).build().render(document);
    assertThat(html).doesNotContain("<img", "<b>").doesNotContainPattern("<[^>]*\\ssrc=");

    // Each row shows the payload itself, in a cell of its own: nothing broke out of the table.
    List<Element> rows = Jsoup.parse(html).select("tbody tr");
    assertThat(rows).hasSize(PAYLOADS.size() + 1);
    for (int i = 0; i < PAYLOADS.size(); i++) {
      List<String> cells = rows.get(i).select("td").eachText();
      assertThat(cells).hasSize(4);
      assertThat(cells.get(1)).isEqualTo(PAYLOADS.get(i));
      assertThat(cells.get(3)).isEqualTo(PAYLOADS.get(i) + " (npm)");
    }
  }
}
