package dev.disclose.yaml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads untrusted YAML (front matter from pull requests) into {@link YamlNode}s with positions.
 *
 * <p>Only SnakeYAML's composer runs: no constructor, so no object is ever instantiated from a tag.
 * Anything beyond plain data is refused: custom tags, duplicate keys, non-scalar keys. Aliases are
 * bounded twice over: SnakeYAML refuses more than {@link #MAX_ALIASES} aliases to collections, and
 * this reader counts nodes as it expands them, so a "billion laughs" document stops at {@link
 * #MAX_NODES} instead of exhausting memory; and the characters of every value, aliases expanded,
 * are counted as the document is composed, so that one long value repeated by aliases to scalars
 * (which SnakeYAML does not limit) stops at {@link #MAX_EXPANDED_CHARACTERS}.
 */
public final class YamlReader {
  public static final int MAX_DEPTH = 50;
  public static final int MAX_ALIASES = 50;
  public static final int MAX_NODES = 100_000;
  public static final int MAX_CODE_POINTS = 2 * 1024 * 1024;

  /**
   * The characters all values may come to once aliases are expanded: twice what the largest file
   * holds, so that only repetition through aliases reaches it.
   */
  public static final int MAX_EXPANDED_CHARACTERS = 2 * 1024 * 1024;

  private static final Set<Tag> PLAIN_DATA_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.MAP, Tag.SEQ);

  /** The result: a root node, or the first problem that stopped reading. */
  public sealed interface Result {
    /**
     * Read; {@code problems} lists what was skipped on the way (duplicate keys: the first wins).
     */
    record Read(YamlNode root, List<YamlProblem> problems) implements Result {
      public Read {
        problems = List.copyOf(problems);
      }
    }

    record Failed(YamlProblem problem) implements Result {}
  }

  /**
   * SnakeYAML's implicit-type rules (regular expressions per first character), built once:
   * read-only after construction, so shared by every thread; building one per document was a
   * visible part of validating a large site.
   */
  private static final Resolver RESOLVER = new QuickResolver();

  private final int lineOffset;
  private int nodes;
  private final List<YamlProblem> skipped = new ArrayList<>();
  private final Map<Node, Boolean> onPath = new IdentityHashMap<>();

  private YamlReader(int lineOffset) {
    this.lineOffset = lineOffset;
  }

  /**
   * Reads one YAML document. {@code firstLine} is the file line the text starts on, so that
   * positions are reported in file coordinates (front matter starts on line 2).
   */
  public static Result read(String text, int firstLine) {
    return new YamlReader(firstLine - 1).readDocument(text);
  }

  private Result readDocument(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(false);
    Node root;
    try {
      Composer composer =
          new Composer(
              new ExpansionMeter(
                  new ParserImpl(new StreamReader(text), options), MAX_EXPANDED_CHARACTERS),
              RESOLVER,
              options);
      root = composer.getSingleNode();
    } catch (ExpansionMeter.Exceeded e) {
      return failed(
          YamlProblem.Kind.EXPANSION,
          String.format(
              Locale.ROOT,
              "%s, the YAML's values come to more than %,d characters once aliases are expanded,"
                  + " twice what the largest file holds; write the value out where it is needed,"
                  + " or repeat it less",
              e.anchor == null ? "with this value" : "with this alias (`*" + e.anchor + "`)",
              MAX_EXPANDED_CHARACTERS),
          e.mark);
    } catch (ReaderException e) {
      // A character YAML forbids (NUL, most other controls): say which, and where.
      Position at = offsetToPosition(text, e.getPosition());
      return new Result.Failed(
          new YamlProblem(
              YamlProblem.Kind.SYNTAX,
              String.format(
                  "the character U+%04X is not allowed in YAML; remove it", e.getCodePoint()),
              new Position(at.line() + lineOffset, at.column())));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = String.valueOf(e.getProblem());
      if (problem.startsWith("Global tag is not allowed: ")) {
        // SnakeYAML's own tag inspector already refuses global tags; say it our way.
        Tag tag = new Tag(problem.substring("Global tag is not allowed: ".length()).strip());
        return failed(YamlProblem.Kind.TAG, tagMessage(tag), mark);
      }
      return failed(kindOf(e), describe(e), mark);
    } catch (YAMLException e) {
      return failed(kindOf(e), cleanLimitMessage(e.getMessage()), null);
    } catch (StackOverflowError e) {
      return failed(YamlProblem.Kind.LIMIT, "the YAML is nested too deeply", null);
    }
    if (root == null) {
      return new Result.Read(new YamlNode.Mapping(List.of(), position(null)), List.of());
    }
    try {
      YamlNode converted = convert(root, 0);
      return new Result.Read(converted, skipped);
    } catch (Refused r) {
      return new Result.Failed(r.problem);
    }
  }

  private YamlNode convert(Node node, int depth) {
    if (++nodes > MAX_NODES) {
      throw refuse(
          YamlProblem.Kind.LIMIT,
          "the YAML expands to more than " + MAX_NODES + " values (too many aliases?)",
          node.getStartMark());
    }
    if (depth > MAX_DEPTH) {
      throw refuse(
          YamlProblem.Kind.LIMIT,
          "the YAML is nested more than " + MAX_DEPTH + " levels deep",
          node.getStartMark());
    }
    if (!PLAIN_DATA_TAGS.contains(node.getTag())) {
      throw refuse(YamlProblem.Kind.TAG, tagMessage(node.getTag()), node.getStartMark());
    }
    if (onPath.put(node, Boolean.TRUE) != null) {
      throw refuse(YamlProblem.Kind.LIMIT, "a YAML alias refers to itself", node.getStartMark());
    }
    try {
      Position position = position(node.getStartMark());
      if (node instanceof ScalarNode scalar) {
        return new YamlNode.Scalar(scalar.getValue(), typeOf(scalar.getTag()), position);
      } else if (node instanceof SequenceNode sequence) {
        List<YamlNode> items = new ArrayList<>(sequence.getValue().size());
        for (Node item : sequence.getValue()) items.add(convert(item, depth + 1));
        return new YamlNode.Sequence(items, position);
      } else {
        MappingNode mapping = (MappingNode) node;
        List<YamlNode.Entry> entries = new ArrayList<>(mapping.getValue().size());
        Map<String, Position> seen = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
          if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
            throw refuse(
                YamlProblem.Kind.SYNTAX,
                "a key must be a plain word, not a list or a map",
                tuple.getKeyNode().getStartMark());
          }
          YamlNode.Scalar key = (YamlNode.Scalar) convert(keyNode, depth + 1);
          if ("<<".equals(key.text()) && keyNode.getTag().equals(Tag.MERGE)) {
            throw refuse(
                YamlProblem.Kind.TAG,
                "YAML merge keys (`<<`) are not supported: write the keys out",
                keyNode.getStartMark());
          }
          Position first = seen.putIfAbsent(key.text(), key.position());
          if (first != null) {
            skipped.add(
                new YamlProblem(
                    YamlProblem.Kind.DUPLICATE_KEY,
                    "duplicate key `"
                        + key.text()
                        + "` (first written at line "
                        + first.line()
                        + "); keep one of them",
                    key.position()));
            continue;
          }
          entries.add(new YamlNode.Entry(key, convert(tuple.getValueNode(), depth + 1)));
        }
        return new YamlNode.Mapping(entries, position);
      }
    } finally {
      onPath.remove(node);
    }
  }

  private static YamlNode.ScalarType typeOf(Tag tag) {
    if (tag.equals(Tag.INT)) return YamlNode.ScalarType.INT;
    if (tag.equals(Tag.FLOAT)) return YamlNode.ScalarType.FLOAT;
    if (tag.equals(Tag.BOOL)) return YamlNode.ScalarType.BOOL;
    if (tag.equals(Tag.NULL)) return YamlNode.ScalarType.NULL;
    if (tag.equals(Tag.TIMESTAMP)) return YamlNode.ScalarType.TIMESTAMP;
    return YamlNode.ScalarType.STRING;
  }

  private static String tagMessage(Tag tag) {
    return "the tag `"
        + shortTag(tag)
        + "` is not allowed: advisories hold plain data; remove the tag";
  }

  private static String shortTag(Tag tag) {
    String value = tag.getValue();
    return value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
  }

  /**
   * Which problem SnakeYAML reported. Only the problem text is looked at: the full message of a
   * marked exception quotes the document, whose words must not decide the kind.
   */
  private static YamlProblem.Kind kindOf(YAMLException e) {
    String text =
        e instanceof MarkedYAMLException m && m.getProblem() != null
            ? m.getProblem()
            : String.valueOf(e.getMessage());
    if (text.startsWith("Number of aliases for non-scalar nodes exceeds")
        || text.startsWith("Nesting Depth exceeded")
        || text.startsWith("The incoming YAML document exceeds the limit")
        || text.startsWith("Recursive key")) {
      return YamlProblem.Kind.LIMIT;
    }
    return YamlProblem.Kind.SYNTAX;
  }

  private static String describe(MarkedYAMLException e) {
    String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
    String context = e.getContext();
    String text = context != null && !context.isBlank() ? context + ": " + problem : problem;
    return "invalid YAML: " + text.strip().replaceAll("\\s+", " ");
  }

  private static String cleanLimitMessage(String message) {
    String m = message == null ? "" : message.strip();
    if (m.startsWith("Number of aliases")) {
      return "the YAML uses more than " + MAX_ALIASES + " aliases to lists or maps";
    }
    if (m.startsWith("Nesting Depth")) {
      return "the YAML is nested more than " + MAX_DEPTH + " levels deep";
    }
    if (m.startsWith("The incoming YAML document exceeds")) {
      return "the front matter is longer than " + MAX_CODE_POINTS + " characters";
    }
    return "invalid YAML: " + m.replaceAll("\\s+", " ");
  }

  /** 1-based line and column (in code points) of a character offset of {@code text}. */
  private static Position offsetToPosition(String text, int codePointOffset) {
    int line = 1;
    int column = 1;
    int index = 0;
    for (int seen = 0; seen < codePointOffset && index < text.length(); seen++) {
      int c = text.codePointAt(index);
      index += Character.charCount(c);
      if (c == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new Position(line, column);
  }

  private Result failed(YamlProblem.Kind kind, String message, Mark mark) {
    return new Result.Failed(new YamlProblem(kind, message, position(mark)));
  }

  private Refused refuse(YamlProblem.Kind kind, String message, Mark mark) {
    return new Refused(new YamlProblem(kind, message, position(mark)));
  }

  private Position position(Mark mark) {
    if (mark == null) return new Position(lineOffset + 1, 1);
    return new Position(mark.getLine() + 1 + lineOffset, mark.getColumn() + 1);
  }

  /** Unwinds the conversion at the first refused construct. */
  private static final class Refused extends RuntimeException {
    final YamlProblem problem;

    Refused(YamlProblem problem) {
      super(problem.message(), null, false, false);
      this.problem = problem;
    }
  }
}
