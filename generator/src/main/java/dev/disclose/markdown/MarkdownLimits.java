package dev.disclose.markdown;

import java.util.Optional;

/**
 * The shapes of Markdown that make the parser recurse deeply or rescan the text: nesting, long or
 * many delimiter runs, many links and reference definitions. The scan is one pass over the text, so
 * checking costs no more than reading it, and a text it passes renders in bounded depth and
 * near-linear time.
 */
public final class MarkdownLimits {
  private MarkdownLimits() {}

  /** Block quotes and list markers opened on one line. */
  public static final int MAX_NESTING = 16;

  /** Columns of leading indentation, which nest lists as markers do. */
  public static final int MAX_INDENT = 64;

  /** Characters in one run of {@code *}, {@code _}, {@code ~} or backticks. */
  public static final int MAX_RUN = 32;

  /** Emphasis and strikethrough delimiter runs in one paragraph, which can nest. */
  public static final int MAX_DELIMITER_RUNS = 200;

  /** Backtick runs in one text, each of which the parser matches against the rest. */
  public static final int MAX_BACKTICK_RUNS = 1000;

  /** Link and image openers ({@code [}) in one text. */
  public static final int MAX_BRACKETS = 1000;

  /** Reference definitions ({@code [label]: url}) in one text. */
  public static final int MAX_REFERENCE_DEFINITIONS = 200;

  /** Where {@code markdown} first goes past a limit: its line and column (from 1) and why. */
  public record Breach(int line, int column, String message) {}

  /** The first limit {@code markdown} breaks, if any. */
  public static Optional<Breach> check(String markdown) {
    int line = 1;
    int lineStart;
    int delimiterRuns = 0;
    int backtickRuns = 0;
    int brackets = 0;
    int definitions = 0;
    int n = markdown.length();
    int i = 0;
    while (i <= n) {
      int end = markdown.indexOf('\n', i);
      if (end < 0) end = n;
      lineStart = i;
      // The container prefix: indentation, then block-quote and list markers.
      int indent = 0;
      int markers = 0;
      int j = lineStart;
      while (j < end) {
        char c = markdown.charAt(j);
        if (c == ' ') {
          indent++;
          j++;
        } else if (c == '\t') {
          indent += 4;
          j++;
        } else if (c == '>') {
          markers++;
          j++;
        } else if ((c == '-' || c == '+' || c == '*') && j + 1 < end && isSpace(markdown, j + 1)) {
          markers++;
          j++;
        } else {
          int k = j;
          while (k < end && k - j < 9 && Character.isDigit(markdown.charAt(k))) k++;
          if (k > j
              && k + 1 < end
              && (markdown.charAt(k) == '.' || markdown.charAt(k) == ')')
              && isSpace(markdown, k + 1)) {
            markers++;
            j = k + 1;
          } else {
            break;
          }
        }
        if (markers > MAX_NESTING) {
          return breach(
              line,
              j - lineStart,
              "more than " + MAX_NESTING + " block quotes or list items are nested on this line");
        }
        if (indent > MAX_INDENT) {
          return breach(
              line,
              j - lineStart,
              "the line is indented more than " + MAX_INDENT + " columns (nested lists or quotes)");
        }
      }
      boolean blank = j == end;
      if (blank) delimiterRuns = 0;
      if (j < end && markdown.charAt(j) == '[' && hasDefinitionColon(markdown, j, end)) {
        if (++definitions > MAX_REFERENCE_DEFINITIONS) {
          return breach(
              line,
              j - lineStart + 1,
              "more than " + MAX_REFERENCE_DEFINITIONS + " reference definitions");
        }
      }
      boolean thematicBreak = isThematicBreak(markdown, j, end);
      // Inline runs on the rest of the line.
      int k = j;
      while (k < end) {
        char c = markdown.charAt(k);
        if (c == '*' || c == '_' || c == '~' || c == '`') {
          int runStart = k;
          while (k < end && markdown.charAt(k) == c) k++;
          int length = k - runStart;
          if (thematicBreak) continue;
          boolean fence = c == '`' && runStart == j;
          if (length > MAX_RUN && !(fence || (c == '~' && runStart == j))) {
            return breach(
                line,
                runStart - lineStart + 1,
                "a run of " + length + " `" + c + "` characters (at most " + MAX_RUN + ")");
          }
          if (c == '`') {
            if (!fence && ++backtickRuns > MAX_BACKTICK_RUNS) {
              return breach(
                  line, runStart - lineStart + 1, "more than " + MAX_BACKTICK_RUNS + " code spans");
            }
          } else if (++delimiterRuns > MAX_DELIMITER_RUNS) {
            return breach(
                line,
                runStart - lineStart + 1,
                "more than "
                    + MAX_DELIMITER_RUNS
                    + " emphasis markers (`*`, `_`, `~`) in one paragraph");
          }
          continue;
        }
        if (c == '[' && ++brackets > MAX_BRACKETS) {
          return breach(
              line, k - lineStart + 1, "more than " + MAX_BRACKETS + " links or `[` brackets");
        }
        k++;
      }
      line++;
      i = end + 1;
    }
    return Optional.empty();
  }

  private static Optional<Breach> breach(int line, int column, String message) {
    return Optional.of(new Breach(line, Math.max(1, column), message));
  }

  private static boolean isSpace(String s, int i) {
    char c = s.charAt(i);
    return c == ' ' || c == '\t';
  }

  /**
   * Whether {@code [} at {@code from} starts {@code [label]:}, looking no further than the line.
   */
  private static boolean hasDefinitionColon(String s, int from, int end) {
    for (int k = from + 1; k + 1 < end; k++) {
      if (s.charAt(k) == ']') return s.charAt(k + 1) == ':';
    }
    return false;
  }

  /** Whether the rest of the line is only one of {@code *}, {@code -}, {@code _} and spaces. */
  private static boolean isThematicBreak(String s, int from, int end) {
    if (from >= end) return false;
    char mark = s.charAt(from);
    if (mark != '*' && mark != '-' && mark != '_') return false;
    for (int k = from; k < end; k++) {
      char c = s.charAt(k);
      if (c != mark && c != ' ' && c != '\t') return false;
    }
    return true;
  }
}
