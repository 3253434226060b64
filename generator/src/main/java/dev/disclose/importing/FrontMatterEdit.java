package dev.disclose.importing;

import dev.disclose.advisory.AdvisoryParser;
import dev.disclose.advisory.FrontMatter;
import dev.disclose.yaml.YamlNode;
import dev.disclose.yaml.YamlReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rewrites chosen top-level keys of an advisory file's front matter and leaves every other line as
 * the maintainer wrote it, comments and layout included, so that a merge changes only what it
 * merged.
 */
final class FrontMatterEdit {
  /** The format's key order, where a key the file does not have yet is inserted. */
  static final List<String> ORDER = AdvisoryParser.TOP_LEVEL_KEYS;

  private FrontMatterEdit() {}

  /**
   * {@code text} with each key of {@code values} set to its value, or empty if the file's front
   * matter cannot be read as a map of keys. {@code before}: the file's values as the format writes
   * them; a list whose new value keeps the old items in place and appends or replaces some is
   * edited item by item, and a one-line {@code [a, b]} list stays on its line, so the items and
   * comments the edit does not change stay as they were.
   */
  static Optional<String> apply(
      String text, Map<String, Object> before, Map<String, Object> values) {
    if (!(FrontMatter.split(text) instanceof FrontMatter.Split.Parts parts))
      return Optional.empty();
    FrontMatter fm = parts.frontMatter();
    if (!(YamlReader.read(fm.yaml(), fm.yamlFirstLine()) instanceof YamlReader.Result.Read read)
        || !(read.root() instanceof YamlNode.Mapping root)) return Optional.empty();
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    // Line numbers are 1-based file lines; the closing delimiter is the line before the details.
    int closing = fm.bodyFirstLine() - 1;
    List<YamlNode.Entry> entries = root.entries();
    List<Splice> splices = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      YamlNode.Entry entry = entries.get(i);
      String key = entry.key().text();
      if (!values.containsKey(key)) continue;
      if (entry.key().position().column() != 1) return Optional.empty();
      int from = entry.key().position().line();
      int to = i + 1 < entries.size() ? entries.get(i + 1).key().position().line() : closing;
      // Comment and blank lines before the next key describe that key: keep them.
      while (to - 1 > from && isCommentOrBlank(lines.get(to - 2))) to--;
      Object value = values.get(key);
      if (value instanceof List<?> items
          && before.get(key) instanceof List<?> old
          && items.size() >= old.size()
          && entry.value() instanceof YamlNode.Sequence sequence
          && sequence.items().size() == old.size()) {
        Optional<String> flow = flowLine(lines.get(from - 1), key, items);
        if (flow.isPresent()) {
          splices.add(new Splice(from, from + 1, flow.get()));
          continue;
        }
        if (itemByItem(sequence, old, items, key, to, lines, splices)) continue;
      }
      splices.add(new Splice(from, to, block(key, value)));
    }
    for (String key : values.keySet()) {
      if (root.entry(key).isPresent() || values.get(key) == null) continue;
      int at = closing;
      int rank = ORDER.indexOf(key);
      for (YamlNode.Entry e : entries) {
        if (ORDER.indexOf(e.key().text()) > rank) {
          at = e.key().position().line();
          break;
        }
      }
      splices.add(new Splice(at, at, block(key, values.get(key))));
    }
    // Bottom up, so that the line numbers of the splices still to make stay true.
    splices.sort((a, b) -> Integer.compare(b.from(), a.from()));
    for (Splice splice : splices) {
      for (int n = splice.from(); n < splice.to(); n++) lines.remove(splice.from() - 1);
      if (!splice.text().isEmpty())
        lines.addAll(splice.from() - 1, Arrays.asList(splice.text().split("\n", -1)));
    }
    return Optional.of(String.join("\n", lines));
  }

  /** Lines {@code from} (inclusive) to {@code to} (exclusive) replaced by {@code text}. */
  private record Splice(int from, int to, String text) {}

  /**
   * The block list's changed items replaced and new ones appended, each at the list's own
   * indentation; false when the items' lines cannot be told apart.
   */
  private static boolean itemByItem(
      YamlNode.Sequence sequence,
      List<?> old,
      List<?> items,
      String key,
      int end,
      List<String> lines,
      List<Splice> splices) {
    List<Splice> made = new ArrayList<>();
    int dash = -1;
    for (int i = 0; i < old.size(); i++) {
      YamlNode item = sequence.items().get(i);
      int line = item.position().line();
      String text = lines.get(line - 1);
      int column = text.indexOf('-');
      if (column < 0 || !text.substring(0, column).isBlank()) return false;
      if (dash >= 0 && column != dash) return false;
      dash = column;
      if (old.get(i).equals(items.get(i))) continue;
      int next = i + 1 < old.size() ? sequence.items().get(i + 1).position().line() : end;
      while (next - 1 > line && isCommentOrBlank(lines.get(next - 2))) next--;
      made.add(new Splice(line, next, items(key, List.of(items.get(i)), column)));
    }
    if (dash < 0) return false;
    if (items.size() > old.size()) {
      int after = end;
      made.add(new Splice(after, after, items(key, items.subList(old.size(), items.size()), dash)));
    }
    splices.addAll(made);
    return true;
  }

  /** List items as the format writes them, their dashes at {@code column}. */
  private static String items(String key, List<?> items, int column) {
    String written = block(key, items);
    String[] lines = written.substring(written.indexOf('\n') + 1).split("\n", -1);
    int writtenDash = lines[0].indexOf('-');
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      if (out.length() > 0) out.append('\n');
      String body = line.length() >= writtenDash ? line.substring(writtenDash) : line.strip();
      out.append(" ".repeat(column)).append(body);
    }
    return out.toString();
  }

  /**
   * {@code key: [a, b] # comment} with the new items, when the file wrote the list on that one line
   * and every item is a plain word.
   */
  private static Optional<String> flowLine(String line, String key, List<?> items) {
    String rest = line.substring(key.length() + 1).stripLeading();
    int close = rest.indexOf(']');
    if (!rest.startsWith("[") || close < 0) return Optional.empty();
    List<String> words = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof String word) || !PLAIN.matcher(word).matches()) return Optional.empty();
      words.add(word);
    }
    return Optional.of(key + ": [" + String.join(", ", words) + "]" + rest.substring(close + 1));
  }

  /** A scalar that YAML reads as itself inside {@code [ ]}. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/+-]*");

  /** The lines of {@code key: value}, without a final line end; empty when the key goes. */
  private static String block(String key, Object value) {
    if (value == null) return "";
    String yaml = AdvisoryWriter.yaml(key, value);
    return yaml.endsWith("\n") ? yaml.substring(0, yaml.length() - 1) : yaml;
  }

  private static boolean isCommentOrBlank(String line) {
    String s = line.strip();
    return s.isEmpty() || s.startsWith("#");
  }
}
