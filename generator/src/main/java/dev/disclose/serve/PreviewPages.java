package dev.disclose.serve;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages as the preview serves them: each with the reload script, and the 404 page with its
 * links at the preview's root.
 */
final class PreviewPages {
  private PreviewPages() {}

  /** {@code html} with the reload script before its {@code </body>}. */
  static String withReloadScript(String html) {
    int end = html.lastIndexOf("</body>");
    String tag = "<script src=\"" + OpenTabs.SCRIPT_PATH + "\"></script>\n";
    return end < 0 ? html + tag : html.substring(0, end) + tag + html.substring(end);
  }

  /**
   * The 404 page, whose links are absolute since a host serves it at any depth: they start with
   * {@code basePath}, the base URL's path, and the preview serves the site at its root instead.
   */
  static String notFoundAtRoot(String html, String basePath) {
    if (basePath.equals("/")) return html;
    Pattern link = Pattern.compile("(\\s(?:href|src|action)=\")" + Pattern.quote(basePath));
    return link.matcher(html).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "/"));
  }
}
