package dev.disclose.advisory;

/** RustSec's informational advisory kinds: not a vulnerability as such. */
public enum Informational {
  NOTICE,
  UNMAINTAINED,
  UNSOUND;

  public String spelling() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
