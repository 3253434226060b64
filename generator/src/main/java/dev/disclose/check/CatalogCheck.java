package dev.disclose.check;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryId;
import dev.disclose.advisory.Affected;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.diagnostic.DiagnosticSeverity;
import dev.disclose.diagnostic.Rule;
import dev.disclose.urls.SitePaths;
import dev.disclose.yaml.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Rules across files: I003 duplicate-id, I004 alias-conflict, I009 duplicate-record. Advisories
 * come in path order.
 */
final class CatalogCheck {
  private CatalogCheck() {}

  static List<Diagnostic> check(List<Advisory> advisories, String prefix) {
    List<Diagnostic> out = new ArrayList<>();
    Map<String, List<Advisory>> byId = new LinkedHashMap<>();
    for (Advisory a : advisories) {
      if (a.id().isEmpty() || AdvisoryId.isPlaceholder(a.id(), prefix)) continue;
      byId.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(a);
    }
    byId.forEach(
        (id, group) -> {
          if (group.size() < 2) return;
          for (Advisory a : group) {
            out.add(
                Diagnostic.of(
                    a.source().file(),
                    a.source().value("id"),
                    Rule.DUPLICATE_ID,
                    "the ID `"
                        + id
                        + "` is also declared in "
                        + othersNamed(group, a)
                        + "; give one of them a new ID"));
          }
        });

    Map<Advisory, List<Advisory>> copies = duplicates(advisories, out);

    Map<String, List<Advisory>> claims = new LinkedHashMap<>();
    for (Advisory a : advisories) {
      for (int i = 0; i < a.aliases().size(); i++) {
        String alias = a.aliases().get(i);
        if (a.aliases().indexOf(alias) < i) continue; // named twice: one claim
        claims.computeIfAbsent(alias, k -> new ArrayList<>()).add(a);
      }
    }
    claims.forEach(
        (alias, group) -> {
          List<Advisory> owners = byId.getOrDefault(alias, List.of());
          if (group.size() < 2 && owners.stream().allMatch(owner -> owner == group.get(0)))
            return; // the common case: no finding
          for (Advisory a : group) {
            String at = "aliases[" + a.aliases().indexOf(alias) + "]";
            // Copies of one record are reported as such (I009), not once for each alias.
            boolean copiesOnly =
                copies.getOrDefault(a, List.of()).containsAll(others(group, a).toList());
            if (group.size() > 1 && !copiesOnly) {
              // Records imported from different databases often share a CVE (a Go and a PyPI record
              // of one bug): worth a warning. Among the site's own advisories it is an error.
              boolean ownInvolved = group.stream().anyMatch(o -> isOwn(o, prefix));
              out.add(
                  new Diagnostic(
                      a.source().file(),
                      a.source().value(at),
                      Rule.ALIAS_CONFLICT,
                      ownInvolved ? DiagnosticSeverity.ERROR : DiagnosticSeverity.WARNING,
                      "the alias `"
                          + alias
                          + "` is also claimed by "
                          + others(group, a)
                              .map(
                                  o ->
                                      o.id()
                                          + " in "
                                          + where(o, o.source().value(aliasAt(o, alias))))
                              .collect(Collectors.joining(", "))
                          + (SitePaths.isSafeSegment(alias)
                              ? "; its redirect page "
                                  + SitePaths.advisory(alias)
                                  + " leads to only one of them (the most recently published)"
                              : "")
                          + "; one vulnerability, one advisory: merge them, or move it to `related`"));
            }
            for (Advisory owner : owners) {
              if (owner == a) continue;
              out.add(
                  Diagnostic.of(
                      a.source().file(),
                      a.source().value(at),
                      Rule.ALIAS_CONFLICT,
                      "the alias `"
                          + alias
                          + "` is the ID of another advisory of this site ("
                          + owner.source().file()
                          + "); one vulnerability, one advisory: merge them, or move it to `related`"));
            }
          }
        });
    return out;
  }

  /**
   * I009: advisories that are one record under several IDs: the same aliases, the same affected
   * packages and versions and the same details, what a copy of a file (or a renumbering stopped
   * midway) leaves. A withdrawn copy is how a duplicate is retired, so it counts no more. The
   * copies of each advisory.
   */
  private static Map<Advisory, List<Advisory>> duplicates(
      List<Advisory> advisories, List<Diagnostic> out) {
    Map<Record, List<Advisory>> byRecord = new LinkedHashMap<>();
    for (Advisory a : advisories) {
      if (a.withdrawn().isPresent() || a.details().isBlank()) continue;
      byRecord.computeIfAbsent(Record.of(a), k -> new ArrayList<>()).add(a);
    }
    Map<Advisory, List<Advisory>> copies = new HashMap<>();
    for (List<Advisory> group : byRecord.values()) {
      // One ID in several files is I003's.
      if (group.stream().map(Advisory::id).distinct().count() < 2) continue;
      for (Advisory a : group) {
        List<Advisory> others = others(group, a).toList();
        copies.put(a, others);
        out.add(
            Diagnostic.of(
                a.source().file(),
                a.source().value("id"),
                Rule.DUPLICATE_RECORD,
                "this advisory is the same record as "
                    + others.stream()
                        .map(o -> o.id() + " in " + where(o, o.source().value("id")))
                        .collect(Collectors.joining(", "))
                    + " (the same aliases, affected versions and details); one vulnerability,"
                    + " one advisory: delete the copy, or withdraw it (`withdrawn:`)"));
      }
    }
    return copies;
  }

  /** What makes two advisories one record, whatever their IDs and file names. */
  private record Record(Set<String> aliases, Set<Affected> affected, String details) {
    static Record of(Advisory a) {
      return new Record(
          Set.copyOf(a.aliases()),
          Set.copyOf(a.affected()),
          a.details().strip().replaceAll("\\s+", " "));
    }
  }

  private static Stream<Advisory> others(List<Advisory> group, Advisory self) {
    return group.stream().filter(o -> o != self);
  }

  private static String aliasAt(Advisory a, String alias) {
    return "aliases[" + a.aliases().indexOf(alias) + "]";
  }

  /** A file and line, as a message names them. */
  private static String where(Advisory a, Position at) {
    return a.source().file() + ":" + at.line();
  }

  /** Written here, not imported: numbered by the site and without a record it came from. */
  private static boolean isOwn(Advisory a, String prefix) {
    return a.importedFrom().isEmpty()
        && (AdvisoryId.parseOwn(a.id(), prefix).isPresent()
            || AdvisoryId.isPlaceholder(a.id(), prefix));
  }

  private static String othersNamed(List<Advisory> group, Advisory self) {
    return others(group, self)
        .map(o -> (o.id().equals(self.id()) ? "" : o.id() + " in ") + o.source().file())
        .collect(Collectors.joining(", "));
  }
}
