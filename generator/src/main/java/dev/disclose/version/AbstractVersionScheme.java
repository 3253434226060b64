package dev.disclose.version;

import java.util.Objects;

/**
 * Shared behaviour of the schemes: the checks every version must pass, message wording, and the
 * hooks through which {@link Version} compares and hashes the parsed keys.
 */
abstract class AbstractVersionScheme implements VersionScheme {
  /** No real version is this long; the cap also keeps regular expressions on bounded input. */
  static final int MAX_LENGTH = 256;

  private final String name;
  private final String noun;

  /**
   * @param name the scheme's {@link #name()}
   * @param noun what a valid version is called in messages, e.g. "a PEP 440 version"
   */
  AbstractVersionScheme(String name, String noun) {
    this.name = name;
    this.noun = noun;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Version parse(String text) throws InvalidVersionException {
    Objects.requireNonNull(text, "text");
    String problem = Messages.basicProblem(text, MAX_LENGTH);
    if (problem != null) {
      throw invalid(text, problem);
    }
    return new Version(text, this, parseKey(text));
  }

  /**
   * Parses {@code text}, which is non-empty, at most {@link #MAX_LENGTH} characters long and free
   * of whitespace, control and format characters, into the key {@link #compareKeys} understands.
   */
  abstract Object parseKey(String text) throws InvalidVersionException;

  /** Orders two keys made by {@link #parseKey}; only called when {@link #isOrdered()}. */
  abstract int compareKeys(Object a, Object b);

  /** Equality of two keys, consistent with {@code compareKeys(a, b) == 0} when ordered. */
  boolean keysEqual(Object a, Object b) {
    return compareKeys(a, b) == 0;
  }

  /** Hash of a key, equal for keys that are {@link #keysEqual}. */
  abstract int hashKey(Object key);

  final InvalidVersionException invalid(String text, String reason) {
    if (text.isEmpty()) {
      return new InvalidVersionException("the version is empty");
    }
    return new InvalidVersionException(Messages.quote(text) + " is not " + noun + ": " + reason);
  }

  @Override
  public final String toString() {
    return name;
  }
}
