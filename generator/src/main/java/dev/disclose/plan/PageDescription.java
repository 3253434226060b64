package dev.disclose.plan;

import dev.disclose.markdown.MarkdownText;
import java.util.regex.Pattern;

/**
 * An advisory page's description for search results and link previews: the opening sentences of its
 * details as plain text, whole sentences where they fit, else cut at a word with an ellipsis.
 */
final class PageDescription {
  /** About what search engines and chat previews show before they cut. */
  static final int MAX = 160;

  /** Sentences shorter than this are joined by the next, so a description is not just "Hi.". */
  private static final int MIN_SENTENCES = 50;

  /** Enough Markdown for {@link #MAX} characters of text, with room for links' addresses. */
  private static final int SOURCE = 2000;

  private PageDescription() {}

  /** How a heading, HTML block, table, quote, setext underline or thematic break begins. */
  private static final Pattern NOT_PROSE = Pattern.compile("([#<|>]|[=-]{3,}|[*_]{3,}$).*");

  /** The description of an advisory titled {@code title} whose details are {@code markdown}. */
  static String of(String title, String markdown) {
    String text = plain(opening(markdown));
    if (text.isEmpty()) return title;
    if (text.length() <= MAX) return text;
    int end = -1;
    for (int i = 1; i < MAX; i++) {
      char c = text.charAt(i - 1);
      if ((c == '.' || c == '!' || c == '?') && text.charAt(i) == ' ') end = i;
    }
    if (end >= MIN_SENTENCES) return text.substring(0, end);
    int space = text.lastIndexOf(' ', MAX - 1);
    String cut = text.substring(0, space > MAX / 2 ? space : MAX - 1).stripTrailing();
    while (!cut.isEmpty() && ",;:-–—(".indexOf(cut.charAt(cut.length() - 1)) >= 0)
      cut = cut.substring(0, cut.length() - 1).stripTrailing();
    return cut + "…";
  }

  /**
   * The first paragraphs of prose of {@code markdown}, enough for a description: no heading
   * (GitHub's "### Summary"), code, table, quote or HTML block, and nothing past them read.
   */
  private static String opening(String markdown) {
    StringBuilder out = new StringBuilder();
    StringBuilder paragraph = new StringBuilder();
    boolean prose = false;
    String fence = null;
    for (String line : markdown.split("\n", -1)) {
      String t = line.strip();
      if (fence != null) {
        if (t.startsWith(fence)) fence = null;
        continue;
      }
      if (t.startsWith("```") || t.startsWith("~~~")) {
        fence = t.substring(0, 3);
        continue;
      }
      if (t.isEmpty()) {
        if (prose) out.append(paragraph).append('\n');
        paragraph.setLength(0);
        prose = false;
        if (out.length() > MAX || out.length() > SOURCE) break;
        continue;
      }
      if (paragraph.length() == 0)
        prose = !line.startsWith("    ") && !NOT_PROSE.matcher(t).matches();
      if (paragraph.length() + line.length() <= SOURCE) paragraph.append(line).append('\n');
    }
    if (prose && out.length() <= MAX) out.append(paragraph);
    return out.toString();
  }

  private static String plain(String markdown) {
    return MarkdownText.of(markdown).replaceAll("\\s+", " ").strip();
  }
}
