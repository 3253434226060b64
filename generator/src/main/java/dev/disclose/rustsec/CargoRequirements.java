package dev.disclose.rustsec;

import dev.disclose.advisory.AffectedRange;
import dev.disclose.advisory.RangeType;
import dev.disclose.version.InvalidVersionException;
import dev.disclose.version.Version;
import dev.disclose.version.VersionScheme;
import dev.disclose.version.VersionSchemes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RustSec's {@code [versions]} (Cargo requirements for what is patched and what was never affected)
 * → the affected intervals, the complement of those requirements, computed as RustSec's own OSV
 * export computes it (rustsec crate, {@code osv::ranges_for_advisory}): each requirement is one
 * interval of unaffected versions; they must not overlap; the gaps between them are affected. An
 * exclusive bound {@code > 1.2.3} or {@code <= 1.2.3} becomes the lowest version above it, {@code
 * 1.2.4-0}, so pre-releases fall on the right side, and caret and tilde requirements end at {@code
 * -0} of the next breaking version for the same reason.
 *
 * <p>Written here because no Java library reads Cargo's requirement syntax (a bare {@code 1.2.3}
 * means {@code ^1.2.3} in Cargo, an exact version in npm, whose syntax semver4j reads).
 */
public final class CargoRequirements {
  private static final VersionScheme SEMVER = VersionSchemes.SEMVER;
  private static final Pattern COMPARATOR =
      Pattern.compile(
          "\\s*(=|>=|<=|>|<|~|\\^)?\\s*(\\d+)(?:\\.(\\d+)(?:\\.(\\d+)(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?)?)?\\s*");

  /** A requirement this conversion cannot read, with the reason. */
  public static final class RequirementException extends Exception {
    RequirementException(String message) {
      super(message);
    }
  }

  private CargoRequirements() {}

  /** One end of an unaffected interval: none (unbounded), or a version, inclusive or not. */
  record Bound(Optional<String> version, boolean inclusive) {
    static final Bound UNBOUNDED = new Bound(Optional.empty(), false);

    static Bound inclusive(String v) {
      return new Bound(Optional.of(v), true);
    }

    static Bound exclusive(String v) {
      return new Bound(Optional.of(v), false);
    }
  }

  /** Versions that are not affected: from start to end. */
  record Interval(String requirement, Bound start, Bound end) {}

  /**
   * The affected intervals: every version that no requirement of {@code patched} or {@code
   * unaffected} matches. No requirements at all: every version.
   */
  public static List<AffectedRange> affected(List<String> patched, List<String> unaffected)
      throws RequirementException {
    List<Interval> safe = new ArrayList<>();
    for (String r : unaffected) safe.add(interval(r));
    for (String r : patched) safe.add(interval(r));
    List<AffectedRange> out = new ArrayList<>();
    if (safe.isEmpty()) {
      out.add(range(null, null));
      return out;
    }
    for (int i = 0; i < safe.size(); i++) {
      for (int j = i + 1; j < safe.size(); j++) {
        if (overlaps(safe.get(i), safe.get(j))) {
          throw new RequirementException(
              "the version requirements `"
                  + safe.get(i).requirement()
                  + "` and `"
                  + safe.get(j).requirement()
                  + "` overlap; each version must be patched or unaffected by one requirement only");
        }
      }
    }
    safe.sort(
        Comparator.comparing(
            (Interval x) -> x.start().version().map(CargoRequirements::parse).orElse(null),
            Comparator.nullsFirst(Comparator.naturalOrder())));
    Bound first = safe.get(0).start();
    if (first.version().isPresent()) {
      out.add(
          range(
              null, first.inclusive() ? first.version().get() : increment(first.version().get())));
    }
    for (int i = 0; i + 1 < safe.size(); i++) {
      Bound end = safe.get(i).end();
      Bound next = safe.get(i + 1).start();
      String from = end.inclusive() ? increment(end.version().get()) : end.version().get();
      String to = next.inclusive() ? next.version().get() : increment(next.version().get());
      out.add(range(from, to));
    }
    Bound last = safe.get(safe.size() - 1).end();
    if (last.version().isPresent()) {
      out.add(
          range(last.inclusive() ? increment(last.version().get()) : last.version().get(), null));
    }
    return out;
  }

  private static AffectedRange range(String introduced, String fixed) {
    return new AffectedRange(
        RangeType.SEMVER,
        Optional.empty(),
        Optional.ofNullable(introduced),
        Optional.ofNullable(fixed),
        Optional.empty(),
        Optional.empty(),
        Map.of());
  }

  /**
   * One requirement ({@code >= 1.2.0, < 1.3.0}, {@code ^0.2.2}, {@code 0.13.10}) as an interval.
   */
  static Interval interval(String requirement) throws RequirementException {
    String[] parts = requirement.split(",", -1);
    if (parts.length > 2)
      throw new RequirementException("`" + requirement + "` has more than two comparators");
    Bound start = Bound.UNBOUNDED;
    Bound end = Bound.UNBOUNDED;
    for (String part : parts) {
      Matcher m = COMPARATOR.matcher(part);
      if (!m.matches()) {
        throw new RequirementException(
            "`"
                + requirement
                + "` is not a Cargo version requirement this import reads"
                + " (operators =, >, >=, <, <=, ^, ~ and a bare version; no wildcards)");
      }
      String op = m.group(1) == null ? "^" : m.group(1);
      long major;
      Long minor;
      Long patch;
      try {
        // SemVer's numbers are unbounded; Cargo's (and this conversion's) fit in 64 bits.
        major = Long.parseLong(m.group(2));
        minor = m.group(3) == null ? null : Long.parseLong(m.group(3));
        patch = m.group(4) == null ? null : Long.parseLong(m.group(4));
      } catch (NumberFormatException e) {
        throw new RequirementException(
            "`" + requirement + "` has a version number too large for Cargo");
      }
      String version =
          major
              + "."
              + (minor == null ? 0 : minor)
              + "."
              + (patch == null ? 0 : patch)
              + (m.group(5) == null ? "" : "-" + m.group(5));
      switch (op) {
        case ">", ">=" -> {
          if (start.version().isPresent()) throw twice(requirement, "lower");
          start = new Bound(Optional.of(version), op.equals(">="));
        }
        case "<", "<=" -> {
          if (end.version().isPresent()) throw twice(requirement, "upper");
          end = new Bound(Optional.of(version), op.equals("<="));
        }
        default -> {
          if (parts.length != 1) {
            throw new RequirementException(
                "`" + requirement + "`: `" + op + "` sets both bounds and must stand alone");
          }
          start = Bound.inclusive(version);
          end =
              switch (op) {
                case "=" -> Bound.inclusive(version);
                case "~" ->
                    Bound.exclusive(
                        minor == null
                            ? (major + 1) + ".0.0-0"
                            : major + "." + (minor + 1) + ".0-0");
                default -> Bound.exclusive(caretEnd(major, minor, patch));
              };
        }
      }
    }
    for (Bound b : List.of(start, end)) {
      if (b.version().isPresent()) {
        try {
          SEMVER.parse(b.version().get());
        } catch (InvalidVersionException e) {
          throw new RequirementException("`" + requirement + "`: " + e.getMessage());
        }
      }
    }
    if (start.version().isPresent() && end.version().isPresent()) {
      int c = parse(start.version().get()).compareTo(parse(end.version().get()));
      if (c > 0 || (c == 0 && !(start.inclusive() && end.inclusive()))) {
        throw new RequirementException("`" + requirement + "` matches no version");
      }
    }
    return new Interval(requirement.strip(), start, end);
  }

  private static String caretEnd(long major, Long minor, Long patch) {
    if (major > 0) return (major + 1) + ".0.0-0";
    if (minor == null) return "1.0.0-0";
    if (minor == 0 && patch != null) return "0.0." + (patch + 1) + "-0";
    return "0." + (minor + 1) + ".0-0";
  }

  private static RequirementException twice(String requirement, String which) {
    return new RequirementException("`" + requirement + "` has more than one " + which + " bound");
  }

  /**
   * Start ≤ end, where an unbounded start or end always is, and equal versions only when both are
   * inclusive.
   */
  private static boolean lessOrEqual(Bound start, Bound end) {
    if (start.version().isEmpty() || end.version().isEmpty()) return true;
    int c = parse(start.version().get()).compareTo(parse(end.version().get()));
    return c < 0 || (c == 0 && start.inclusive() && end.inclusive());
  }

  private static boolean overlaps(Interval a, Interval b) {
    return lessOrEqual(a.start(), b.end()) && lessOrEqual(b.start(), a.end());
  }

  /**
   * The lowest version above {@code v} under SemVer precedence: 1.2.3 → 1.2.4-0, and a pre-release
   * gains a ".0" (1.2.3-rc.1 → 1.2.3-rc.1.0).
   */
  static String increment(String v) {
    String plain = v.contains("+") ? v.substring(0, v.indexOf('+')) : v;
    int dash = plain.indexOf('-');
    if (dash >= 0) return plain + ".0";
    String[] n = plain.split("\\.");
    return n[0] + "." + n[1] + "." + (Long.parseLong(n[2]) + 1) + "-0";
  }

  private static Version parse(String v) {
    try {
      return SEMVER.parse(v);
    } catch (InvalidVersionException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
