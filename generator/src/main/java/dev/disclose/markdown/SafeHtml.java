package dev.disclose.markdown;

/**
 * HTML that has been through {@link HtmlSanitizer} (or was produced by our own code from escaped
 * parts). The only kind of value templates may print unescaped.
 */
public record SafeHtml(String html) {
  public static final SafeHtml EMPTY = new SafeHtml("");

  @Override
  public String toString() {
    return html;
  }
}
