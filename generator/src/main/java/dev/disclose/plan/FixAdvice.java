package dev.disclose.plan;

import dev.disclose.advisory.Affected;
import dev.disclose.advisory.AffectedRange;
import dev.disclose.advisory.RangeType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a reader of one affected package does and where the fix is, in words: "Upgrade to 0.7.2 or
 * later", "Fixed in 0.7.2", "No fixed version yet", and which versions are affected. Each range of
 * versions has its own remedy (its fixed version, or a release after its last affected one), and a
 * range without one is said to have no fix rather than hidden behind another range's.
 */
final class FixAdvice {
  /** How many affected versions a summary names before it counts the rest. */
  static final int VERSIONS_NAMED = 5;

  private FixAdvice() {}

  /** The versions that fix {@code p}, each once, in the order its ranges give them. */
  static List<String> fixedVersions(Affected p) {
    Set<String> fixed = new LinkedHashSet<>();
    for (AffectedRange r : p.ranges())
      if (r.type() != RangeType.GIT) r.fixed().ifPresent(fixed::add);
    return List.copyOf(fixed);
  }

  /**
   * A range's way out: to its fixed version, to a release after its last affected one, or none;
   * {@code after} tells which, for a row's wording.
   */
  private record Remedy(String upgrade, String fixed, boolean after) {}

  private static Optional<Remedy> remedy(AffectedRange r) {
    if (r.type() == RangeType.GIT)
      return r.fixed().map(RangeText::shortHash).map(c -> new Remedy(c, "commit " + c, false));
    if (r.fixed().isPresent())
      return Optional.of(new Remedy(r.fixed().get(), r.fixed().get(), false));
    // OSV's limit bounds an open interval: the versions from it on are not affected.
    return r.lastAffected()
        .map(v -> new Remedy("a release after " + v, v, true))
        .or(() -> r.limit().map(v -> new Remedy(v, v, false)));
  }

  /**
   * The version ranges (commits aside, when versions are given) whose remedies the advice names.
   */
  private static List<AffectedRange> versionRanges(Affected p) {
    List<AffectedRange> ranges =
        p.ranges().stream().filter(r -> r.type() != RangeType.GIT).toList();
    return ranges.isEmpty() ? p.ranges() : ranges;
  }

  /**
   * What to do: upgrade to the fixed version or later; with several ranges, to the fixed version of
   * the reader's own line, as announcements word it.
   */
  static String advice(Affected p) {
    List<String> upgrades = new ArrayList<>();
    List<String> unfixed = new ArrayList<>();
    boolean commits = false;
    for (AffectedRange r : versionRanges(p)) {
      Optional<Remedy> remedy = remedy(r);
      if (remedy.isEmpty()) unfixed.add(RangeText.describe(r));
      else add(upgrades, remedy.get().upgrade());
      commits |= r.type() == RangeType.GIT;
    }
    if (upgrades.isEmpty()) return "No fixed version yet";
    String upgrade;
    if (commits) upgrade = "Upgrade to a build with commit " + or(upgrades);
    else if (upgrades.size() == 1 && unfixed.isEmpty())
      upgrade =
          upgrades.get(0).startsWith("a release")
              ? "Upgrade to " + upgrades.get(0)
              : "Upgrade to " + upgrades.get(0) + " or later";
    else upgrade = "Upgrade to " + or(upgrades) + ", or a later release of the same line";
    return unfixed.isEmpty()
        ? upgrade
        : upgrade + "; no fixed version yet of " + String.join("; ", unfixed);
  }

  /**
   * Where the fix is, shortly, as a list's row says it: "Fixed in 1.4.2", "Fixed in 1.4.2 and after
   * 2.0.3".
   */
  static String fixedIn(Affected p) {
    List<String> in = new ArrayList<>();
    List<String> after = new ArrayList<>();
    boolean unfixed = false;
    for (AffectedRange r : versionRanges(p)) {
      Optional<Remedy> remedy = remedy(r);
      if (remedy.isEmpty()) unfixed = true;
      else add(remedy.get().after() ? after : in, remedy.get().fixed());
    }
    if (in.isEmpty() && after.isEmpty()) return "No fixed version yet";
    List<String> where = new ArrayList<>();
    if (!in.isEmpty()) where.add("in " + String.join(", ", in));
    if (!after.isEmpty()) where.add("after " + String.join(", ", after));
    return "Fixed " + String.join(" and ", where) + (unfixed ? "; not all lines yet" : "");
  }

  /** The affected ranges in words, or its affected versions when it lists no ranges. */
  static String affected(Affected p) {
    if (!p.ranges().isEmpty())
      return String.join("; ", p.ranges().stream().map(RangeText::describe).distinct().toList());
    List<String> versions = p.versions();
    if (versions.size() <= VERSIONS_NAMED) return String.join(", ", versions);
    return String.join(", ", versions.subList(0, VERSIONS_NAMED))
        + " and "
        + (versions.size() - VERSIONS_NAMED)
        + " more";
  }

  private static void add(List<String> list, String item) {
    if (!list.contains(item)) list.add(item);
  }

  private static String or(List<String> items) {
    if (items.size() == 1) return items.get(0);
    return String.join(", ", items.subList(0, items.size() - 1))
        + " or "
        + items.get(items.size() - 1);
  }
}
