package dev.disclose.markdown;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Markdown (CommonMark with GitHub tables, strikethrough and autolinks) to sanitized HTML. The
 * parsers and renderers are immutable and shared across threads.
 *
 * <p>A text is parsed with only the extensions it can need: a table needs a {@code |}, a
 * strikethrough a {@code ~}, an autolink a {@code :} (a URL), an {@code @} (an e-mail address) or
 * {@code www}, or an {@code &} or {@code \} (the autolink extension decodes entities and escapes
 * before it looks: {@code a&commat;b.org} is an address, {@code www\.b.org} a link). Without those
 * characters an extension finds nothing, so the HTML is the same, but flexmark sets each one up for
 * every text anyway (the tables extension compiles a regular expression per text), and most
 * advisories' details need none. MarkdownRendererTest checks the HTML equals the all-extensions
 * rendering on every text of the demo, real corpora and generated ones.
 */
public final class MarkdownRenderer {
  private static final int TABLES = 1;
  private static final int STRIKETHROUGH = 2;
  private static final int AUTOLINKS = 4;

  /** By the extensions they have, a bit each. */
  private static final Parser[] PARSERS = new Parser[8];

  private static final HtmlRenderer[] RENDERERS = new HtmlRenderer[8];

  static {
    for (int needs = 0; needs < 8; needs++) {
      List<Extension> extensions = new ArrayList<>();
      if ((needs & TABLES) != 0) extensions.add(TablesExtension.create());
      if ((needs & STRIKETHROUGH) != 0) extensions.add(StrikethroughExtension.create());
      if ((needs & AUTOLINKS) != 0) extensions.add(AutolinkExtension.create());
      MutableDataSet options = new MutableDataSet();
      options.set(Parser.EXTENSIONS, extensions);
      options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
      options.set(HtmlRenderer.RENDER_HEADER_ID, true);
      options.set(HtmlRenderer.SOFT_BREAK, "\n");
      PARSERS[needs] = Parser.builder(options).build();
      RENDERERS[needs] = HtmlRenderer.builder(options).build();
    }
  }

  private MarkdownRenderer() {}

  /** As {@link #render(String, String)}, for a text whose messages need not name its file. */
  public static SafeHtml render(String markdown) {
    return render(markdown, "the Markdown");
  }

  /**
   * {@code markdown} as sanitized HTML, refused with an {@link Unrenderable} that names {@code
   * where} (a file and line) when it breaks {@link MarkdownLimits} or still nests too deeply.
   */
  public static SafeHtml render(String markdown, String where) {
    return render(markdown, where, AS_WRITTEN);
  }

  /** Headings as the text writes them (an {@code <h1>} made h2): for a text that stands alone. */
  public static final int AS_WRITTEN = 0;

  /**
   * As {@link #render(String, String)}, with the text's headings moved so that its top level is
   * {@code topLevel} (2 to 6; {@link #AS_WRITTEN} leaves them): the level below the page's heading
   * that the text sits under. Heading IDs stay as their text makes them.
   */
  public static SafeHtml render(String markdown, String where, int topLevel) {
    Optional<MarkdownLimits.Breach> breach = MarkdownLimits.check(markdown);
    if (breach.isPresent()) {
      MarkdownLimits.Breach b = breach.get();
      throw new Unrenderable(
          where
              + " (line "
              + b.line()
              + " of the text): "
              + b.message()
              + "; simplify the Markdown (`disclose validate` shows each place)");
    }
    try {
      String html = html(markdown, needs(markdown));
      return topLevel == AS_WRITTEN
          ? HtmlSanitizer.sanitize(html)
          : HtmlSanitizer.sanitize(html, topLevel);
    } catch (StackOverflowError e) {
      // The last line of defence: a shape the limits do not foresee must still name its file.
      throw new Unrenderable(
          where
              + ": the Markdown nests too deeply to render; flatten its quotes, lists and"
              + " emphasis");
    }
  }

  /** Markdown refused before or while rendering; the message names the text and what to do. */
  public static final class Unrenderable extends IllegalStateException {
    Unrenderable(String message) {
      super(message);
    }
  }

  /** The extensions {@code markdown} can need. */
  static int needs(String markdown) {
    int needs = 0;
    if (markdown.indexOf('|') >= 0) needs |= TABLES;
    if (markdown.indexOf('~') >= 0) needs |= STRIKETHROUGH;
    if (markdown.indexOf(':') >= 0
        || markdown.indexOf('@') >= 0
        || markdown.indexOf('&') >= 0
        || markdown.indexOf('\\') >= 0
        || containsWww(markdown)) {
      needs |= AUTOLINKS;
    }
    return needs;
  }

  private static boolean containsWww(String s) {
    for (int i = 0; i + 3 <= s.length(); i++) {
      if ((s.charAt(i) | 0x20) == 'w' && s.regionMatches(true, i, "www", 0, 3)) return true;
    }
    return false;
  }

  /** {@code markdown} parsed as {@link #render} parses it, for a reader of its text alone. */
  static Node parse(String markdown) {
    return PARSERS[needs(markdown)].parse(markdown);
  }

  /**
   * Unsanitized HTML of {@code markdown} parsed with the extensions {@code needs} names (all: 7).
   */
  static String html(String markdown, int needs) {
    return RENDERERS[needs].render(PARSERS[needs].parse(markdown));
  }

  /** Every extension, whatever the text: what {@link #render} must equal. */
  static final int ALL = TABLES | STRIKETHROUGH | AUTOLINKS;
}
