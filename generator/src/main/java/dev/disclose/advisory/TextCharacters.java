package dev.disclose.advisory;

import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.diagnostic.DiagnosticSeverity;
import dev.disclose.diagnostic.Findings;
import dev.disclose.diagnostic.Rule;
import dev.disclose.yaml.Position;
import dev.disclose.yaml.YamlNode;
import java.util.Locale;
import java.util.Set;

/**
 * C005 xml-character, C006 invisible-character: characters in an advisory's text that its XML
 * outputs cannot carry, or that hide or reorder what a reader sees.
 */
public final class TextCharacters {
  /** The fields where a hidden or reordering character spoofs what is shown: an error there. */
  private static final Set<String> NAMES = Set.of("title");

  private TextCharacters() {}

  /**
   * Checks every key and scalar of a YAML document, by the path checks name fields with; site
   * configuration and advisory front matter alike.
   */
  public static void checkFrontMatter(YamlNode node, String path, Findings findings) {
    if (node instanceof YamlNode.Scalar s) {
      checkScalar(s, path, findings);
    } else if (node instanceof YamlNode.Mapping m) {
      for (YamlNode.Entry e : m.entries()) {
        String child = path.isEmpty() ? e.key().text() : path + "." + e.key().text();
        checkScalar(e.key(), child, findings);
        checkFrontMatter(e.value(), child, findings);
      }
    } else if (node instanceof YamlNode.Sequence q) {
      for (int i = 0; i < q.items().size(); i++) {
        checkFrontMatter(q.items().get(i), path + "[" + i + "]", findings);
      }
    }
  }

  private static void checkScalar(YamlNode.Scalar s, String path, Findings findings) {
    // One finding of each kind per value: a value made of such characters is one mistake.
    boolean xmlSeen = false;
    boolean hiddenSeen = false;
    String text = s.text();
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      boolean xml = !isXmlChar(c);
      if ((xml && !xmlSeen) || (!xml && isHidden(c) && !hiddenSeen)) {
        report(
            findings,
            s.position(),
            c,
            "`" + path + "` (character " + (i + 1) + ") holds",
            isName(path));
        xmlSeen |= xml;
        hiddenSeen |= !xml;
      }
      i += Character.charCount(c);
    }
  }

  /** Checks the Markdown details, which start at {@code firstLine}, at each character's line. */
  static void checkBody(String body, int firstLine, Findings findings) {
    int line = firstLine;
    int column = 1;
    // One finding of each kind per line, for the same reason as in values.
    boolean xmlSeen = false;
    boolean hiddenSeen = false;
    for (int i = 0; i < body.length(); ) {
      int c = body.codePointAt(i);
      boolean xml = !isXmlChar(c);
      if ((xml && !xmlSeen) || (!xml && isHidden(c) && !hiddenSeen)) {
        report(findings, new Position(line, column), c, "the details hold", false);
        xmlSeen |= xml;
        hiddenSeen |= !xml;
      }
      if (c == '\n') {
        line++;
        column = 1;
        xmlSeen = false;
        hiddenSeen = false;
      } else {
        column++;
      }
      i += Character.charCount(c);
    }
  }

  private static boolean isName(String path) {
    return NAMES.contains(path) || (path.startsWith("affected[") && path.endsWith("].package"));
  }

  private static void report(
      Findings findings, Position position, int c, String where, boolean name) {
    String code = codePoint(c);
    if (!isXmlChar(c)) {
      findings.report(
          Rule.XML_CHARACTER,
          position,
          where
              + " "
              + code
              + ", which the site's XML feeds and VEX documents cannot carry; remove it (or"
              + " describe the character in words)");
      return;
    }
    String message =
        where
            + " "
            + code
            + ", "
            + (isBidi(c) ? "a bidirectional control" : "an invisible character")
            + " that can make the text read differently from what it is; remove it";
    DiagnosticSeverity severity = name ? DiagnosticSeverity.ERROR : DiagnosticSeverity.WARNING;
    findings.add(
        new Diagnostic(findings.file(), position, Rule.INVISIBLE_CHARACTER, severity, message));
  }

  /** U+XXXX, as Unicode names a code point. */
  static String codePoint(int c) {
    return String.format(Locale.ROOT, "U+%04X", c);
  }

  /** XML 1.0's Char production; a lone surrogate is its own code point here, and fails it. */
  static boolean isXmlChar(int c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }

  private static boolean isBidi(int c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  }

  /** Bidi controls and characters that take no space. */
  static boolean isHidden(int c) {
    return isBidi(c) || (c >= 0x200B && c <= 0x200F) || (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF;
  }
}
