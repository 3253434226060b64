package dev.disclose.markdown;

import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeVisitor;
import com.vladsch.flexmark.util.ast.VisitHandler;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Markdown with its paragraphs' soft line breaks joined, for places that show a newline as a line
 * break (GitHub's advisory descriptions): the advisory files wrap their prose at a margin, which
 * reads well in the file and badly there. Code, lists and the rest keep their lines.
 */
public final class SoftBreaks {
  private static final Parser PARSER;

  static {
    MutableDataSet options = new MutableDataSet();
    options.set(
        Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create()));
    PARSER = Parser.builder(options).build();
  }

  private SoftBreaks() {}

  /** {@code markdown} with each soft line break, and the indentation after it, one space. */
  public static String joined(String markdown) {
    if (MarkdownLimits.check(markdown).isPresent()) return markdown;
    List<int[]> spans = new ArrayList<>();
    NodeVisitor visitor =
        new NodeVisitor(
            new VisitHandler<>(
                SoftLineBreak.class,
                b -> {
                  int end = b.getEndOffset();
                  while (end < markdown.length()
                      && (markdown.charAt(end) == ' ' || markdown.charAt(end) == '\t')) end++;
                  spans.add(new int[] {b.getStartOffset(), end});
                }));
    try {
      Node document = PARSER.parse(markdown);
      visitor.visit(document);
    } catch (StackOverflowError e) {
      return markdown;
    }
    StringBuilder out = new StringBuilder(markdown.length());
    int at = 0;
    for (int[] span : spans) {
      out.append(markdown, at, span[0]).append(' ');
      at = span[1];
    }
    return out.append(markdown.substring(at)).toString();
  }
}
