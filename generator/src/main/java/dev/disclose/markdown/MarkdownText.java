package dev.disclose.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Markdown as the plain text a reader of it sees, for formats that carry text only (a CVE record's
 * description): paragraphs and headings separated by blank lines, list items marked {@code -} or
 * numbered, code as it is written, a link's text followed by its address, and no markup, raw HTML
 * or escapes. Parsed as {@link MarkdownRenderer} parses it, so both read the same document.
 */
public final class MarkdownText {

  private MarkdownText() {}

  /** The plain text of {@code markdown}, without trailing blanks on any line. */
  public static String of(String markdown) {
    List<String> blocks = new ArrayList<>();
    blocks(MarkdownRenderer.parse(markdown), blocks);
    StringBuilder out = new StringBuilder();
    // Line by line, not by a regular expression: a long run of blanks costs one pass.
    for (String line : String.join("\n\n", blocks).split("\n", -1)) {
      if (out.length() > 0) out.append('\n');
      out.append(line.stripTrailing());
    }
    return out.toString().strip();
  }

  /** Each block under {@code parent}, as text. */
  private static void blocks(Node parent, List<String> out) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      String block = block(n);
      if (!block.isBlank()) out.add(block);
    }
  }

  private static String block(Node n) {
    if (n instanceof Paragraph || n instanceof Heading) return inline(n).strip();
    if (n instanceof FencedCodeBlock code) return code.getContentChars().toString().stripTrailing();
    if (n instanceof IndentedCodeBlock code)
      return code.getContentChars().toString().stripTrailing();
    if (n instanceof BulletList || n instanceof OrderedList) return list(n);
    if (n instanceof BlockQuote) {
      List<String> inner = new ArrayList<>();
      blocks(n, inner);
      return String.join("\n\n", inner)
          .lines()
          .map(l -> "> " + l)
          .reduce((a, b) -> a + "\n" + b)
          .orElse("");
    }
    if (n instanceof TableRow) return inline(n);
    if (n instanceof HtmlBlockBase) return withoutTags(n.getChars().toString()).strip();
    if (n instanceof ThematicBreak || n instanceof Reference || n instanceof TableSeparator)
      return "";
    // Tables and any other container: their rows or blocks, one per line.
    List<String> inner = new ArrayList<>();
    blocks(n, inner);
    return String.join(n.getClass().getSimpleName().startsWith("Table") ? "\n" : "\n\n", inner);
  }

  /** A list's items, each marked and its continuation lines indented under the marker. */
  private static String list(Node list) {
    List<String> items = new ArrayList<>();
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      if (!(item instanceof ListItem)) continue;
      String marker =
          item instanceof OrderedListItem ordered
              ? ordered.getOpeningMarker().toString().replace(')', '.')
              : "-";
      List<String> inner = new ArrayList<>();
      blocks(item, inner);
      String indent = " ".repeat(marker.length() + 1);
      String text = String.join("\n", inner).replace("\n", "\n" + indent);
      items.add(marker + " " + text);
    }
    return String.join("\n", items);
  }

  /** The text of the inline content under {@code parent}. */
  private static String inline(Node parent) {
    StringBuilder b = new StringBuilder();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) inline(n, b);
    return b.toString();
  }

  private static void inline(Node n, StringBuilder b) {
    if (n instanceof Text || n instanceof HtmlEntity) {
      b.append(n.getChars().unescape());
    } else if (n instanceof Code code) {
      b.append(code.getText());
    } else if (n instanceof SoftLineBreak) {
      b.append(' ');
    } else if (n instanceof HardLineBreak) {
      b.append('\n');
    } else if (n instanceof HtmlInlineBase) {
      // Raw HTML is markup, not text: the page shows it sanitized, the text leaves it out.
    } else if (n instanceof AutoLink link) {
      b.append(link.getText().unescape());
    } else if (n instanceof MailLink link) {
      b.append(link.getText().unescape());
    } else if (n instanceof Image || n instanceof ImageRef) {
      b.append(inline(n));
    } else if (n instanceof Link link) {
      String text = inline(link);
      String url = link.getUrl().unescape();
      b.append(text);
      if (!url.isEmpty() && !url.equals(text) && url.contains(":"))
        b.append(" (").append(url).append(')');
    } else if (n instanceof TableCell) {
      if (b.length() > 0) b.append(" | ");
      b.append(inline(n).strip());
    } else {
      b.append(inline(n));
    }
  }

  /** {@code html} without its tags, in one pass: an unclosed {@code <} keeps the rest. */
  static String withoutTags(String html) {
    StringBuilder out = new StringBuilder(html.length());
    int at = 0;
    while (at < html.length()) {
      int open = html.indexOf('<', at);
      if (open < 0) break;
      int close = html.indexOf('>', open);
      if (close < 0) break;
      out.append(html, at, open);
      at = close + 1;
    }
    return out.append(html, at, html.length()).toString();
  }
}
