package dev.disclose.advisory;

import dev.disclose.diagnostic.Findings;
import dev.disclose.diagnostic.Rule;
import dev.disclose.text.DidYouMean;
import dev.disclose.yaml.Position;
import dev.disclose.yaml.YamlNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Typed, reporting access to one YAML map of the front matter. Every key is recorded with its
 * position; keys not in {@code allowed} are reported with the nearest allowed spelling; a value of
 * the wrong kind is reported and read as absent, so binding always completes.
 */
public final class Fields {
  private final YamlNode.Mapping map;
  private final String path;
  private final String context;
  private final Findings findings;
  private final Map<String, Source.Located> positions;

  Fields(
      YamlNode.Mapping map,
      String path,
      String context,
      List<String> allowed,
      Findings findings,
      Map<String, Source.Located> positions) {
    this.map = map;
    this.path = path;
    this.context = context;
    this.findings = findings;
    this.positions = positions;
    for (YamlNode.Entry entry : map.entries()) {
      String key = entry.key().text();
      positions.put(
          child(key), new Source.Located(entry.key().position(), entry.value().position()));
      if (!allowed.contains(key)) {
        String hint =
            DidYouMean.suggest(key, allowed)
                .map(s -> "; did you mean `" + s + "`?")
                .orElse("; the keys allowed here are " + list(allowed));
        findings.report(
            Rule.UNKNOWN_KEY,
            entry.key().position(),
            "unknown key `" + key + "` in " + context + hint);
      }
    }
  }

  /** Creates the reader for a nested map at {@code path}. */
  public static Fields of(
      YamlNode.Mapping map,
      String path,
      String context,
      List<String> allowed,
      Findings findings,
      Map<String, Source.Located> positions) {
    return new Fields(map, path, context, allowed, findings, positions);
  }

  public String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  public Findings findings() {
    return findings;
  }

  public Map<String, Source.Located> positions() {
    return positions;
  }

  public Position position() {
    return map.position();
  }

  public Optional<YamlNode> node(String key) {
    return map.entry(key).map(YamlNode.Entry::value).filter(v -> !isNull(v));
  }

  public boolean has(String key) {
    return node(key).isPresent();
  }

  public Position keyPosition(String key) {
    return map.entry(key).map(e -> e.key().position()).orElse(map.position());
  }

  public void missing(String key) {
    missing(key, "");
  }

  public void missing(String key, String why) {
    findings.report(
        Rule.REQUIRED,
        map.entry(key).map(e -> e.key().position()).orElse(map.position()),
        context + " needs `" + key + "`" + why);
  }

  /** A missing field an imported record may lack (see {@link Findings#report}). */
  public void missing(String key, String why, Optional<String> importedFrom) {
    findings.report(
        Rule.REQUIRED,
        map.entry(key).map(e -> e.key().position()).orElse(map.position()),
        context + " needs `" + key + "`" + why,
        importedFrom);
  }

  public Optional<String> string(String key) {
    Optional<YamlNode> node = node(key);
    if (node.isEmpty()) return Optional.empty();
    if (node.get() instanceof YamlNode.Scalar s) {
      return Optional.of(s.text());
    }
    wrongType(key, node.get(), "a single value");
    return Optional.empty();
  }

  /** A non-empty string, or reported as missing. */
  public Optional<String> requiredString(String key) {
    if (!has(key)) {
      missing(key);
      return Optional.empty();
    }
    Optional<String> value = string(key);
    if (value.isPresent() && value.get().isBlank()) {
      findings.report(
          Rule.REQUIRED, valuePosition(key), "`" + key + "` in " + context + " is empty");
      return Optional.empty();
    }
    return value;
  }

  /** A list of strings; a single string counts as a list of one. */
  public List<String> strings(String key) {
    Optional<YamlNode> node = node(key);
    if (node.isEmpty()) return List.of();
    if (node.get() instanceof YamlNode.Scalar s) {
      positions.put(child(key) + "[0]", new Source.Located(s.position(), s.position()));
      return List.of(s.text());
    }
    if (!(node.get() instanceof YamlNode.Sequence seq)) {
      wrongType(key, node.get(), "a list of strings");
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < seq.items().size(); i++) {
      YamlNode item = seq.items().get(i);
      positions.put(
          child(key) + "[" + i + "]", new Source.Located(item.position(), item.position()));
      if (item instanceof YamlNode.Scalar s && !s.isNull()) {
        values.add(s.text());
      } else {
        findings.report(
            Rule.WRONG_TYPE,
            item.position(),
            "each entry of `"
                + key
                + "` in "
                + context
                + " must be a string, not "
                + item.kindName());
      }
    }
    return values;
  }

  /**
   * The items of a list, each recorded at {@code key[i]}; a map where a list belongs is reported.
   */
  public List<YamlNode> items(String key) {
    Optional<YamlNode> node = node(key);
    if (node.isEmpty()) return List.of();
    if (!(node.get() instanceof YamlNode.Sequence seq)) {
      wrongType(key, node.get(), "a list");
      return List.of();
    }
    for (int i = 0; i < seq.items().size(); i++) {
      YamlNode item = seq.items().get(i);
      positions.put(
          child(key) + "[" + i + "]", new Source.Located(item.position(), item.position()));
    }
    return seq.items();
  }

  public Optional<YamlNode.Mapping> mapping(String key) {
    Optional<YamlNode> node = node(key);
    if (node.isEmpty()) return Optional.empty();
    if (node.get() instanceof YamlNode.Mapping m) return Optional.of(m);
    wrongType(key, node.get(), "a map");
    return Optional.empty();
  }

  public Optional<Timestamp> timestamp(String key) {
    return string(key)
        .flatMap(
            text -> {
              Optional<Timestamp> t = Timestamp.parse(text);
              if (t.isEmpty()) {
                findings.report(
                    Rule.DATE_FORMAT,
                    valuePosition(key),
                    "`"
                        + key
                        + "` in "
                        + context
                        + " is `"
                        + text
                        + "`, not a date: write `2025-03-04` or `2025-03-04T16:00:00Z`");
              }
              return t;
            });
  }

  public <E extends Enum<E>> Optional<E> enumValue(String key, Class<E> type, boolean lowerCase) {
    return string(key)
        .flatMap(
            text ->
                parseEnum(
                    text, type, lowerCase, valuePosition(key), "`" + key + "` in " + context));
  }

  public <E extends Enum<E>> Optional<E> parseEnum(
      String text, Class<E> type, boolean lowerCase, Position at, String what) {
    String normalized = text.strip().replace('-', '_').toUpperCase(Locale.ROOT);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(normalized)) return Optional.of(constant);
    }
    List<String> spellings = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      spellings.add(lowerCase ? constant.name().toLowerCase(Locale.ROOT) : constant.name());
    }
    String hint =
        DidYouMean.suggest(text, spellings).map(s -> "; did you mean `" + s + "`?").orElse("");
    findings.report(
        Rule.INVALID_VALUE,
        at,
        what + " is `" + text + "`, which is not one of " + list(spellings) + hint);
    return Optional.empty();
  }

  /** A free-form map, converted to plain Java values for carrying to OSV untouched. */
  public Map<String, Object> freeForm(String key) {
    return mapping(key)
        .map(Fields::toJava)
        .map(
            m -> {
              @SuppressWarnings("unchecked")
              Map<String, Object> cast = (Map<String, Object>) m;
              return cast;
            })
        .orElse(Map.of());
  }

  public static Object toJava(YamlNode node) {
    if (node instanceof YamlNode.Mapping m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (YamlNode.Entry e : m.entries()) out.put(e.key().text(), toJava(e.value()));
      return out;
    }
    if (node instanceof YamlNode.Sequence s) {
      List<Object> out = new ArrayList<>();
      for (YamlNode item : s.items()) out.add(toJava(item));
      return out;
    }
    YamlNode.Scalar scalar = (YamlNode.Scalar) node;
    String text = scalar.text();
    // Carried to OSV untouched: only YAML 1.2 core spellings become JSON booleans and numbers;
    // YAML 1.1 forms (yes, on, 012, 1_000, 0x1F, 1e3) stay the text that was written.
    if (scalar.type() == YamlNode.ScalarType.NULL) return null;
    if (scalar.type() == YamlNode.ScalarType.BOOL
        && (text.equals("true") || text.equals("false"))) {
      return Boolean.parseBoolean(text);
    }
    if (scalar.type() == YamlNode.ScalarType.INT && CANONICAL_INT.matcher(text).matches()) {
      BigInteger big = new BigInteger(text);
      return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }
    if (scalar.type() == YamlNode.ScalarType.FLOAT && CANONICAL_DECIMAL.matcher(text).matches()) {
      return new BigDecimal(text);
    }
    return text;
  }

  private static final Pattern CANONICAL_INT = Pattern.compile("-?(0|[1-9][0-9]*)");
  private static final Pattern CANONICAL_DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)\\.[0-9]+");

  public Position valuePosition(String key) {
    return map.entry(key).map(e -> e.value().position()).orElse(map.position());
  }

  public void wrongType(String key, YamlNode node, String expected) {
    findings.report(
        Rule.WRONG_TYPE,
        node.position(),
        "`" + key + "` in " + context + " must be " + expected + ", not " + node.kindName());
  }

  /** Visits each item of a list of maps, reporting items that are not maps. */
  public void eachMapping(
      String key, String itemContext, BiConsumer<Integer, YamlNode.Mapping> visitor) {
    List<YamlNode> items = items(key);
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof YamlNode.Mapping m) {
        visitor.accept(i, m);
      } else {
        findings.report(
            Rule.WRONG_TYPE,
            items.get(i).position(),
            "each entry of `"
                + key
                + "` in "
                + context
                + " must be a map ("
                + itemContext
                + "), not "
                + items.get(i).kindName());
      }
    }
  }

  public static boolean isNull(YamlNode node) {
    return node instanceof YamlNode.Scalar s && s.isNull();
  }

  public static String list(Collection<String> values) {
    List<String> quoted = values.stream().map(v -> "`" + v + "`").toList();
    return String.join(", ", quoted);
  }
}
