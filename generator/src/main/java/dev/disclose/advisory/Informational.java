package dev.disclose.advisory;

import java.util.Locale;

/** RustSec's informational advisory kinds: not a vulnerability as such. */
public enum Informational {
  NOTICE,
  UNMAINTAINED,
  UNSOUND;

  public String spelling() {
    return name().toLowerCase(Locale.ROOT);
  }
}
