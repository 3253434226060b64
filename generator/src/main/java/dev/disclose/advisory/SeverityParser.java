package dev.disclose.advisory;

import dev.disclose.diagnostic.Rule;
import dev.disclose.yaml.YamlNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a {@code severity} (of the advisory, or of one affected package) into a {@link Severity}: a
 * bare CVSS vector, or a map of vectors, an Ubuntu priority and a level. Problems of shape are
 * reported, a bare value that is no CVSS vector at all among them; whether a vector's metrics are
 * valid is checked afterwards, with the other checks of meaning.
 */
final class SeverityParser {
  static final List<String> SEVERITY_KEYS =
      List.of("cvss_v2", "cvss_v3", "cvss_v4", "ubuntu", "level");

  /** Ubuntu's priorities, as OSV's Ubuntu severity type spells them. */
  static final List<String> UBUNTU_PRIORITIES =
      List.of("negligible", "low", "medium", "high", "critical", "untriaged");

  private SeverityParser() {}

  /** The severity written as {@code node} under {@code key} of {@code parent}. */
  static Severity parse(Fields parent, String key, YamlNode node) {
    String path = parent.child(key);
    if (node instanceof YamlNode.Scalar scalar) {
      String vector = scalar.text().strip();
      if (vector.startsWith("CVSS:4.")) {
        return new Severity(
            Optional.empty(),
            Optional.empty(),
            Optional.of(vector),
            Optional.empty(),
            Optional.empty());
      } else if (vector.startsWith("CVSS:3.")) {
        return new Severity(
            Optional.empty(),
            Optional.of(vector),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
      } else if (vector.startsWith("AV:")) {
        return new Severity(
            Optional.of(vector),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
      }
      parent
          .findings()
          .report(
              Rule.CVSS_INVALID,
              scalar.position(),
              "`"
                  + key
                  + "` is `"
                  + vector
                  + "`, which is not a CVSS vector; write a vector such as "
                  + "`CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H`, or a map with `cvss_v3`, `cvss_v4` and `level`");
      return Severity.NONE;
    }
    if (!(node instanceof YamlNode.Mapping m)) {
      parent.wrongType(key, node, "a CVSS vector or a map");
      return Severity.NONE;
    }
    Fields s =
        Fields.of(m, path, "`" + path + "`", SEVERITY_KEYS, parent.findings(), parent.positions());
    Optional<String> ubuntu = s.string("ubuntu").map(String::strip);
    ubuntu
        .filter(u -> !UBUNTU_PRIORITIES.contains(u.toLowerCase(Locale.ROOT)))
        .ifPresent(
            u ->
                parent
                    .findings()
                    .report(
                        Rule.INVALID_VALUE,
                        s.valuePosition("ubuntu"),
                        "`ubuntu` is `"
                            + u
                            + "`, which is not one of "
                            + Fields.list(UBUNTU_PRIORITIES)));
    return new Severity(
        s.string("cvss_v2").map(String::strip),
        s.string("cvss_v3").map(String::strip),
        s.string("cvss_v4").map(String::strip),
        ubuntu,
        s.enumValue("level", SeverityLevel.class, true));
  }
}
