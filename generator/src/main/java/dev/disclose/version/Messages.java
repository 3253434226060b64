package dev.disclose.version;

/** Formatting of version texts inside user-facing messages. */
final class Messages {
  /** Longer texts are cut in messages so that one bad value cannot flood the output. */
  static final int MAX_QUOTED = 64;

  private Messages() {}

  /**
   * {@code text} in backticks, with invisible characters escaped ({@code \t}, {@code \n}, {@code
   * \u200B}, …) and cut to {@value #MAX_QUOTED} characters.
   */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_QUOTED) + 8).append('`');
    int shown = 0;
    for (int i = 0; i < text.length(); ) {
      if (shown == MAX_QUOTED) {
        out.append('…');
        break;
      }
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      shown++;
      switch (cp) {
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> {
          if (cp != ' ' && isInvisible(cp)) {
            out.append(String.format("\\u%04X", cp));
          } else {
            out.appendCodePoint(cp);
          }
        }
      }
    }
    return out.append('`').toString();
  }

  /** Whitespace (including no-break spaces), control characters and invisible format characters. */
  static boolean isInvisible(int cp) {
    return Character.isWhitespace(cp)
        || Character.isSpaceChar(cp)
        || Character.isISOControl(cp)
        || Character.getType(cp) == Character.FORMAT;
  }

  /**
   * Why {@code text} cannot be a version of any ecosystem (empty, too long, or containing an
   * invisible character), or null if it passes these checks.
   */
  static String basicProblem(String text, int maxLength) {
    if (text.isEmpty()) {
      return "it is empty";
    }
    if (text.isBlank()) {
      return "it is blank";
    }
    for (int i = 0, position = 1; i < text.length(); position++) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (isInvisible(cp)) {
        return "it contains " + describe(cp) + " at position " + position;
      }
    }
    int length = text.codePointCount(0, text.length());
    if (length > maxLength) {
      return "it is " + length + " characters long; at most " + maxLength + " are allowed";
    }
    return null;
  }

  private static String describe(int cp) {
    if (cp == ' ') return "a space";
    if (cp == '\t') return "a tab";
    if (cp == '\n' || cp == '\r') return "a line break";
    String code = String.format("U+%04X", cp);
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) return "whitespace (" + code + ")";
    if (Character.isISOControl(cp)) return "a control character (" + code + ")";
    return "an invisible formatting character (" + code + ")";
  }
}
