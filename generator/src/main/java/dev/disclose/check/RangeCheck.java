package dev.disclose.check;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Affected;
import dev.disclose.advisory.AffectedRange;
import dev.disclose.advisory.ImportedFrom;
import dev.disclose.advisory.RangeType;
import dev.disclose.diagnostic.Findings;
import dev.disclose.diagnostic.Rule;
import dev.disclose.ecosystem.Ecosystems;
import dev.disclose.text.Urls;
import dev.disclose.version.InvalidVersionException;
import dev.disclose.version.Version;
import dev.disclose.version.VersionScheme;
import dev.disclose.version.VersionSchemes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * R001 invalid-version, R002 range-order, R003 range-overlap, R004 range-shape, R005
 * too-many-ranges, R006 semver-v-prefix: every version of a range parses under its ecosystem's
 * rules, each interval runs forwards, intervals do not overlap, a package has no more of them than
 * pages and feeds can carry, and SEMVER ranges write versions as OSV does, without Go's {@code v}.
 * The {@code versions} list is not parsed: as in OSV, it holds the ecosystem's literal release
 * names, some of which its version rules do not accept.
 */
final class RangeCheck implements AdvisoryCheck {
  /**
   * The intervals one package may list: each is written out on the advisory's page and in every
   * feed that carries it, and real packages need far fewer.
   */
  static final int MAX_RANGES = 200;

  /** A full commit hash, SHA-1 or SHA-256: OSV's schema takes no abbreviated one. */
  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

  /** One parsed interval, for the overlap check: end is exclusive unless {@code endInclusive}. */
  private record Interval(
      int index,
      VersionScheme scheme,
      Version start,
      Optional<Version> end,
      boolean endInclusive) {}

  @Override
  public void check(Advisory a, CheckContext context, Findings findings) {
    for (int i = 0; i < a.affected().size(); i++) {
      Affected p = a.affected().get(i);
      String path = "affected[" + i + "]";
      if (p.ranges().size() > MAX_RANGES) {
        findings.report(
            Rule.TOO_MANY_RANGES,
            a.source().key(path + ".ranges[" + MAX_RANGES + "]"),
            String.format(
                Locale.ROOT,
                "%s lists %,d ranges, more than the %d one package may list; merge adjacent"
                    + " intervals, or list the affected versions under `versions`",
                p.packageName().isEmpty() ? "this package" : "`" + p.packageName() + "`",
                p.ranges().size(),
                MAX_RANGES));
        // Its intervals are not compared pairwise, a cost that grows with their square.
        continue;
      }
      if (p.ecosystem().isEmpty() || Ecosystems.find(p.ecosystem()).isEmpty()) continue;
      VersionScheme ecosystemScheme = Ecosystems.versionScheme(p.ecosystem());
      List<Interval> intervals = new ArrayList<>();
      for (int r = 0; r < p.ranges().size(); r++) {
        checkRange(
                a, p, path + ".ranges[" + r + "]", r, p.ranges().get(r), ecosystemScheme, findings)
            .ifPresent(intervals::add);
      }
      // Versions of different schemes (a SEMVER range on a PyPI package) cannot be compared.
      intervals.stream()
          .collect(
              Collectors.groupingBy(
                  interval -> interval.scheme().name(), TreeMap::new, Collectors.toList()))
          .values()
          .forEach(group -> checkOverlaps(a, path, group, findings));
    }
  }

  private Optional<Interval> checkRange(
      Advisory a,
      Affected p,
      String path,
      int index,
      AffectedRange range,
      VersionScheme ecosystemScheme,
      Findings findings) {
    if (range.fixed().isPresent() && range.lastAffected().isPresent()) {
      findings.report(
          Rule.RANGE_SHAPE,
          a.source().key(path + ".last_affected"),
          "an interval has one end: `fixed` (first fixed version) or `last_affected` (last "
              + "vulnerable version), not both; split it into two intervals if you mean two");
      return Optional.empty();
    }
    if (range.introduced().isEmpty() && range.fixed().isEmpty() && range.lastAffected().isEmpty()) {
      findings.report(
          Rule.RANGE_SHAPE,
          a.source().key(path),
          "the interval is empty; give `introduced` and `fixed` (or `last_affected`)");
      return Optional.empty();
    }
    if (range.type() == RangeType.GIT) {
      checkGitRange(a, path, range, findings);
      return Optional.empty();
    }
    if (range.repo().isPresent()) {
      findings.report(
          Rule.RANGE_SHAPE,
          a.source().key(path + ".repo"),
          "`repo` belongs to GIT ranges; remove it, or set `type: GIT` and use commit hashes");
    }
    VersionScheme scheme =
        range.type() == RangeType.SEMVER ? VersionSchemes.SEMVER : ecosystemScheme;
    String what =
        range.type() == RangeType.SEMVER && ecosystemScheme != VersionSchemes.SEMVER
            ? "SEMVER range"
            : p.ecosystem();
    Optional<Version> introduced =
        range
            .introduced()
            .filter(v -> !v.equals(AffectedRange.BEGINNING))
            .flatMap(v -> parse(a, path + ".introduced", v, scheme, what, findings));
    boolean introducedOk =
        range.introduced().isEmpty()
            || range.introduced().get().equals(AffectedRange.BEGINNING)
            || introduced.isPresent();
    Optional<Version> fixed =
        range.fixed().flatMap(v -> parse(a, path + ".fixed", v, scheme, what, findings));
    Optional<Version> last =
        range
            .lastAffected()
            .flatMap(v -> parse(a, path + ".last_affected", v, scheme, what, findings));
    range
        .limit()
        .filter(v -> !v.equals("*"))
        .ifPresent(v -> parse(a, path + ".limit", v, scheme, what, findings));
    if (range.type() == RangeType.SEMVER) {
      warnOfV(a, path + ".introduced", range.introduced(), introduced, findings);
      warnOfV(a, path + ".fixed", range.fixed(), fixed, findings);
      warnOfV(a, path + ".last_affected", range.lastAffected(), last, findings);
    }
    if (!scheme.isOrdered()
        || !introducedOk
        || (range.fixed().isPresent() && fixed.isEmpty())
        || (range.lastAffected().isPresent() && last.isEmpty())) {
      return Optional.empty();
    }
    if (introduced.isPresent()
        && fixed.isPresent()
        && fixed.get().compareTo(introduced.get()) <= 0) {
      findings.report(
          Rule.RANGE_ORDER,
          a.source().value(path + ".fixed"),
          "`fixed` "
              + fixed.get()
              + " is not after `introduced` "
              + introduced.get()
              + " under "
              + scheme.name()
              + " ordering; swap them or fix the typo");
      return Optional.empty();
    }
    if (introduced.isPresent() && last.isPresent() && last.get().compareTo(introduced.get()) < 0) {
      findings.report(
          Rule.RANGE_ORDER,
          a.source().value(path + ".last_affected"),
          "`last_affected` "
              + last.get()
              + " is before `introduced` "
              + introduced.get()
              + " under "
              + scheme.name()
              + " ordering; swap them or fix the typo");
      return Optional.empty();
    }
    return Optional.of(
        new Interval(
            index, scheme, introduced.orElse(null), fixed.or(() -> last), last.isPresent()));
  }

  /** R006 for a version that parsed and starts with Go's {@code v}. */
  private static void warnOfV(
      Advisory a, String path, Optional<String> text, Optional<Version> parsed, Findings findings) {
    if (text.isEmpty() || parsed.isEmpty()) return;
    String bare = VersionSchemes.withoutVPrefix(text.get());
    if (bare.equals(text.get())) return;
    findings.report(
        Rule.SEMVER_V_PREFIX,
        a.source().value(path),
        "`"
            + text.get()
            + "` starts with `v`, which OSV's SEMVER versions leave out (Go's tag v"
            + bare
            + " is version "
            + bare
            + "); write `"
            + bare
            + "`");
  }

  private static void checkGitRange(
      Advisory a, String path, AffectedRange range, Findings findings) {
    if (range.repo().isEmpty()) {
      findings.report(
          Rule.RANGE_SHAPE,
          a.source().key(path),
          "a GIT range needs `repo`, the repository URL its commits belong to");
    } else if (!Urls.isHttpUrl(range.repo().get())) {
      findings.report(
          Rule.RANGE_SHAPE,
          a.source().value(path + ".repo"),
          "`repo` is `" + range.repo().get() + "`; write the repository's https URL");
    }
    List<String[]> events = new ArrayList<>();
    range
        .introduced()
        .filter(v -> !v.equals(AffectedRange.BEGINNING))
        .ifPresent(v -> events.add(new String[] {"introduced", v}));
    range.fixed().ifPresent(v -> events.add(new String[] {"fixed", v}));
    range.lastAffected().ifPresent(v -> events.add(new String[] {"last_affected", v}));
    range.limit().ifPresent(v -> events.add(new String[] {"limit", v}));
    for (String[] event : events) {
      if (!COMMIT.matcher(event[1]).matches()) {
        findings.report(
            Rule.RANGE_SHAPE,
            a.source().value(path + "." + event[0]),
            "`"
                + event[0]
                + "` in a GIT range is `"
                + event[1]
                + "`, not a commit hash; write "
                + "the full lower-case hash of the commit",
            importedFrom(a));
      }
    }
  }

  private static Optional<Version> parse(
      Advisory a,
      String path,
      String text,
      VersionScheme scheme,
      String ecosystem,
      Findings findings) {
    try {
      return Optional.of(scheme.parse(text));
    } catch (InvalidVersionException e) {
      findings.report(
          Rule.INVALID_VERSION,
          a.source().value(path),
          e.getMessage() + " (" + ecosystem + " versions follow " + scheme.name() + ")",
          importedFrom(a));
      return Optional.empty();
    }
  }

  private static void checkOverlaps(
      Advisory a, String path, List<Interval> intervals, Findings findings) {
    List<Interval> sorted = new ArrayList<>(intervals);
    sorted.sort(
        Comparator.comparing(Interval::start, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(Interval::index));
    for (int i = 0; i < sorted.size(); i++) {
      for (int j = i + 1; j < sorted.size(); j++) {
        Interval x = sorted.get(i);
        Interval y = sorted.get(j);
        if (startsBeforeEnd(y, x)) {
          Interval later = x.index() > y.index() ? x : y;
          Interval earlier = later == x ? y : x;
          findings.report(
              Rule.RANGE_OVERLAP,
              a.source().key(path + ".ranges[" + later.index() + "]"),
              "this interval ("
                  + describe(later)
                  + ") overlaps interval "
                  + (earlier.index() + 1)
                  + " ("
                  + describe(earlier)
                  + "); merge them into one",
              importedFrom(a));
        }
      }
    }
  }

  /**
   * The record an imported advisory came from: its versions are its database's, and a problem that
   * does not stop the site from rendering them is a warning there.
   */
  private static Optional<String> importedFrom(Advisory a) {
    return a.importedFrom().map(ImportedFrom::describe);
  }

  /** Whether {@code y}, which starts no earlier than {@code x}, starts before {@code x} ends. */
  private static boolean startsBeforeEnd(Interval y, Interval x) {
    if (x.end().isEmpty()) return true;
    if (y.start() == null) return true;
    int c = y.start().compareTo(x.end().get());
    return x.endInclusive() ? c <= 0 : c < 0;
  }

  private static String describe(Interval i) {
    String start = i.start() == null ? "" : "≥ " + i.start();
    String end = i.end().map(e -> (i.endInclusive() ? "≤ " : "< ") + e).orElse("");
    return start.isEmpty()
        ? (end.isEmpty() ? "all versions" : end)
        : end.isEmpty() ? start : start + ", " + end;
  }
}
