package dev.disclose.rustsec;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Affected;
import dev.disclose.advisory.AffectedRange;
import dev.disclose.advisory.RangeType;
import dev.disclose.advisory.Severity;
import dev.disclose.advisory.Timestamp;
import dev.disclose.urls.SitePaths;
import dev.disclose.version.InvalidVersionException;
import dev.disclose.version.Version;
import dev.disclose.version.VersionScheme;
import dev.disclose.version.VersionSchemes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Advisory → RustSec advisory-db file ({@code crates/<crate>/<ID>.md}): a TOML block with {@code
 * [advisory]}, {@code [affected]} and {@code [versions]}, then {@code # title} and the details, in
 * the layout advisory-db's own files use, ready to open a pull request with.
 *
 * <p>RustSec assigns IDs on merge: a new submission carries the placeholder {@code
 * RUSTSEC-0000-0000}; an advisory imported from RustSec keeps its ID. {@code url} is the advisory's
 * page on this site.
 *
 * <p>The TOML is written here rather than by jackson-dataformat-toml, which writes nested tables as
 * dotted keys ({@code advisory.id = …}) where advisory-db's files, and its reviewers, expect {@code
 * [advisory]} sections; tests read every file back with the Jackson TOML parser.
 */
public final class RustSecExporter {
  public static final String ECOSYSTEM = "crates.io";
  public static final String PLACEHOLDER_ID = "RUSTSEC-0000-0000";

  /** One exported file: where it goes in advisory-db, and its text. */
  public record RustSecFile(String path, String text) {}

  private RustSecExporter() {}

  /** One file per crates.io package the advisory affects (RustSec: one crate per advisory). */
  public static List<RustSecFile> export(Advisory a, String advisoryUrl) {
    List<RustSecFile> files = new ArrayList<>();
    for (Affected p : a.affected()) {
      if (!p.ecosystem().equals(ECOSYSTEM)) continue;
      // An advisory RustSec already published (imported from it, say) keeps RustSec's ID.
      String id =
          a.id().startsWith("RUSTSEC-")
              ? a.id()
              : a.aliases().stream()
                  .filter(x -> x.startsWith("RUSTSEC-"))
                  .findFirst()
                  .orElse(PLACEHOLDER_ID);
      String name = (id.equals(PLACEHOLDER_ID) ? a.id() : id) + ".md";
      files.add(
          new RustSecFile(
              "crates/" + SitePaths.segment(p.packageName()) + "/" + name,
              text(a, p, id, advisoryUrl)));
    }
    return files;
  }

  static String text(Advisory a, Affected p, String id, String advisoryUrl) {
    Toml t = new Toml();
    t.line("```toml");
    t.line("[advisory]");
    t.string("id", id);
    t.string("package", p.packageName());
    a.effectivePublished().map(Timestamp::date).ifPresent(d -> t.string("date", d.toString()));
    t.string("url", advisoryUrl);
    List<String> references =
        a.references().stream()
            .map(r -> r.url())
            .filter(u -> !u.equals(advisoryUrl))
            .distinct()
            .toList();
    if (!references.isEmpty()) t.strings("references", references);
    if (!a.categories().isEmpty()) t.strings("categories", a.categories());
    if (!a.keywords().isEmpty()) t.strings("keywords", a.keywords());
    List<String> aliases = a.aliases().stream().filter(x -> !x.equals(id)).toList();
    if (!aliases.isEmpty()) t.strings("aliases", aliases);
    if (!a.related().isEmpty()) t.strings("related", a.related());
    // CVSS 3.x first: cargo-audit releases before CVSS 4.0 support cannot read a 4.0 vector.
    Severity severity = p.severity().filter(s -> !s.isEmpty()).orElse(a.severity());
    severity.cvssV3().or(severity::cvssV4).ifPresent(v -> t.string("cvss", v));
    a.informational().ifPresent(i -> t.string("informational", i.spelling()));
    a.withdrawn().ifPresent(w -> t.string("withdrawn", w.date().date().toString()));
    // What an import from RustSec keeps in database_specific; CC0-1.0 is RustSec's default.
    if (a.databaseSpecific().get("license") instanceof String license
        && !license.equals(RustSecImporter.DEFAULT_LICENSE)) {
      t.string("license", license);
    }
    if (Boolean.TRUE.equals(a.databaseSpecific().get("expect_deleted")))
      t.line("expect-deleted = true");

    List<String> vulnerable = vulnerableRequirements(p);
    if (!p.functions().isEmpty() || !p.os().isEmpty() || !p.arch().isEmpty()) {
      t.line("");
      t.line("[affected]");
      if (!p.arch().isEmpty()) t.strings("arch", p.arch());
      if (!p.os().isEmpty()) t.strings("os", p.os());
      if (!p.functions().isEmpty()) {
        t.line("");
        t.line("[affected.functions]");
        for (Map.Entry<String, List<String>> f : p.functions().entrySet()) {
          // A function listed without versions is affected wherever the package is.
          t.strings(Toml.quote(f.getKey()), f.getValue().isEmpty() ? vulnerable : f.getValue());
        }
      }
    }
    Requirements versions = requirements(p);
    t.line("");
    t.line("[versions]");
    t.strings("patched", versions.patched());
    if (!versions.unaffected().isEmpty()) t.strings("unaffected", versions.unaffected());
    t.line("```");
    t.line("");
    t.line("# " + a.title());
    t.line("");
    t.text(a.details().strip());
    return t.toString();
  }

  /** RustSec's [versions]: what has the fix, and what never had the flaw. */
  public record Requirements(List<String> patched, List<String> unaffected) {}

  /**
   * The complement of the affected intervals, as Cargo requirements: each fix is patched up to the
   * next affected interval, and versions before the first one are unaffected. Intervals are ordered
   * by SemVer; GIT ranges name commits and are left out.
   */
  public static Requirements requirements(Affected p) {
    List<AffectedRange> intervals = ordered(p);
    List<String> patched = new ArrayList<>();
    List<String> unaffected = new ArrayList<>();
    if (intervals.isEmpty()) return new Requirements(patched, unaffected);
    String first = intervals.get(0).introducedOrBeginning();
    if (!first.equals(AffectedRange.BEGINNING)) unaffected.add("< " + first);
    for (int i = 0; i < intervals.size(); i++) {
      AffectedRange r = intervals.get(i);
      Optional<String> lower =
          r.fixed().map(f -> ">= " + f).or(() -> r.lastAffected().map(l -> "> " + l));
      if (lower.isEmpty()) continue; // open-ended: nothing after it is fixed
      if (i + 1 < intervals.size()) {
        patched.add(lower.get() + ", < " + intervals.get(i + 1).introducedOrBeginning());
      } else {
        patched.add(lower.get());
      }
    }
    return new Requirements(patched, unaffected);
  }

  /** The affected intervals as requirements, for functions listed without their own. */
  static List<String> vulnerableRequirements(Affected p) {
    List<String> out = new ArrayList<>();
    for (AffectedRange r : ordered(p)) {
      List<String> parts = new ArrayList<>();
      if (!r.introducedOrBeginning().equals(AffectedRange.BEGINNING))
        parts.add(">= " + r.introducedOrBeginning());
      r.fixed().ifPresent(f -> parts.add("< " + f));
      r.lastAffected().ifPresent(l -> parts.add("<= " + l));
      out.add(parts.isEmpty() ? "*" : String.join(", ", parts));
    }
    return out;
  }

  /**
   * The affected intervals by start, with each explicitly listed version as an interval of its own:
   * a listed 1.3.0 after a fix in 1.1.0 must not end up "patched".
   */
  private static List<AffectedRange> ordered(Affected p) {
    VersionScheme semver = VersionSchemes.SEMVER;
    Comparator<AffectedRange> byStart =
        Comparator.comparing(
            r -> parse(semver, r.introducedOrBeginning()),
            Comparator.nullsFirst(Comparator.naturalOrder()));
    List<AffectedRange> all =
        new ArrayList<>(p.ranges().stream().filter(r -> r.type() != RangeType.GIT).toList());
    for (String v : p.versions()) {
      if (all.stream().noneMatch(r -> contains(semver, r, v))) {
        all.add(
            new AffectedRange(
                RangeType.SEMVER,
                Optional.empty(),
                Optional.of(v),
                Optional.empty(),
                Optional.of(v),
                Optional.empty(),
                Map.of()));
      }
    }
    all.sort(byStart);
    return all;
  }

  /** Whether version {@code v} lies in interval {@code r}. */
  private static boolean contains(VersionScheme scheme, AffectedRange r, String v) {
    Version version = parse(scheme, v);
    return version != null
        && VersionSchemes.inInterval(
            scheme, version, r.introducedOrBeginning(), r.fixed(), r.lastAffected());
  }

  /** "0" and anything unparsable sort first; validation has already refused malformed versions. */
  private static Version parse(VersionScheme scheme, String text) {
    if (text.equals(AffectedRange.BEGINNING)) return null;
    try {
      return scheme.parse(text);
    } catch (InvalidVersionException e) {
      return null;
    }
  }
}
