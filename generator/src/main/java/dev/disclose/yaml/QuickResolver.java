package dev.disclose.yaml;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's resolver, answering at once for the plain scalars an advisory is mostly made of,
 * which its regular expressions would find to be strings: keys, words and URLs, which start with a
 * character no implicit type of YAML 1.1 starts with, and versions such as 1.2.3, which start with
 * a digit but hold two dots, more than any number or time has.
 */
final class QuickResolver extends Resolver {
  @Override
  public Tag resolve(NodeId kind, String value, boolean implicit) {
    if (kind == NodeId.scalar && implicit && (isWord(value) || isDotted(value))) return Tag.STR;
    return super.resolve(kind, value, implicit);
  }

  /**
   * Starts with a character no implicit type keys on; the types for any first character are null
   * (~, null or one space, whose first characters are keyed or a space) and the empty value.
   */
  private boolean isWord(String value) {
    return !value.isEmpty()
        && value.charAt(0) != ' '
        && !yamlImplicitResolvers.containsKey(value.charAt(0));
  }

  private static boolean isDotted(String value) {
    if (value.isEmpty() || value.charAt(0) < '0' || value.charAt(0) > '9') return false;
    int first = value.indexOf('.');
    return first >= 0 && value.indexOf('.', first + 1) >= 0;
  }
}
