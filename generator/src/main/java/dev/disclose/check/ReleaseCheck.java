package dev.disclose.check;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryId;
import dev.disclose.advisory.AffectedRange;
import dev.disclose.advisory.RangeType;
import dev.disclose.catalog.EmbargoPolicy;
import dev.disclose.config.SiteConfig;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.diagnostic.DiagnosticSeverity;
import dev.disclose.diagnostic.Rule;
import dev.disclose.load.SiteRoot;
import dev.disclose.memo.Memo;
import dev.disclose.memo.Memo.Slot;
import dev.disclose.releases.Release;
import dev.disclose.releases.ReleaseFixes;
import dev.disclose.releases.ReleaseNotesLinker;
import dev.disclose.yaml.Position;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Advisories against release notes (L001-L006): every fix has its release, releases name what they
 * fix and nothing unknown, and nothing that is not public yet, in any disguise.
 */
final class ReleaseCheck {
  private ReleaseCheck() {}

  /** IDs release notes may name: the site's own, and the common databases'. */
  static Pattern mentions(String prefix) {
    String own = prefix.isEmpty() ? "" : AdvisoryId.ownPattern(prefix).pattern() + "|";
    return Pattern.compile(
        "\\b("
            + own
            + "CVE-\\d{4}-\\d{4,}|GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}"
            + "|RUSTSEC-\\d{4}-\\d{4}|GO-\\d{4}-\\d{4,}|PYSEC-\\d{4}-\\d+)\\b");
  }

  /** The IDs a release's notes name, found with the pattern of the site's ID prefix. */
  static final Slot<Named, List<String>> NAMED = new Slot<>("IDs release notes name");

  /** A release's notes, and the ID prefix its mentions are found with. */
  record Named(String notes, String prefix) {}

  /**
   * {@code texts}: each release notes file's text, by its path from the site root, to point at the
   * line that names an ID.
   */
  static List<Diagnostic> check(
      SiteRoot site,
      List<Advisory> advisories,
      List<Release> releases,
      Map<String, String> texts,
      SiteConfig config,
      Instant now,
      EmbargoedNames embargoed,
      Memo memo) {
    List<Diagnostic> out = new ArrayList<>();
    Map<String, Advisory> byName = new HashMap<>();
    for (Advisory a : advisories) {
      byName.putIfAbsent(a.id(), a);
      for (String alias : a.aliases()) byName.putIfAbsent(alias, a);
    }
    Map<Key, Release> byVersion = new HashMap<>();
    for (Release r : releases)
      byVersion.putIfAbsent(new Key(r.ecosystem(), r.packageName(), r.version()), r);
    Set<Key> held = new HashSet<>();
    for (SiteConfig.PublishedPackage p : config.packages()) {
      if (p.releaseNotes()
          .filter(s -> !(s instanceof SiteConfig.ReleaseNotesSource.UrlTemplate))
          .isPresent()) {
        held.add(new Key(p.ecosystem(), p.name(), ""));
      }
    }

    // Advisories: each fix of a public advisory has its release, which came out no later.
    for (Advisory a : advisories) {
      // A withdrawn advisory was no vulnerability: its "fix" owes no release entry.
      if (!EmbargoPolicy.isPublic(a, now) || a.withdrawn().isPresent()) continue;
      for (int i = 0; i < a.affected().size(); i++) {
        var p = a.affected().get(i);
        if (!held.contains(new Key(p.ecosystem(), p.packageName(), ""))) continue;
        for (int j = 0; j < p.ranges().size(); j++) {
          AffectedRange r = p.ranges().get(j);
          if (r.type() == RangeType.GIT || r.fixed().isEmpty()) continue;
          String version = r.fixed().get();
          Release release = byVersion.get(new Key(p.ecosystem(), p.packageName(), version));
          if (release == null) {
            Position at = a.source().value("affected[" + i + "].ranges[" + j + "].fixed");
            out.add(
                new Diagnostic(
                    a.source().file(),
                    at,
                    Rule.RELEASE_MISSING,
                    config.releaseNotesRequired()
                        ? DiagnosticSeverity.ERROR
                        : DiagnosticSeverity.WARNING,
                    p.packageName()
                        + " "
                        + version
                        + " has no entry in its release notes; add one, or correct the version"));
          } else if (release.date().isPresent()
              && a.effectivePublished().isPresent()
              && a.effectivePublished().get().date().isBefore(release.date().get())) {
            out.add(
                Diagnostic.of(
                    a.source().file(),
                    a.source().value("published"),
                    Rule.PUBLISHED_BEFORE_RELEASE,
                    "published "
                        + a.effectivePublished().get().date()
                        + ", before "
                        + p.packageName()
                        + " "
                        + version
                        + " was released ("
                        + release.date().get()
                        + "): users could read of the flaw before they could upgrade"));
          }
        }
      }
    }

    // Releases: what they name exists and is public; what they fix, they name.
    Pattern ids = mentions(config.idPrefix());
    ReleaseFixes fixes = ReleaseFixes.of(advisories);
    Map<String, String[]> files = new HashMap<>();
    for (Release r : releases) {
      // The file as shown, and its lines to point at a name: made only for a finding.
      Supplier<Path> file = () -> site.display().of(site.root().resolve(r.source()));
      Supplier<String[]> lines = () -> files.computeIfAbsent(r.source(), s -> lines(texts.get(s)));
      List<String> named =
          memo.get(
              NAMED,
              r.source() + "\0" + r.line(),
              new Named(r.notes(), config.idPrefix()),
              in -> named(in.notes(), ids));
      for (String id : named) {
        Advisory a = byName.get(id);
        if (a == null) {
          out.add(
              Diagnostic.of(
                  file.get(),
                  find(lines.get(), id, r.line()),
                  Rule.RELEASE_UNKNOWN_ADVISORY,
                  "`"
                      + id
                      + "` is the ID or alias of no advisory of this site;"
                      + " correct it, or add the advisory"));
        }
      }
      // Names held back, found in the notes as they render (any case, escaped, as entities),
      // each at its line of the file.
      if (!embargoed.isEmpty()) {
        String[] notes = r.notes().split("\n", -1);
        int cursor = Math.max(0, r.line() - 1);
        for (String line : notes) {
          if (embargoed.find(line).isEmpty()) continue;
          String[] all = lines.get();
          int at = locate(all, line, cursor);
          if (at >= 0) cursor = at + 1;
          for (EmbargoedNames.Match m : embargoed.find(at >= 0 ? all[at] : line)) {
            out.add(
                Diagnostic.of(
                    file.get(),
                    at >= 0 ? new Position(at + 1, m.start() + 1) : new Position(r.line(), 1),
                    Rule.RELEASE_DISCLOSES,
                    DisclosureCheck.describe(m)
                        + "; the release page"
                        + " would disclose it: keep it out of the published notes until then"));
          }
        }
      }
      // A release not out yet that fixes a held-back advisory announces the fix ahead of it.
      LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
      if (r.date().filter(d -> d.isAfter(today)).isPresent()) {
        for (Advisory a : fixes.of(r)) {
          if (EmbargoPolicy.isPublic(a, now)) continue;
          out.add(
              Diagnostic.of(
                  file.get(),
                  new Position(Math.max(1, r.line()), 1),
                  Rule.RELEASE_AHEAD,
                  r.packageName()
                      + " "
                      + r.version()
                      + " is dated "
                      + r.date().get()
                      + ", after now, and fixes an advisory that is "
                      + (a.embargo().isPresent()
                          ? "embargoed until " + a.embargo().get()
                          : "not published")
                      + ": its release page would announce the fix first; keep the release out of the published notes until it is out and"
                      + " the advisory public, or correct its date"));
        }
      }
      // The same test as link-release-notes, so the two never disagree about a release.
      for (Advisory a : fixes.of(r)) {
        if (!EmbargoPolicy.isPublic(a, now)
            || a.withdrawn().isPresent()
            || ReleaseNotesLinker.mentions(r.notes(), a)) continue;
        out.add(
            Diagnostic.of(
                file.get(),
                new Position(r.line(), 1),
                Rule.RELEASE_SILENT,
                r.packageName()
                    + " "
                    + r.version()
                    + " fixes "
                    + a.id()
                    + " but its notes do not say so; add under `### Security`: `"
                    + ReleaseNotesLinker.entry(a)
                    + "`, or run `disclose link-release-notes --write`"));
      }
    }
    return out;
  }

  /**
   * A release of a package (a package alone: version ""). A record, not the three joined: the
   * strings of an unchanged advisory are the same instances from one preview rebuild to the next,
   * their hashes known.
   */
  private record Key(String ecosystem, String name, String version) {}

  /** The IDs a text names, in the order it names them first. */
  private static List<String> named(String notes, Pattern ids) {
    Set<String> named = new LinkedHashSet<>();
    Matcher m = ids.matcher(notes);
    while (m.find()) named.add(m.group(1));
    return List.copyOf(named);
  }

  /**
   * The index of the first of {@code lines} at or after {@code from} (0-based) that holds the line
   * of notes {@code line}, or -1: notes are lines of their file, stripped.
   */
  static int locate(String[] lines, String line, int from) {
    String wanted = line.strip();
    for (int i = from; i < lines.length; i++) if (lines[i].strip().equals(wanted)) return i;
    return -1;
  }

  /** The first occurrence of {@code text} at or after line {@code from} (1-based). */
  private static Position find(String[] lines, String text, int from) {
    for (int i = Math.max(0, from - 1); i < lines.length; i++) {
      int col = lines[i].indexOf(text);
      if (col >= 0) return new Position(i + 1, col + 1);
    }
    return new Position(Math.max(1, from), 1);
  }

  private static String[] lines(String text) {
    return text == null ? new String[0] : text.split("\n", -1);
  }
}
