package dev.disclose.version;

/**
 * Versions of an ecosystem whose ordering we do not implement: any visible text is accepted, two
 * versions are equal only when written identically, and they cannot be compared.
 */
final class UnorderedScheme extends AbstractVersionScheme {
  UnorderedScheme() {
    super("any (unordered)", "a valid version");
  }

  @Override
  public boolean isOrdered() {
    return false;
  }

  @Override
  Object parseKey(String text) {
    return text;
  }

  @Override
  int compareKeys(Object a, Object b) {
    throw new UnsupportedOperationException(name() + " versions have no known order");
  }

  @Override
  boolean keysEqual(Object a, Object b) {
    return a.equals(b);
  }

  @Override
  int hashKey(Object key) {
    return key.hashCode();
  }
}
