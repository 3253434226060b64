package dev.disclose.yaml;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's resolver, answering at once for a plain scalar that starts with a digit and holds two
 * dots or more (a version such as 1.2.3, of which advisories list many): no implicit type of YAML
 * 1.1 that starts with a digit (int, float, timestamp) has more than one dot, so it is a string,
 * and the regular expressions that would say so need not run.
 */
final class QuickResolver extends Resolver {
  @Override
  public Tag resolve(NodeId kind, String value, boolean implicit) {
    if (kind == NodeId.scalar && implicit && isDotted(value)) return Tag.STR;
    return super.resolve(kind, value, implicit);
  }

  private static boolean isDotted(String value) {
    if (value.isEmpty() || value.charAt(0) < '0' || value.charAt(0) > '9') return false;
    int first = value.indexOf('.');
    return first >= 0 && value.indexOf('.', first + 1) >= 0;
  }
}
