package dev.disclose.cyclonedx;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Affected;
import dev.disclose.advisory.AffectedRange;
import dev.disclose.advisory.RangeType;
import dev.disclose.ecosystem.Ecosystems;
import dev.disclose.version.InvalidVersionException;
import dev.disclose.version.VersionScheme;
import dev.disclose.version.VersionSchemes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cyclonedx.model.vulnerability.Vulnerability;

/**
 * What an advisory's affected ranges and versions say in CycloneDX: the affected and unaffected
 * versions of each package, as {@code vers} ranges and single versions, and the recommendation that
 * names the fixes.
 */
final class AffectedVersions {
  private AffectedVersions() {}

  /**
   * Each affected interval as a {@code vers} range, each fixed version as unaffected, each listed
   * version as affected.
   */
  static List<Vulnerability.Version> versions(Affected p, String versScheme) {
    List<Vulnerability.Version> out = new ArrayList<>();
    for (AffectedRange r : p.ranges()) {
      if (r.type() == RangeType.GIT) continue; // commits, not versions
      out.add(version(null, r.vers(versScheme), Vulnerability.Version.Status.AFFECTED));
    }
    for (AffectedRange r : p.ranges()) {
      if (r.type() != RangeType.GIT)
        r.fixed()
            .ifPresent(f -> out.add(version(f, null, Vulnerability.Version.Status.UNAFFECTED)));
    }
    for (String listed : p.versions())
      out.add(version(listed, null, Vulnerability.Version.Status.AFFECTED));
    return out;
  }

  private static Vulnerability.Version version(
      String version, String range, Vulnerability.Version.Status status) {
    Vulnerability.Version v = new Vulnerability.Version();
    if (version != null) v.setVersion(version);
    if (range != null) v.setRange(range);
    v.setStatus(status);
    return v;
  }

  /**
   * Per package: "Upgrade corvid-serve (PyPI) to 0.7.2 or later." — "or later" only where no later
   * version is affected; versions from an interval without a fix, and versions listed one by one,
   * are named as having no fix.
   */
  static Optional<String> recommendation(Advisory a) {
    List<String> lines = new ArrayList<>();
    for (Affected p : a.affected()) {
      List<AffectedRange> ranges =
          p.ranges().stream().filter(r -> r.type() != RangeType.GIT).toList();
      List<String> fixed = ranges.stream().flatMap(r -> r.fixed().stream()).distinct().toList();
      List<String> open =
          ranges.stream()
              .filter(r -> r.fixed().isEmpty() && r.lastAffected().isEmpty())
              .map(r -> r.introducedOrBeginning())
              .toList();
      String name = p.packageName() + " (" + p.ecosystem() + ")";
      List<String> listed = outsideRanges(p, ranges);
      if (!fixed.isEmpty()) {
        boolean laterAffected =
            !open.isEmpty()
                || !listed.isEmpty()
                || ranges.stream().anyMatch(r -> r.lastAffected().isPresent());
        lines.add(
            "Upgrade "
                + name
                + " to "
                + (fixed.size() == 1 ? fixed.get(0) : "one of " + String.join(", ", fixed))
                + (laterAffected
                    ? " (the fixed version of your release line)"
                    : fixed.size() == 1 ? " or later" : ", or later in its series")
                + ".");
      }
      for (String from : open) {
        lines.add(
            from.equals(AffectedRange.BEGINNING)
                ? "No version of " + name + " is fixed yet."
                : name + " from " + from + " on has no fix yet.");
      }
      if (!listed.isEmpty())
        lines.add(
            name
                + " "
                + String.join(", ", listed)
                + (listed.size() == 1 ? " is" : " are")
                + " affected too.");
    }
    return lines.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", lines));
  }

  /**
   * Listed versions outside every range (only where the ecosystem's versions can be ordered), with
   * every one that does not parse under its rules.
   */
  private static List<String> outsideRanges(Affected p, List<AffectedRange> ranges) {
    VersionScheme scheme = Ecosystems.versionScheme(p.ecosystem());
    if (!scheme.isOrdered()) return List.of();
    List<String> out = new ArrayList<>();
    for (String v : p.versions()) {
      try {
        dev.disclose.version.Version version = scheme.parse(v);
        if (ranges.stream()
            .noneMatch(
                r ->
                    VersionSchemes.inInterval(
                        scheme, version, r.introducedOrBeginning(), r.fixed(), r.lastAffected()))) {
          out.add(v);
        }
      } catch (InvalidVersionException e) {
        // A listed version is a literal release name, which no interval can be shown to hold.
        out.add(v);
      }
    }
    return out;
  }
}
