package dev.disclose.check;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.Affected;
import dev.disclose.advisory.AffectedRange;
import dev.disclose.advisory.Credit;
import dev.disclose.diagnostic.Findings;
import dev.disclose.diagnostic.Rule;
import dev.disclose.yaml.Position;
import java.util.List;
import java.util.Map;

/**
 * I008 related-discloses, C003 text-discloses: nothing a public advisory publishes names an
 * advisory that is held back. Messages quote only what the public file itself says.
 */
final class DisclosureCheck {
  private DisclosureCheck() {}

  /** What a found name is, as a message says it: the public file's own words and the ID's state. */
  static String describe(EmbargoedNames.Match m) {
    return "`"
        + m.found()
        + "` "
        + (!m.isId()
            ? "names " + m.owner().id() + ", which is"
            : m.found().equals(m.owner().id()) ? "is" : "is " + m.owner().id() + ", which is")
        + " "
        + m.owner().state();
  }

  /** The findings of public advisory {@code a} against the names {@code held} back. */
  static void check(Advisory a, EmbargoedNames held, Findings findings) {
    if (held.isEmpty()) return;
    related(a, "related", a.related(), held, findings);
    related(a, "upstream", a.upstream(), held, findings);

    text(a, "title", a.title(), held, findings);
    for (int i = 0; i < a.keywords().size(); i++)
      text(a, "keywords[" + i + "]", a.keywords().get(i), held, findings);
    for (int i = 0; i < a.categories().size(); i++)
      text(a, "categories[" + i + "]", a.categories().get(i), held, findings);
    for (int i = 0; i < a.references().size(); i++)
      text(a, "references[" + i + "].url", a.references().get(i).url(), held, findings);
    for (int i = 0; i < a.credits().size(); i++) {
      Credit c = a.credits().get(i);
      text(a, "credits[" + i + "].name", c.name(), held, findings);
      for (int j = 0; j < c.contact().size(); j++)
        text(a, "credits[" + i + "].contact[" + j + "]", c.contact().get(j), held, findings);
    }
    a.withdrawn().ifPresent(w -> text(a, "withdrawn.reason", w.reason(), held, findings));
    for (int i = 0; i < a.affected().size(); i++) {
      Affected p = a.affected().get(i);
      String at = "affected[" + i + "]";
      text(a, at + ".package", p.packageName(), held, findings);
      p.purl().ifPresent(purl -> text(a, at + ".purl", purl, held, findings));
      for (var f : p.functions().entrySet()) {
        text(a, at + ".functions", f.getKey(), held, findings);
        for (String v : f.getValue()) text(a, at + ".functions", v, held, findings);
      }
      for (int j = 0; j < p.ranges().size(); j++) {
        AffectedRange r = p.ranges().get(j);
        String range = at + ".ranges[" + j + "]";
        r.repo().ifPresent(repo -> text(a, range + ".repo", repo, held, findings));
        freeForm(a, range + ".database_specific", r.databaseSpecific(), held, findings);
      }
      freeForm(a, at + ".database_specific", p.databaseSpecific(), held, findings);
      freeForm(a, at + ".ecosystem_specific", p.ecosystemSpecific(), held, findings);
    }
    freeForm(a, "database_specific", a.databaseSpecific(), held, findings);

    String[] lines = a.details().split("\n", -1);
    for (int k = 0; k < lines.length; k++) {
      for (EmbargoedNames.Match m : held.find(lines[k])) {
        findings.report(
            Rule.TEXT_DISCLOSES,
            new Position(a.source().detailsLine() + k, m.start() + 1),
            describe(m)
                + "; the details are published with this advisory (its page, feeds, OSV record):"
                + " leave the name out until that advisory is public");
      }
    }
  }

  private static void related(
      Advisory a, String key, List<String> ids, EmbargoedNames held, Findings findings) {
    for (int i = 0; i < ids.size(); i++) {
      for (EmbargoedNames.Match m : held.find(ids.get(i))) {
        findings.report(
            Rule.RELATED_DISCLOSES,
            a.source().value(key + "[" + i + "]"),
            describe(m)
                + "; `"
                + key
                + "` is published with this advisory (its page, OSV record, VEX): remove the"
                + " entry until that advisory is public, then add it back");
      }
    }
  }

  private static void text(
      Advisory a, String path, String value, EmbargoedNames held, Findings findings) {
    for (EmbargoedNames.Match m : held.find(value)) {
      findings.report(
          Rule.TEXT_DISCLOSES,
          a.source().value(path),
          describe(m)
              + "; `"
              + path
              + "` is published with this advisory: leave the name out until that advisory is"
              + " public");
    }
  }

  /** Every string in free-form data, keys included: OSV records carry it as written. */
  private static void freeForm(
      Advisory a, String path, Object value, EmbargoedNames held, Findings findings) {
    if (value instanceof Map<?, ?> map) {
      for (var e : map.entrySet()) {
        String child = path + "." + e.getKey();
        text(a, child, String.valueOf(e.getKey()), held, findings);
        freeForm(a, child, e.getValue(), held, findings);
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++)
        freeForm(a, path + "[" + i + "]", list.get(i), held, findings);
    } else if (value instanceof String s) {
      text(a, path, s, held, findings);
    }
  }
}
