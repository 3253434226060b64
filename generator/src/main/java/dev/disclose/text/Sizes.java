package dev.disclose.text;

import java.util.Locale;

/** Sizes and counts as people read them, worded the same on every machine. */
public final class Sizes {
  private static final String[] UNITS = {"KB", "MB", "GB", "TB", "PB", "EB"};

  private Sizes() {}

  /**
   * {@code bytes} in decimal units with one decimal, as storage is sold and {@code du --si} prints
   * them, so that a reader compares the figure with what their disk or host reports.
   */
  public static String bytes(long bytes) {
    if (bytes < 1000) return count(bytes, "byte", "bytes");
    double value = bytes;
    int unit = -1;
    // Rounding may carry a value into the next unit, which then shows it instead.
    do {
      value /= 1000;
      unit++;
    } while (Math.round(value * 10) >= 10_000 && unit < UNITS.length - 1);
    return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }

  /** {@code n} with its thousands grouped by commas, and the noun that agrees with it. */
  public static String count(long n, String one, String many) {
    return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
  }
}
