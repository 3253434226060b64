package dev.disclose.advisory;

import dev.disclose.yaml.Position;

/**
 * Splits an advisory file into its YAML front matter and Markdown details, remembering on which
 * line each starts so that positions can be reported in file coordinates.
 */
public record FrontMatter(String yaml, int yamlFirstLine, String body, int bodyFirstLine) {

  /** The outcome of splitting: the parts, or where and why the front matter is missing. */
  public sealed interface Split {
    record Parts(FrontMatter frontMatter) implements Split {}

    record Missing(Position position, String message) implements Split {}
  }

  public static Split split(String text) {
    int firstLineEnd = lineEnd(text, 0);
    if (!isDelimiter(text.substring(0, firstLineEnd), false)) {
      return new Split.Missing(
          Position.START, "the file must start with a `---` line opening the YAML front matter");
    }
    int line = 2;
    int lineStart = next(text, firstLineEnd);
    int yamlStart = lineStart;
    while (lineStart < text.length()) {
      int end = lineEnd(text, lineStart);
      if (isDelimiter(text.substring(lineStart, end), true)) {
        String yaml = text.substring(yamlStart, lineStart);
        int bodyStart = next(text, end);
        return new Split.Parts(
            new FrontMatter(yaml, 2, text.substring(Math.min(bodyStart, text.length())), line + 1));
      }
      lineStart = next(text, end);
      line++;
    }
    return new Split.Missing(
        Position.START, "the front matter opened on line 1 is never closed by a `---` line");
  }

  private static boolean isDelimiter(String line, boolean closing) {
    String stripped = line.stripTrailing();
    return stripped.equals("---") || (closing && stripped.equals("..."));
  }

  private static int lineEnd(String text, int from) {
    int nl = text.indexOf('\n', from);
    int end = nl < 0 ? text.length() : nl;
    return end > from && text.charAt(end - 1) == '\r' ? end - 1 : end;
  }

  private static int next(String text, int lineEnd) {
    if (lineEnd < text.length() && text.charAt(lineEnd) == '\r') lineEnd++;
    return lineEnd < text.length() ? lineEnd + 1 : text.length();
  }
}
