package dev.disclose.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Fills text to a width, as plain-text mail and help screens are written: words move to the next
 * line, a word longer than the width (a URL) stands on a line of its own, and each paragraph's
 * lines after the first start with the hanging indent.
 */
public final class TextWrap {
  private TextWrap() {}

  /**
   * {@code text} filled to {@code width}: its first line after {@code first}, the rest after {@code
   * hanging}.
   */
  public static String wrap(String text, int width, String first, String hanging) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n", -1)) {
      StringBuilder line = new StringBuilder(lines.isEmpty() ? first : hanging);
      int start = line.length();
      for (String word : paragraph.strip().split(" +")) {
        if (word.isEmpty()) continue;
        if (line.length() > start && line.length() + 1 + word.length() > width) {
          lines.add(line.toString());
          line = new StringBuilder(hanging);
          start = line.length();
        }
        if (line.length() > start) line.append(' ');
        line.append(word);
      }
      lines.add(line.toString().stripTrailing());
    }
    return String.join("\n", lines);
  }
}
