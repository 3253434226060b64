package dev.disclose.report;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Text from the repository made safe for terminals and CI logs, the one place every command's
 * output goes through: control characters (a newline could forge a workflow command, ESC and C1
 * sequences rewrite the screen, CR and BS overwrite what was printed), line separators and format
 * characters (bidirectional overrides reorder what is shown) become {@code \\u{…}} escapes.
 */
public final class TerminalText {
  private TerminalText() {}

  /**
   * {@code text} with every character that would act on a terminal shown as an escape; null as
   * {@code "null"}, as string concatenation shows it (an exception without a message).
   */
  public static String visible(String text) {
    if (text == null) return "null";
    StringBuilder b = null;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int next = i + Character.charCount(c);
      if (acts(c)) {
        if (b == null) b = new StringBuilder(text.length() + 16).append(text, 0, i);
        b.append(String.format(Locale.ROOT, "\\u{%04X}", c));
      } else if (b != null) {
        b.append(text, i, next);
      }
      i = next;
    }
    return b == null ? text : b.toString();
  }

  /** A path as messages show it, with forward slashes, made visible. */
  public static String path(Path path) {
    return visible(path.toString().replace('\\', '/'));
  }

  /**
   * Whether {@code codePoint} acts on a terminal rather than showing: C0 and C1 controls, DEL, line
   * and paragraph separators, and format characters such as bidirectional overrides.
   */
  public static boolean acts(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  /**
   * JSON escapes for output a terminal may show: JSON's own, and {@code \}{@code uXXXX} for every
   * other character that {@link #acts}, so the document stays valid JSON and means the same.
   */
  public static CharacterEscapes jsonEscapes() {
    return JsonEscapes.INSTANCE;
  }

  private static final class JsonEscapes extends CharacterEscapes {
    static final JsonEscapes INSTANCE = new JsonEscapes();
    private final int[] ascii = standardAsciiEscapesForJSON();

    private JsonEscapes() {
      ascii[0x7F] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      // A character outside the BMP comes as two surrogates, which never act.
      return acts(ch) ? new SerializedString(String.format(Locale.ROOT, "\\u%04X", ch)) : null;
    }
  }
}
