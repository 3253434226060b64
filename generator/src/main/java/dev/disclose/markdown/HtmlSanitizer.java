package dev.disclose.markdown;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The allow-list for HTML that comes from advisories (pull requests are untrusted): text structure,
 * tables, code and http(s)/mailto links. No script, style, event handler, iframe, form, image or
 * {@code javascript:}/{@code data:} URL survives. No {@code <h1>} survives either, so that a text
 * never competes with the page's own, and a text under a section of the page has its headings moved
 * below that section's.
 */
public final class HtmlSanitizer {
  /** The deepest heading HTML has. */
  private static final int DEEPEST = 6;

  /** By how many levels headings move, from {@code -DEEPEST + 1} to {@code DEEPEST - 1}. */
  private static final PolicyFactory[] POLICIES = new PolicyFactory[2 * DEEPEST - 1];

  static {
    for (int shift = -DEEPEST + 1; shift < DEEPEST; shift++)
      POLICIES[shift + DEEPEST - 1] = policy(shift);
  }

  private static PolicyFactory policy(int shift) {
    HtmlPolicyBuilder b =
        new HtmlPolicyBuilder()
            .allowElements(
                "p",
                "br",
                "hr",
                "blockquote",
                "pre",
                "code",
                "em",
                "strong",
                "del",
                "s",
                "sub",
                "sup",
                "kbd",
                "ul",
                "ol",
                "li",
                "dl",
                "dt",
                "dd",
                "table",
                "thead",
                "tbody",
                "tr",
                "th",
                "td",
                "a",
                "span",
                "details",
                "summary");
    for (int level = 1; level <= DEEPEST; level++) {
      // An <h1> never survives: the page's own title is its only one.
      String to = "h" + Math.max(2, Math.min(DEEPEST, level + shift));
      b.allowElements((name, attrs) -> to, "h" + level);
    }
    return b.allowAttributes("id")
        .matching(Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,80}"))
        .onElements("h1", "h2", "h3", "h4", "h5", "h6")
        .allowAttributes("class")
        .matching(Pattern.compile("language-[A-Za-z0-9_+-]{1,40}"))
        .onElements("code")
        .allowAttributes("align")
        .matching(true, "left", "right", "center")
        .onElements("th", "td")
        .allowAttributes("start")
        .matching(Pattern.compile("[0-9]{1,6}"))
        .onElements("ol")
        .allowAttributes("href")
        .onElements("a")
        .allowStandardUrlProtocols() // http, https, mailto
        .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
        .toFactory();
  }

  private static final Pattern HEADING = Pattern.compile("<[hH]([1-6])[\\s>/]");

  private HtmlSanitizer() {}

  /** {@code untrustedHtml} made safe, its headings as written but an {@code <h1>} made h2. */
  public static SafeHtml sanitize(String untrustedHtml) {
    return new SafeHtml(POLICIES[DEEPEST - 1].sanitize(untrustedHtml));
  }

  /**
   * {@code untrustedHtml} made safe, its headings moved so that its top level is {@code topLevel}
   * (2 to 6) and the levels below keep their steps, none deeper than h6: a text under a page's
   * section heading then nests below it, whatever level its author started at.
   */
  public static SafeHtml sanitize(String untrustedHtml, int topLevel) {
    if (topLevel < 2 || topLevel > DEEPEST)
      throw new IllegalArgumentException("a text's top heading level is 2 to 6, not " + topLevel);
    int top = DEEPEST + 1;
    Matcher m = HEADING.matcher(untrustedHtml);
    while (m.find() && top > 1) top = Math.min(top, m.group(1).charAt(0) - '0');
    int shift = top > DEEPEST ? 0 : topLevel - top;
    return new SafeHtml(POLICIES[shift + DEEPEST - 1].sanitize(untrustedHtml));
  }
}
