package dev.disclose.advisory;

import dev.disclose.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one entry of an advisory's {@code affected} list into an {@link Affected}: the package, its
 * ranges of versions (each range's type defaulting to the ecosystem's), listed versions, functions,
 * platforms and a severity of its own. Problems of shape are reported; whether the versions make
 * sense is checked afterwards, with the other checks of meaning.
 */
final class AffectedParser {
  static final List<String> AFFECTED_KEYS =
      List.of(
          "ecosystem",
          "package",
          "purl",
          "ranges",
          "versions",
          "functions",
          "os",
          "arch",
          "severity",
          "database_specific",
          "ecosystem_specific");
  static final List<String> RANGE_KEYS =
      List.of("type", "repo", "introduced", "fixed", "last_affected", "limit", "database_specific");

  private AffectedParser() {}

  /** The affected package written as {@code m}, at {@code path} under {@code parent}. */
  static Optional<Affected> parse(Fields parent, String path, YamlNode.Mapping m) {
    Fields a =
        Fields.of(m, path, "`" + path + "`", AFFECTED_KEYS, parent.findings(), parent.positions());
    Optional<String> ecosystem = a.requiredString("ecosystem");
    Optional<String> name = a.requiredString("package");
    List<AffectedRange> ranges = new ArrayList<>();
    a.eachMapping(
        "ranges",
        "one interval with `introduced` and `fixed`",
        (i, rm) ->
            ranges.add(range(a, a.child("ranges") + "[" + i + "]", rm, ecosystem.orElse(""))));
    Optional<Severity> severity =
        a.node("severity")
            .map(n -> SeverityParser.parse(a, "severity", n))
            .filter(s -> !s.isEmpty());
    return Optional.of(
        new Affected(
            ecosystem.orElse(""),
            name.orElse(""),
            a.string("purl"),
            ranges,
            a.strings("versions"),
            functions(a),
            a.strings("os"),
            a.strings("arch"),
            severity,
            a.freeForm("database_specific"),
            a.freeForm("ecosystem_specific")));
  }

  /** {@code functions}: a list of paths, or RustSec's map of path to version requirements. */
  private static Map<String, List<String>> functions(Fields a) {
    Map<String, List<String>> functions = new LinkedHashMap<>();
    Optional<YamlNode> node = a.node("functions");
    if (node.isPresent() && node.get() instanceof YamlNode.Mapping m) {
      Fields f =
          Fields.of(
              m,
              a.child("functions"),
              "`functions`",
              m.entries().stream().map(e -> e.key().text()).toList(),
              a.findings(),
              a.positions());
      for (YamlNode.Entry e : m.entries()) functions.put(e.key().text(), f.strings(e.key().text()));
    } else {
      for (String name : a.strings("functions")) functions.put(name, List.of());
    }
    return functions;
  }

  private static AffectedRange range(
      Fields parent, String path, YamlNode.Mapping m, String ecosystem) {
    Fields r =
        Fields.of(m, path, "`" + path + "`", RANGE_KEYS, parent.findings(), parent.positions());
    Optional<String> repo = r.string("repo");
    RangeType type =
        r.enumValue("type", RangeType.class, false)
            .orElse(repo.isPresent() ? RangeType.GIT : RangeType.defaultFor(ecosystem));
    return new AffectedRange(
        type,
        repo,
        r.string("introduced"),
        r.string("fixed"),
        r.string("last_affected"),
        r.string("limit"),
        r.freeForm("database_specific"));
  }
}
