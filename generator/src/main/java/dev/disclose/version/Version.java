package dev.disclose.version;

import java.util.Objects;

/**
 * A parsed version; keeps the exact text written. Comparable only with versions of the same scheme
 * (else {@link IllegalArgumentException}).
 *
 * <p>{@code equals} and {@code hashCode} are consistent with {@code compareTo() == 0} within a
 * scheme, so {@code 1.0} and {@code 1.0.0} are equal PEP 440 versions although their {@link
 * #text()} differs. Versions of different schemes are never equal. Versions of an unordered scheme
 * are equal when their text is identical, and {@code compareTo} throws {@link
 * UnsupportedOperationException} for them.
 */
public final class Version implements Comparable<Version> {
  private final String text;
  private final AbstractVersionScheme scheme;

  /** The scheme's parsed form of {@link #text}, which only the scheme interprets. */
  private final Object key;

  Version(String text, AbstractVersionScheme scheme, Object key) {
    this.text = Objects.requireNonNull(text, "text");
    this.scheme = Objects.requireNonNull(scheme, "scheme");
    this.key = Objects.requireNonNull(key, "key");
  }

  /** The version exactly as written. */
  public String text() {
    return text;
  }

  /** The scheme that parsed this version. */
  public VersionScheme scheme() {
    return scheme;
  }

  /**
   * Orders this version against another of the same scheme, by that ecosystem's rules.
   *
   * @throws IllegalArgumentException if {@code other} belongs to another scheme
   * @throws UnsupportedOperationException if the scheme is not {@linkplain
   *     VersionScheme#isOrdered() ordered}
   */
  @Override
  public int compareTo(Version other) {
    Objects.requireNonNull(other, "other");
    if (other.scheme != scheme) {
      throw new IllegalArgumentException(
          "cannot compare "
              + scheme.name()
              + " version "
              + Messages.quote(text)
              + " with "
              + other.scheme.name()
              + " version "
              + Messages.quote(other.text));
    }
    if (!scheme.isOrdered()) {
      throw new UnsupportedOperationException(
          "versions of scheme "
              + scheme.name()
              + " have no known order: cannot compare "
              + Messages.quote(text)
              + " with "
              + Messages.quote(other.text));
    }
    return Integer.signum(scheme.compareKeys(key, other.key));
  }

  @Override
  public boolean equals(Object o) {
    return this == o
        || (o instanceof Version other
            && other.scheme == scheme
            && scheme.keysEqual(key, other.key));
  }

  @Override
  public int hashCode() {
    return 31 * scheme.name().hashCode() + scheme.hashKey(key);
  }

  /** The version exactly as written. */
  @Override
  public String toString() {
    return text;
  }
}
