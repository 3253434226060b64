package dev.disclose.text;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Suggests the closest known word for a misspelt one ("sevrity" → "severity"), the way compilers
 * answer an unknown name. Case differences count as the closest match of all, so "pypi" finds
 * "PyPI".
 */
public final class DidYouMean {
  private DidYouMean() {}

  /** The known word nearest to {@code unknown}, if it is near enough to be a plausible typo. */
  public static Optional<String> suggest(String unknown, Collection<String> known) {
    String lower = unknown.toLowerCase(Locale.ROOT);
    // Allow roughly one edit per three characters: "sevrity" (1) yes, "foo" vs "bar" no.
    int allowed = 1 + Math.max(1, lower.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      String candidateLower = candidate.toLowerCase(Locale.ROOT);
      // The distance is at least the difference in length: skip hopeless candidates cheaply
      // (a megabyte-long value must not cost a megabyte squared).
      if (Math.abs(candidateLower.length() - lower.length()) > allowed) continue;
      int distance = candidateLower.equals(lower) ? 0 : 1 + distance(lower, candidateLower);
      if (distance < bestDistance
          || (distance == bestDistance && best != null && candidate.compareTo(best) < 0)) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
