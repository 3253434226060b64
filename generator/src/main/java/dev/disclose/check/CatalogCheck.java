package dev.disclose.check;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryId;
import dev.disclose.diagnostic.Diagnostic;
import dev.disclose.diagnostic.DiagnosticSeverity;
import dev.disclose.diagnostic.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Rules across files: I003 duplicate-id, I004 alias-conflict. Advisories come in path order. */
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
                        + others(group, a)
                        + "; give one of them a new ID"));
          }
        });

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
            if (group.size() > 1) {
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

  private static boolean isOwn(Advisory a, String prefix) {
    return AdvisoryId.parseOwn(a.id(), prefix).isPresent()
        || AdvisoryId.isPlaceholder(a.id(), prefix);
  }

  private static String others(List<Advisory> group, Advisory self) {
    return group.stream()
        .filter(o -> o != self)
        .map(o -> (o.id().equals(self.id()) ? "" : o.id() + " in ") + o.source().file())
        .collect(Collectors.joining(", "));
  }
}
