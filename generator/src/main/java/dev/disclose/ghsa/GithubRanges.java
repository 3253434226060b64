package dev.disclose.ghsa;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub's version ranges ({@code vulnerable_version_range}: comparisons joined by commas, like
 * {@code >= 1.0, < 1.2.3}; {@code patched_versions}: the first version without the flaw) against
 * the advisory format's intervals: introduced, then fixed or last affected, or one exact version.
 */
public final class GithubRanges {
  /** One affected interval, or one exact version when {@code exact} is set. */
  public record Interval(
      String introduced,
      Optional<String> fixed,
      Optional<String> lastAffected,
      Optional<String> exact) {}

  private static final Pattern COMPARISON = Pattern.compile("(>=|<=|>|<|=)\\s*([^\\s,<>=]+)");

  private GithubRanges() {}

  /**
   * The interval GitHub's {@code range} and {@code patched} state; an error message naming what is
   * wrong and what to write when they cannot be read.
   */
  public static Interval parse(String range, String patched) throws IllegalArgumentException {
    String lower = null;
    String upper = null;
    boolean upperIncluded = false;
    String exact = null;
    String text = range == null ? "" : range.strip();
    Optional<String> patch =
        Optional.ofNullable(patched).map(String::strip).filter(p -> !p.isEmpty());
    if (patch.isPresent() && !COMPARISON.matcher("= " + patch.get()).matches())
      throw new IllegalArgumentException(
          "`patched_versions` is `"
              + patched
              + "`; write the one version that fixes it, like 1.2.3");
    if (!text.isEmpty()) {
      for (String part : text.split(",")) {
        Matcher m = COMPARISON.matcher(part.strip());
        if (!m.matches()) throw bad(range, "`" + part.strip() + "` is not a comparison");
        String op = m.group(1);
        String version = m.group(2);
        switch (op) {
          case ">=" -> {
            if (lower != null) throw bad(range, "it has two lower bounds");
            lower = version;
          }
          case ">" ->
              throw bad(
                  range,
                  "an open lower bound `> "
                      + version
                      + "` has no exact interval; write `>=` and the first affected version");
          case "<", "<=" -> {
            if (upper != null) throw bad(range, "it has two upper bounds");
            upper = version;
            upperIncluded = op.equals("<=");
          }
          default -> {
            if (exact != null || text.split(",").length > 1)
              throw bad(range, "`=` names one version and stands alone");
            exact = version;
          }
        }
      }
    }
    if (exact != null)
      return new Interval(exact, Optional.empty(), Optional.empty(), Optional.of(exact));
    String introduced = lower == null ? "0" : lower;
    if (upper != null && !upperIncluded)
      return new Interval(introduced, Optional.of(upper), Optional.empty(), Optional.empty());
    if (patch.isPresent())
      return new Interval(introduced, patch, Optional.empty(), Optional.empty());
    return new Interval(introduced, Optional.empty(), Optional.ofNullable(upper), Optional.empty());
  }

  /** GitHub's {@code vulnerable_version_range} of an interval. */
  public static String format(Interval i) {
    if (i.exact().isPresent()) return "= " + i.exact().get();
    List<String> parts = new ArrayList<>();
    if (!i.introduced().equals("0")) parts.add(">= " + i.introduced());
    i.fixed().ifPresent(f -> parts.add("< " + f));
    i.lastAffected().ifPresent(l -> parts.add("<= " + l));
    // Every version: GitHub's form for a range open at both ends.
    return parts.isEmpty() ? ">= 0" : String.join(", ", parts);
  }

  private static IllegalArgumentException bad(String range, String why) {
    return new IllegalArgumentException(
        "`vulnerable_version_range` is `"
            + range
            + "`: "
            + why
            + "; write comparisons joined by commas, like `>= 1.0, < 1.2.3`");
  }
}
