package dev.disclose.rustsec;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryId;
import dev.disclose.advisory.Affected;
import dev.disclose.advisory.AffectedRange;
import dev.disclose.advisory.RangeType;
import dev.disclose.advisory.RustSecCategories;
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
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Advisory → RustSec advisory-db files: a TOML block with {@code [advisory]}, {@code [affected]}
 * and {@code [versions]}, then {@code # title} and the details, in the layout advisory-db's own
 * files use, ready to open a pull request with.
 *
 * <p>Each advisory's files go in a folder named after its ID on this site, laid out as advisory-db
 * is ({@code <ID>/crates/<crate>/<file>.md}), so that copying one folder's {@code crates/} into a
 * checkout of advisory-db is one pull request, and several never clash. RustSec assigns IDs on
 * merge: a new advisory is {@code RUSTSEC-0000-0000.md} with that placeholder ID, the only name
 * advisory-db's ID job numbers; an advisory with a RUSTSEC ID (its own, or an alias) is that file,
 * an update of RustSec's. {@code url} is the advisory's page on this site.
 *
 * <p>Only a CVSS 3.x vector becomes {@code cvss}: cargo-audit releases without CVSS 4.0 support
 * refuse to load a file with a 4.0 one. Every file is checked with {@link RustSecLint}, and what
 * advisory-db would refuse is in the notes, with where to fix it.
 *
 * <p>The TOML is written here rather than by jackson-dataformat-toml, which writes nested tables as
 * dotted keys ({@code advisory.id = …}) where advisory-db's files, and its reviewers, expect {@code
 * [advisory]} sections; tests read every file back with the Jackson TOML parser.
 */
public final class RustSecExporter {
  public static final String ECOSYSTEM = "crates.io";
  public static final String PLACEHOLDER_ID = "RUSTSEC-0000-0000";
  private static final Pattern RUSTSEC_ID = Pattern.compile("RUSTSEC-\\d{4}-\\d{4,}");

  /** One exported file: the advisory's folder, the file's path in advisory-db, and its text. */
  public record RustSecFile(String folder, String dbPath, String text) {
    /** Its path in the export: {@code <ID>/crates/<crate>/<file>.md}. */
    public String path() {
      return folder + "/" + dbPath;
    }
  }

  /** An advisory's files, and what the person exporting should know about them. */
  public record Export(List<RustSecFile> files, List<String> notes) {}

  private RustSecExporter() {}

  /** One file per crates.io package the advisory affects (RustSec: one crate per advisory). */
  public static Export export(Advisory a, String advisoryUrl) {
    List<String> notes = new ArrayList<>();
    long crates =
        a.affected().stream()
            .filter(p -> p.ecosystem().equals(ECOSYSTEM))
            .map(Affected::packageName)
            .distinct()
            .count();
    if (crates == 0) return new Export(List.of(), notes);
    // RustSec's date is the one cargo-audit shows as the advisory's: a later one would misstate it.
    if (a.effectivePublished().isEmpty()) {
      notes.add(
          at(a, "id")
              + ": "
              + a.id()
              + "'s publication date is not known, and a RustSec file needs one (`date`): not"
              + " exported; add `published` once the date is known");
      return new Export(List.of(), notes);
    }
    List<String> rustsec = rustsecIds(a);
    if (rustsec.isEmpty() && a.withdrawn().isPresent()) {
      notes.add(
          at(a, "withdrawn")
              + ": "
              + a.id()
              + " is withdrawn and RustSec never had it: nothing to submit");
      return new Export(List.of(), notes);
    }
    if (!rustsec.isEmpty() && crates > 1) {
      notes.add(
          at(a, a.id().equals(rustsec.get(0)) ? "id" : "aliases")
              + ": "
              + a.id()
              + " is "
              + String.join(", ", rustsec)
              + " at RustSec and affects "
              + crates
              + " crates, but a RustSec advisory names one crate, and which one is not written here:"
              + " not exported; split the advisory, one crate and its RUSTSEC alias each");
      return new Export(List.of(), notes);
    }
    if (crates > 1) {
      notes.add(
          a.id()
              + " affects "
              + crates
              + " crates: RustSec files one advisory per crate, "
              + "so each file is a separate submission and gets its own RUSTSEC ID");
    }
    String id = rustsec.isEmpty() ? PLACEHOLDER_ID : rustsec.get(0);
    List<RustSecFile> files = new ArrayList<>();
    boolean v4Noted = false;
    for (int i = 0; i < a.affected().size(); i++) {
      Affected p = a.affected().get(i);
      if (!p.ecosystem().equals(ECOSYSTEM)) continue;
      RustSecFile f =
          new RustSecFile(
              a.id(),
              "crates/" + SitePaths.segment(p.packageName()) + "/" + id + ".md",
              text(a, p, id, advisoryUrl));
      files.add(f);
      List<String> notSemVer = p.versions().stream().filter(v -> !isSemVer(v)).toList();
      if (!notSemVer.isEmpty()) {
        notes.add(
            at(a, "affected[" + i + "].versions")
                + ": "
                + a.id()
                + " lists "
                + String.join(", ", notSemVer)
                + ", not SemVer, which Cargo's requirements cannot name: left out of its RustSec"
                + " file's [versions]; write the crate's release as crates.io lists it");
      }
      Severity severity = severity(a, p);
      if (severity.cvssV3().isEmpty() && severity.cvssV4().isPresent() && !v4Noted) {
        v4Noted = true;
        notes.add(
            at(a, p.severity().isPresent() ? "affected[" + i + "].severity" : "severity")
                + ": "
                + a.id()
                + " has only a CVSS 4.0 vector: its RustSec file has no `cvss`, since cargo-audit"
                + " releases without CVSS 4.0 support refuse a file with one; add a CVSS 3.1 vector"
                + " beside it (`cvss_v3:`) to rate it there");
      }
      for (RustSecLint.Problem problem : RustSecLint.check(f.dbPath(), f.text())) {
        notes.add(
            f.path()
                + ":"
                + problem.line()
                + ": RustSec's tools would refuse this file: "
                + problem.message()
                + "; "
                + fix(a, i, problem.key()));
      }
    }
    List<String> unknown =
        a.categories().stream().filter(c -> !RustSecCategories.ALL.contains(c)).toList();
    if (!unknown.isEmpty()) {
      notes.add(
          at(a, "categories")
              + ": RustSec has no category "
              + String.join(", ", unknown)
              + ": left out of "
              + a.id()
              + "'s RustSec file; use one of RustSec's categories, or a keyword");
    }
    return new Export(files, notes);
  }

  /** RustSec's IDs for the advisory: its own ID if RustSec's, then its RUSTSEC aliases. */
  static List<String> rustsecIds(Advisory a) {
    return Stream.concat(Stream.of(a.id()), a.aliases().stream())
        .filter(x -> RUSTSEC_ID.matcher(x).matches() && !x.equals(PLACEHOLDER_ID))
        .distinct()
        .toList();
  }

  /** The package's severity where it has one, else the advisory's. */
  private static Severity severity(Advisory a, Affected p) {
    return p.severity().filter(s -> !s.isEmpty()).orElse(a.severity());
  }

  /** {@code file:line} of a field of the advisory, for a note. */
  private static String at(Advisory a, String field) {
    return a.source().relativePath() + ":" + a.source().key(field).line();
  }

  /**
   * Where to fix what advisory-db refuses under {@code key}, in the advisory the file is made of.
   */
  private static String fix(Advisory a, int index, String key) {
    String p = "affected[" + index + "]";
    return switch (key) {
      case "url" -> "the URL is the advisory's page: set base_url in site-config.yaml to https://";
      case "markdown" ->
          "fix the title or details at "
              + a.source().relativePath()
              + ":"
              + a.source().detailsLine()
              + " (write a handle as `@name` in backticks, or as a link)";
      case "id", "date" -> "fix `published` or the RUSTSEC alias at " + at(a, "published");
      case "aliases",
          "related",
          "categories",
          "keywords",
          "references",
          "withdrawn",
          "informational" ->
          "fix `" + key + "` at " + at(a, key);
      case "cvss" -> "fix `severity` at " + at(a, "severity");
      case "license" -> "fix `database_specific.license` at " + at(a, "database_specific");
      case "arch", "os", "functions" -> "fix `" + key + "` at " + at(a, p + "." + key);
      case "versions", "patched", "unaffected" -> "fix `ranges` at " + at(a, p + ".ranges");
      default -> "fix it in " + a.source().relativePath();
    };
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
    List<String> categories =
        a.categories().stream().filter(RustSecCategories.ALL::contains).toList();
    if (!categories.isEmpty()) t.strings("categories", categories);
    if (!a.keywords().isEmpty()) t.strings("keywords", a.keywords());
    // A record kept under another database's ID (GHSA-…) names it as an alias there.
    List<String> aliases =
        Stream.concat(
                AdvisoryId.isKnownDatabaseId(a.id()) ? Stream.of(a.id()) : Stream.empty(),
                a.aliases().stream())
            .filter(x -> !x.equals(id))
            .distinct()
            .toList();
    if (!aliases.isEmpty()) t.strings("aliases", aliases);
    if (!a.related().isEmpty()) t.strings("related", a.related());
    // CVSS 3.x only: cargo-audit releases without CVSS 4.0 support refuse a 4.0 vector.
    severity(a, p).cvssV3().ifPresent(v -> t.string("cvss", v));
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
   * a listed 1.3.0 after a fix in 1.1.0 must not end up "patched". A listed version that is not
   * SemVer is left out, since no Cargo requirement can name it.
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
      if (!isSemVer(v)) continue;
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

  /** Whether a listed version is one a Cargo requirement can name. */
  private static boolean isSemVer(String v) {
    return parse(VersionSchemes.SEMVER, v) != null;
  }

  /**
   * "0" and anything unparsable sort first; validation has already refused malformed range
   * versions.
   */
  private static Version parse(VersionScheme scheme, String text) {
    if (text.equals(AffectedRange.BEGINNING)) return null;
    try {
      return scheme.parse(text);
    } catch (InvalidVersionException e) {
      return null;
    }
  }
}
