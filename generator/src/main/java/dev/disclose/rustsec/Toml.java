package dev.disclose.rustsec;

import java.util.List;
import java.util.stream.Collectors;

/** The little TOML advisory-db files use: string values, arrays of strings, section headers. */
final class Toml {
  private final StringBuilder out = new StringBuilder();

  void line(String line) {
    out.append(line).append('\n');
  }

  void text(String text) {
    out.append(text).append('\n');
  }

  void string(String key, String value) {
    line(key + " = " + quote(value));
  }

  void strings(String key, List<String> values) {
    line(key + " = [" + values.stream().map(Toml::quote).collect(Collectors.joining(", ")) + "]");
  }

  /** A TOML basic string: quotes, backslashes and control characters escaped. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) b.append(String.format("\\u%04X", (int) c));
          else b.append(c);
        }
      }
    }
    return b.append('"').toString();
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
