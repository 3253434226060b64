package dev.disclose.announce;

import java.util.ArrayList;
import java.util.List;

/**
 * Fills text to a width, as plain-text mail is written: words move to the next line, a word longer
 * than the width (a URL) stands on a line of its own, and each paragraph's lines after the first
 * start with the hanging indent.
 */
final class TextWrap {
  private TextWrap() {}

  static String wrap(String text, int width, String first, String hanging) {
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
