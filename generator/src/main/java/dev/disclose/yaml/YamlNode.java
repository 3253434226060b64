package dev.disclose.yaml;

import java.util.List;
import java.util.Optional;

/**
 * A YAML value with the position it was written at. Scalars keep the exact text written (so a
 * version {@code 1.10} stays {@code "1.10"}) and the type YAML's core schema resolves for it, which
 * only free-form maps use.
 */
public sealed interface YamlNode {
  Position position();

  /** What a maintainer would call this kind of value, for messages. */
  String kindName();

  /** A scalar. {@code text} is what was written; {@code type} is YAML's implicit resolution. */
  record Scalar(String text, ScalarType type, Position position) implements YamlNode {
    public boolean isNull() {
      return type == ScalarType.NULL;
    }

    @Override
    public String kindName() {
      return switch (type) {
        case NULL -> "nothing (null)";
        case BOOL -> "a boolean";
        case INT, FLOAT -> "a number";
        default -> "a string";
      };
    }
  }

  /** A mapping, entries in the order written. Keys are unique (the reader refuses duplicates). */
  record Mapping(List<Entry> entries, Position position) implements YamlNode {
    public Mapping {
      entries = List.copyOf(entries);
    }

    public Optional<Entry> entry(String key) {
      for (Entry e : entries) {
        if (e.key().text().equals(key)) return Optional.of(e);
      }
      return Optional.empty();
    }

    @Override
    public String kindName() {
      return "a map";
    }
  }

  /** A sequence. */
  record Sequence(List<YamlNode> items, Position position) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String kindName() {
      return "a list";
    }
  }

  /** One key/value pair of a mapping; keys are always scalars here. */
  record Entry(Scalar key, YamlNode value) {}

  enum ScalarType {
    STRING,
    INT,
    FLOAT,
    BOOL,
    NULL,
    TIMESTAMP
  }
}
