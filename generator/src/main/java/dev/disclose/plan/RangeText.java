package dev.disclose.plan;

import dev.disclose.advisory.AffectedRange;
import dev.disclose.advisory.RangeType;

/** An affected interval in plain words, as readers expect: "≥ 0.5.0, < 0.7.2". */
public final class RangeText {
  private RangeText() {}

  public static String describe(AffectedRange r) {
    if (r.type() == RangeType.GIT) {
      String from =
          r.introduced()
              .filter(v -> !v.equals(AffectedRange.BEGINNING))
              .map(c -> "from commit " + shortHash(c))
              .orElse("from the first commit");
      String to =
          r.fixed()
              .map(c -> ", fixed by commit " + shortHash(c))
              .or(
                  () ->
                      r.lastAffected().map(c -> " to commit " + shortHash(c) + " (last affected)"))
              .orElse(", not fixed yet");
      return "Commits " + from + to;
    }
    String start =
        r.introduced()
            .filter(v -> !v.equals(AffectedRange.BEGINNING))
            .map(v -> "≥ " + v)
            .orElse("");
    // OSV's limit bounds an open interval: versions from the limit on are not affected by it.
    String end =
        r.fixed()
            .map(v -> "< " + v)
            .or(() -> r.lastAffected().map(v -> "≤ " + v))
            .or(() -> r.limit().map(v -> "< " + v))
            .orElse("");
    if (start.isEmpty() && end.isEmpty()) return "all versions";
    if (start.isEmpty()) return end;
    if (end.isEmpty()) return start;
    return start + ", " + end;
  }

  static String shortHash(String commit) {
    return commit.length() > 12 ? commit.substring(0, 12) : commit;
  }
}
