package dev.disclose.markdown;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The allow-list for HTML that comes from advisories (pull requests are untrusted): text structure,
 * tables, code and http(s)/mailto links. No script, style, event handler, iframe, form, image or
 * {@code javascript:}/{@code data:} URL survives. Headings are shifted down one level so that the
 * details never compete with the page's own {@code <h1>}.
 */
public final class HtmlSanitizer {
  private static final PolicyFactory POLICY =
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
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "a",
              "span",
              "details",
              "summary")
          .allowElements((name, attrs) -> "h2", "h1")
          .allowAttributes("id")
          .matching(Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,80}"))
          .onElements("h2", "h3", "h4", "h5", "h6")
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

  private HtmlSanitizer() {}

  public static SafeHtml sanitize(String untrustedHtml) {
    return new SafeHtml(POLICY.sanitize(untrustedHtml));
  }
}
